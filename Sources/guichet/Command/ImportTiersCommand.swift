import ArgumentParser
import Foundation
import GuichetCommandLine
import SIMSModel

/// `guichet import tiers FILE.csv [--rejects FILE] [--source NAME --niveau 0|1|2] [--encore] [--strict]
/// [--doublons signaler]`
struct ImportTiersCommand: ParsableCommand, NamesAgentFiles {
    static let configuration = CommandConfiguration(
        commandName: "tiers", abstract: "Importe des tiers d'un fichier CSV (format dans le README).")

    @OptionGroup var store: StoreOptions
    @Argument(help: "Fichier CSV en UTF-8.") var file: String
    @Option(name: .long, help: "Fichier des lignes rejetées (par défaut FICHIER.rejets.csv).") var rejects: String?
    @Option(name: .long, help: "Source de confiance des valeurs (nommée dans la provenance de chaque fait et l'événement).")
    var source: String?
    @Option(name: .long, help: "Niveau de vérification des faits importés : 0 déclaré, 1 vérifié sur pièce, 2 validé (avec --source).")
    var niveau: Int?
    @Flag(name: .long, help: "Importer le fichier même s'il l'a déjà été (même contenu, même empreinte SHA-256).")
    var encore = false
    @Flag(name: .long, help: "Rejette toute la ligne quand une valeur facultative (téléphone, courriel, CAFAT, adresse) est fausse, au lieu de l'importer sans elle.")
    var strict = false
    @Option(name: .long, help: "signaler : les doublons probables des tiers importés (avec le registre ou entre eux) vont dans la file « Doublons » ; rien n'est fusionné.")
    var doublons: String?

    func validate() throws {
        if let doublons, doublons != "signaler" {
            throw ValidationError("--doublons : seule la valeur « signaler » existe (les paires vont dans la file « Doublons ») ; reçu « \(doublons) ».")
        }
    }

    func run() throws {
        try CommandFailure.guarded(retryingWhenBusy: true, storePath: store.path) {
            let trusted = try trustedSource()
            let (opened, admin) = try store.session()
            let lastBefore = try TierService(store: opened).highestID()
            // The summary is printed and flushed the moment the import commits: an administrator
            // whose session is cut afterwards (during the closing checkpoint) knows it is done.
            let input = try InheritedFiles.input(file, option: "FICHIER")
            let output = try InheritedFiles.output(rejects ?? TierImporter.defaultRejectsPath(for: file), option: "--rejects")
            let summary: (ImportReport) -> Void = { report in
                let rejected = report.rejected == 0 ? "aucune ligne rejetée" : FrenchCount.of(report.rejected, "ligne rejetée", "lignes rejetées")
                print("\(FrenchCount.of(report.imported, "tiers importé", "tiers importés")), \(rejected).")
                if report.importedWithout > 0 {
                    print("\(FrenchCount.of(report.importedWithout, "tiers importé", "tiers importés")) sans une valeur facultative fausse "
                        + "(téléphone, courriel…).")
                }
                if report.importedWithout > 0 {
                    print("Lignes rejetées ou incomplètes et motifs : \(report.rejectsPath)")
                } else if report.rejected > 0 {
                    print("Lignes rejetées et motifs : \(report.rejectsPath)")
                }
                fflush(nil)
            }
            let importer = TierImporter(store: opened)
            let imported: ImportReport
            if let (handle, name) = input, let (rejectsHandle, rejectsName) = output {
                // On a shared host, the agent's own guichet opened both files.
                imported = try importer.importTiers(reading: handle, path: name, rejectsTo: rejectsHandle, rejectsPath: rejectsName,
                                                    source: trusted, again: encore, strict: strict, by: admin, committed: summary)
            } else {
                imported = try importer.importTiers(path: file, rejectsPath: rejects, source: trusted, again: encore, strict: strict,
                                                    by: admin, committed: summary)
            }
            if doublons != nil, imported.imported > 0 {
                let lastAfter = try TierService(store: opened).highestID()
                var analysis = DuplicateAnalysis(store: opened)
                analysis.touching = (lastBefore + 1)...max(lastAfter, lastBefore + 1)
                let line = ProgressLine(label: "Doublons")   // short, so the whole line fits 80 columns
                let found = try analysis.run(by: admin) { phase, done, total in
                    line.update(phase, done: done, total: total, unit: phase == "lecture" ? "personnes" : "clés")
                }
                line.finish()
                print("\(DoublonsAnalyseCommand.counted(found.pairs.count, "paire")) de doublons probables dans la file « Doublons » "
                    + "(\(DoublonsAnalyseCommand.counted(found.added, "nouvelle"))) ; rien n'a été fusionné.")
            }
        }
    }

    var agentFiles: [AgentFile] {
        [AgentFile(option: "FICHIER", path: file, given: true, use: .read),
         AgentFile(option: "--rejects", path: rejects ?? TierImporter.defaultRejectsPath(for: file), given: rejects != nil,
                   use: .write(replacing: true))]
    }

    /// The trusted source named by `--source` and `--niveau`, nil for a plain import.
    private func trustedSource() throws -> ImportSource? {
        guard source != nil || niveau != nil else { return nil }
        guard let niveau, let level = VerificationLevel(rawValue: niveau) else {
            throw ValidationError(field: nil, message: "--niveau : 0 (déclaré), 1 (vérifié sur pièce) ou 2 (validé), avec --source NOM.")
        }
        guard let source else {
            throw ValidationError(field: nil, message: "--niveau \(niveau) demande --source NOM : la source de confiance qui garantit ces valeurs.")
        }
        return try ImportSource(name: source, level: level)
    }
}
