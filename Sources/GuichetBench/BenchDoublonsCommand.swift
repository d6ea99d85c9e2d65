import ArgumentParser
import Foundation
import GuichetCommandLine
import SIMSFixtures
import SIMSModel

/// `guichet bench doublons --tiers N`: a population with known duplicates
/// (``BenchDuplicatePopulation``) imported into a fresh store, then the whole bulk analysis
/// (with `--entrainer`, again after `doublons entrainer`: the figures before and after);
/// precision, recall and F1 of its pairs at the default threshold, beside the baseline of exact
/// match on folded names and birth date.
struct BenchDoublonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doublons", abstract: "Analyse des doublons : précision, rappel, durée et mémoire, comparées à l'égalité exacte.")

    @Option(name: .long, help: "Nombre de fiches de la population (doublons compris).") var tiers = 100_000
    @Option(name: .long, help: "Graine des données.") var seed: UInt64 = 1
    @Option(name: .long, help: "Dossier de travail.") var workdir = NSTemporaryDirectory() + "guichet-bench"
    @Flag(name: .long, help: "Un objet JSON au lieu du tableau.") var json = false
    @Flag(name: .long, help: "Analyser aussi après avoir estimé les paramètres (doublons entrainer) : avant et après.") var entrainer = false
    @Flag(name: .long, help: "Garder la base et le fichier CSV (pour les comparer avec un autre outil).") var garder = false

    func validate() throws {
        guard tiers >= 100 else { throw ValidationError("--tiers doit valoir au moins 100.") }
    }

    func run() throws {
        try CommandFailure.guarded {
            let fm = FileManager.default
            try fm.createDirectory(atPath: workdir, withIntermediateDirectories: true)
            let csv = "\(workdir)/doublons-\(tiers)-\(seed).csv"
            let storePath = "\(workdir)/doublons-\(tiers)-\(seed).sqlite"
            let truthPath = "\(workdir)/doublons-\(tiers)-\(seed).verite.txt"
            StoreFiles.remove(storePath: storePath)
            let say = { (text: String) in FileHandle.standardError.write(Data((text + "\n").utf8)) }
            say("Écriture de \(csv)…")
            var population = BenchDuplicatePopulation(tiers: tiers, seed: seed)
            let entity = try population.write(to: csv)
            let store = try SIMSStore.open(path: storePath, create: true)
            let admin = try AgentService(store: store).initialise(login: LoginResolver.current(), fullName: "bench")
            say("Import de \(entity.count) fiches…")
            let imported = try TierImporter(store: store).importTiers(path: csv, rejectsPath: "\(workdir)/doublons-\(tiers).rejets.csv", by: admin)
            guard imported.rejected == 0, imported.imported == entity.count else {
                CommandFailure.fail("\(imported.rejected) lignes rejetées par l'import (voir \(imported.rejectsPath)) : la vérité ne tient plus.")
            }
            let firstID = try DuplicateKeyBaseline.firstTierID(store)
            if garder {
                try entity.map(String.init).joined(separator: "\n").write(toFile: truthPath, atomically: true, encoding: .utf8)
            }
            say("Analyse…")
            // Peak memory of the analysis alone: the kernel's high-water mark is reset first.
            try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
            func analyse() throws -> (report: DuplicateAnalysisReport, seconds: Double) {
                let line = ProgressLine(label: "Analyse")
                var report: DuplicateAnalysisReport?
                let seconds = try BenchMeasure.milliseconds {
                    report = try DuplicateAnalysis(store: store).run(by: admin) { phase, done, total in
                        line.update(phase, done: done, total: total, unit: phase == "lecture" ? "personnes" : "clés")
                    }
                } / 1000
                line.finish()
                guard let report else { throw ValidationError(field: nil, message: "Analyse sans résultat.") }
                return (report, seconds)
            }
            let (report, seconds) = try analyse()
            let peak = BenchMeasure.peakRSSMegabytes()
            // With --entrainer, the analysis again with the parameters `doublons entrainer` estimates.
            var trained: (report: DuplicateAnalysisReport, seconds: Double, lambda: Double)?
            var trainSeconds = 0.0
            if entrainer {
                say("Estimation des paramètres, puis analyse avec eux…")
                var learnt: MatchTrainer.Report?
                trainSeconds = try BenchMeasure.milliseconds { learnt = try MatchTrainer(store: store).train(by: admin) } / 1000
                let again = try analyse()
                trained = (again.report, again.seconds, learnt?.parameters.lambda ?? 0)
            }

            var baselinePairs: [(Int64, Int64)] = []
            let baselineSeconds = try BenchMeasure.milliseconds {
                baselinePairs = try DuplicateKeyBaseline.pairs(store)
            } / 1000

            var truePairs = 0
            var sizes: [Int32: Int] = [:]
            for person in entity { sizes[person, default: 0] += 1 }
            for (_, count) in sizes { truePairs += count * (count - 1) / 2 }
            func figures(_ pairs: [(Int64, Int64)]) -> (precision: Double, recall: Double, f1: Double) {
                let right = pairs.filter { a, b in
                    let (i, j) = (Int(a - firstID), Int(b - firstID))
                    return entity.indices.contains(i) && entity.indices.contains(j) && entity[i] == entity[j]
                }.count
                let precision = pairs.isEmpty ? 1 : Double(right) / Double(pairs.count)
                let recall = truePairs == 0 ? 1 : Double(right) / Double(truePairs)
                return (precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall))
            }
            // Deciding the queue's pairs « même personne » merges each group into one record: the
            // pairs of records it joins, those of each group, are what the analysis finds.
            func grouped(_ pairs: [DuplicateAnalysisReport.Pair]) -> [(Int64, Int64)] {
                var parent: [Int64: Int64] = [:]
                func root(_ id: Int64) -> Int64 {
                    var node = id
                    while let up = parent[node], up != node { node = up }
                    return node
                }
                for pair in pairs {
                    let (a, b) = (root(pair.tierA), root(pair.tierB))
                    if a != b { parent[b] = a }
                }
                var members: [Int64: [Int64]] = [:]
                for id in Set(pairs.flatMap { [$0.tierA, $0.tierB] }) { members[root(id), default: []].append(id) }
                var result: [(Int64, Int64)] = []
                for group in members.values {
                    let sorted = group.sorted()
                    for i in sorted.indices { for j in (i + 1)..<sorted.count { result.append((sorted[i], sorted[j])) } }
                }
                return result
            }
            let ours = figures(grouped(report.pairs))
            let direct = figures(report.pairs.map { ($0.tierA, $0.tierB) })
            let baseline = figures(baselinePairs)
            var out = BenchReport(title: "Doublons : \(entity.count) fiches, \(truePairs) vraies paires, seuil \(report.threshold)")
            out.add("tiers", Double(entity.count))
            out.add("true_pairs", Double(truePairs))
            out.add("pairs_found", Double(report.pairs.count))
            out.add("precision", ours.precision, "objectif ≥ 0,999")
            out.add("recall", ours.recall, "objectif ≥ 0,99")
            out.add("f1", ours.f1)
            out.add("queue_precision", direct.precision, "paires de la file elles-mêmes, sans leurs groupes")
            out.add("queue_recall", direct.recall)
            out.add("seconds", seconds, "lecture, clés, comparaisons, groupes, file")
            out.add("pairs_scored", Double(report.pairsScored))
            out.add("pairs_scored_per_s", Double(report.pairsScored) / max(seconds, 0.001))
            out.add("peak_rss_mb", peak, "pendant l'analyse")
            out.add("incoherent_pairs", Double(report.incoherent), "écartées par le contrôle des groupes")
            if let trained {
                let after = figures(grouped(trained.report.pairs))
                out.add("trained_precision", after.precision, "après doublons entrainer (λ \(String(format: "%.3f", trained.lambda)))")
                out.add("trained_recall", after.recall)
                out.add("trained_f1", after.f1)
                out.add("trained_seconds", trained.seconds)
                out.add("train_seconds", trainSeconds, "doublons entrainer")
            }
            out.add("baseline_pairs_found", Double(baselinePairs.count))
            out.add("baseline_precision", baseline.precision, "référence : mêmes noms repliés et même date")
            out.add("baseline_recall", baseline.recall)
            out.add("baseline_f1", baseline.f1)
            out.add("baseline_seconds", baselineSeconds)
            let homonyms = baselinePairs.filter { a, b in entity[Int(a - firstID)] != entity[Int(b - firstID)] }.count
            out.add("homonym_pairs", Double(homonyms), "personnes différentes aux mêmes noms et date : aucun score ne les sépare sans autre champ")
            out.print(json: json)
            if !garder {
                for path in [csv, "\(workdir)/doublons-\(tiers).rejets.csv"] { try? fm.removeItem(atPath: path) }
                StoreFiles.remove(storePath: storePath)
            }
        }
    }
}
