import ArgumentParser
import Foundation
import GuichetCommandLine
import SIMSFixtures
import SIMSModel

/// `guichet bench import --rows N`: the CSV import (validation, facts, search index, parts of
/// ~150 ms) against `sqlite3 .import` of the same file into a bare table; then a counter agent's
/// writes (on a connection of its own) timed with the store quiet and during one more import.
///
/// The two are run in turn, `--repetitions` times each, into fresh files, and the medians
/// compared: a shared machine's speed drifts by a third from one minute to the next, which a
/// single pair of runs would read as a change of the ratio.
struct BenchImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Durée de l'import CSV, comparée à sqlite3 .import.")

    @Option(name: .long, help: "Nombre de lignes du fichier.") var rows = 1_000_000
    @Option(name: .long, help: "Graine des données.") var seed: UInt64 = 1
    @Option(name: .long, help: "Dossier de travail.") var workdir = NSTemporaryDirectory() + "guichet-bench"
    @Option(name: .long, help: "Mesures de chaque import, en alternance (médianes comparées).") var repetitions = 3
    @Flag(name: .long, help: "Un objet JSON au lieu du tableau.") var json = false

    func validate() throws {
        guard repetitions >= 1 else { throw ValidationError("--repetitions doit valoir au moins 1.") }
        guard rows >= 1 else { throw ValidationError("--rows doit valoir au moins 1.") }
    }

    func run() throws {
        try CommandFailure.guarded {
            let fm = FileManager.default
            try fm.createDirectory(atPath: workdir, withIntermediateDirectories: true)
            let csv = "\(workdir)/import-\(rows)-\(seed).csv"
            if !fm.fileExists(atPath: csv) {
                FileHandle.standardError.write(Data("Écriture de \(csv)…\n".utf8))
                try DemoCSVWriter.write(count: rows, seed: seed, to: csv)
            }
            let storePath = "\(workdir)/import-\(rows).sqlite"
            let barePath = "\(workdir)/import-bare-\(rows).sqlite"
            func removeStores() {
                for path in [storePath, barePath] {
                    StoreFiles.remove(storePath: path)
                }
            }
            guard let sqlite3 = BenchMeasure.which("sqlite3") else {
                throw SIMSModel.ValidationError(field: nil, message: "sqlite3 est introuvable : installez le paquet sqlite3 pour la mesure de référence.")
            }
            var baselines: [Double] = [], ours: [Double] = []
            var report: ImportReport?
            for _ in 0..<repetitions {
                removeStores()
                baselines.append(try BenchMeasure.milliseconds {
                    try BenchMeasure.run(sqlite3, [barePath], input: ".mode csv\n.import \(csv) tiers\n")
                })
                // The store is closed before the next round, as `guichet import` closes it.
                do {
                    let store = try SIMSStore.open(path: storePath, create: true)
                    let admin = try AgentService(store: store).initialise(login: LoginResolver.current(), fullName: "bench")
                    ours.append(try BenchMeasure.milliseconds {
                        report = try TierImporter(store: store).importTiers(path: csv, rejectsPath: "\(workdir)/import-\(rows).rejets.csv", by: admin)
                    })
                }
            }
            // A counter agent writing beside the import, on a connection of its own: quiet first,
            // then during one more import.
            removeStores()
            let (quiet, during, withCounterMs) = try counterBeside(csv: csv, storePath: storePath)
            removeStores()
            let oursMs = BenchMeasure.percentile(ours, 50), baselineMs = BenchMeasure.percentile(baselines, 50)
            var out = BenchReport(title: "Import : \(rows) lignes CSV (validation, faits, index de recherche)")
            out.add("rows_imported", Double(report?.imported ?? 0))
            out.add("rows_rejected", Double(report?.rejected ?? 0))
            out.add("repetitions", Double(repetitions))
            out.add("seconds", oursMs / 1000, "médiane")
            out.add("baseline_seconds", baselineMs / 1000, "sqlite3 .import dans une table nue, médiane")
            out.add("ratio", oursMs / max(baselineMs, 0.001), "objectif ≤ 4")
            out.add("rows_per_s", Double(rows) / max(oursMs / 1000, 0.001))
            out.add("seconds_min", (ours.min() ?? 0) / 1000)
            out.add("seconds_max", (ours.max() ?? 0) / 1000)
            out.add("baseline_seconds_min", (baselines.min() ?? 0) / 1000)
            out.add("baseline_seconds_max", (baselines.max() ?? 0) / 1000)
            out.add("counter_write_quiet_p50_ms", BenchMeasure.percentile(quiet.milliseconds, 50), "création d'une fiche, base au repos")
            out.add("counter_write_quiet_p99_ms", BenchMeasure.percentile(quiet.milliseconds, 99))
            out.add("counter_write_during_import_p50_ms", BenchMeasure.percentile(during.milliseconds, 50),
                    "la même pendant l'import (\(during.milliseconds.count) écritures, autre connexion)")
            out.add("counter_write_during_import_p99_ms", BenchMeasure.percentile(during.milliseconds, 99), "objectif ≤ 1 000")
            out.add("counter_write_during_import_max_ms", during.milliseconds.max() ?? 0)
            out.add("counter_write_errors", Double(quiet.errors.count + during.errors.count),
                    during.errors.first.map { "par ex. \(ShownText.quoted($0, limit: 60))" } ?? "objectif 0")
            out.add("seconds_with_counter", withCounterMs / 1000, "l'import pendant que l'agent écrit")
            out.print(json: json)
        }
    }

    /// The counter agent's writes on a fresh store, quiet then during an import of `csv`; the
    /// import's milliseconds.
    private func counterBeside(csv: String, storePath: String) throws
        -> (quiet: BenchCounterWriter.Figures, during: BenchCounterWriter.Figures, importMs: Double) {
        let store = try SIMSStore.open(path: storePath, create: true)
        let agents = AgentService(store: store)
        let admin = try agents.initialise(login: LoginResolver.current(), fullName: "bench")
        let agent = try agents.add(login: "accueil-banc", fullName: "Agent du banc", roles: [.reception], services: ["DPASS"], by: admin)
        let counter = BenchCounterWriter(store: try SIMSStore.open(path: storePath), agent: agent)
        let quiet = counter.write(count: 100)
        counter.start()
        let importMs = try BenchMeasure.milliseconds {
            try TierImporter(store: store).importTiers(path: csv, rejectsPath: "\(workdir)/import-\(rows).rejets.csv", again: true, by: admin)
        }
        let during = counter.stop()
        try counter.store.close()
        try store.close()
        return (quiet, during, importMs)
    }
}
