import ArgumentParser
import Foundation
import GuichetCommandLine
import SIMSModel

/// `guichet doublons analyser [--seuil P] [--json]`: the bulk duplicate analysis of the whole
/// register; its pairs fill the review queue (screen « Doublons »).
struct DoublonsAnalyseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyser", abstract: "Cherche les doublons dans tout le registre et les met dans la file « Doublons ».")

    @OptionGroup var store: StoreOptions
    @Option(name: .long, help: "Probabilité à partir de laquelle une paire est proposée (par défaut 0.9 : celles qu'un superviseur doit revoir).")
    var seuil: Double?
    @Flag(name: .long, help: "Imprime les paires en JSON : [{\"tier_a\": ID, \"tier_b\": ID, \"probabilite\": P, \"raisons\": [...]}].")
    var json = false

    func validate() throws {
        if let seuil, !(0...1).contains(seuil) {
            throw ValidationError("--seuil est une probabilité entre 0 et 1 (par exemple 0.9) ; reçu \(seuil).")
        }
    }

    func run() throws {
        try CommandFailure.guarded {
            let (opened, agent) = try store.session()
            var analysis = DuplicateAnalysis(store: opened)
            if let seuil { analysis.threshold = seuil }
            let line = ProgressLine(label: "Doublons")
            let units = ["lecture": "personnes", "comparaison": "clés"]
            let report = try analysis.run(by: agent) { phase, done, total in
                line.update(phase, done: done, total: total, unit: units[phase] ?? "")
            }
            line.finish()
            if json {
                let restricted = try TierRestrictionService(store: opened).restricted(among: report.pairs.flatMap { [$0.tierA, $0.tierB] })
                print(Self.json(report.pairs, restricted: restricted))
                return
            }
            print("\(Self.counted(report.persons, "personne")) \(report.persons > 1 ? "lues" : "lue"), "
                + "\(Self.counted(report.pairsScored, "paire")) \(report.pairsScored > 1 ? "comparées" : "comparée").")
            let threshold = String(format: "%.2f", report.threshold).replacingOccurrences(of: ".", with: ",")
            print("\(Self.counted(report.pairs.count, "paire")) à revoir au seuil \(threshold) : \(Self.counted(report.added, "nouvelle")), "
                + "\(report.updated) déjà dans la file, \(Self.counted(report.reopened, "reproposée")) (une des fiches a changé).")
            if report.alreadyDecided > 0 {
                print(report.alreadyDecided > 1 ? "\(report.alreadyDecided) paires déjà décidées ne sont pas reproposées."
                                                : "1 paire déjà décidée n'est pas reproposée.")
            }
            if report.incoherent > 0 {
                print("\(Self.counted(report.incoherent, "paire")) \(report.incoherent > 1 ? "écartées" : "écartée") : "
                    + "elle\(report.incoherent > 1 ? "s" : "") réunirai\(report.incoherent > 1 ? "en" : "")t des fiches qui ne sont pas la même personne.")
            }
            print("À revoir dans l'écran « Doublons » (touche D sur l'accueil).")
        }
    }

    /// « 1 paire », « 2 paires », « 0 paire » (French counts 0 and 1 in the singular).
    static func counted(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count > 1 ? "s" : "")" }

    /// One object per pair, in the order of the report (most likely first). A pair with a
    /// restricted record (RGPD « limitation ») is marked `limitee`, without its reasons: they
    /// compare that record's data, shown only with a motif (in the « Doublons » screen).
    static func json(_ pairs: [DuplicateAnalysisReport.Pair], restricted: Set<Int64> = []) -> String {
        let objects: [[String: Any]] = pairs.map { pair in
            var object: [String: Any] = ["tier_a": pair.tierA, "tier_b": pair.tierB,
                                         "probabilite": (pair.probability * 10_000).rounded() / 10_000]
            if restricted.contains(pair.tierA) || restricted.contains(pair.tierB) {
                object["limitee"] = true
            } else {
                object["raisons"] = pair.reasons
            }
            return object
        }
        let data = (try? JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys])) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
