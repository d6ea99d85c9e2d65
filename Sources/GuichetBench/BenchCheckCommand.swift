import ArgumentParser
import Foundation
import GuichetCommandLine
import SIMSFixtures
import SIMSModel

/// `guichet bench check --tiers N`: the whole `check` (chain, every attested row, the derived
/// tables rebuilt and compared, triggers and foreign keys, SQLite's integrity) on the benchmark store, beside `PRAGMA integrity_check` alone
/// on the same file, run in turn `--repetitions` times; medians and their ratio.
struct BenchCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Durée de guichet check (chaque ligne attestée), comparée à PRAGMA integrity_check.")

    @OptionGroup var bench: BenchStoreOptions
    @Option(name: .long, help: "Nombre de mesures de chaque côté (médianes).") var repetitions = 3
    @Flag(name: .long, help: "Un objet JSON au lieu du tableau.") var json = false

    func run() throws {
        try CommandFailure.guarded {
            let path = try bench.prepared()
            let store = try SIMSStore.open(path: path)
            var ours: [Double] = [], baseline: [Double] = []
            var report: ChainReport?
            for _ in 0..<max(1, repetitions) {
                baseline.append(try BenchMeasure.milliseconds {
                    try IntegrityCheckBaseline.run(store)
                })
                ours.append(try BenchMeasure.milliseconds { report = try ChainVerifier.verify(store) })
            }
            guard let report, report.isSound else {
                CommandFailure.fail("la base de mesure ne passe pas check : \(report?.firstBreak ?? "")\(report?.rowProblems.first ?? "")\(report?.derivedProblems.first ?? "")")
            }
            let oursMedian = BenchMeasure.percentile(ours, 50) / 1000, baselineMedian = BenchMeasure.percentile(baseline, 50) / 1000
            var out = BenchReport(title: "guichet check sur \(bench.tiers) tiers (\(report.attestedRows) lignes attestées, \(report.events) événements)")
            out.add("check_seconds", oursMedian, "médiane de \(ours.count) ; chaîne, chaque ligne, tables dérivées, clés, intégrité")
            out.add("integrity_check_seconds", baselineMedian, "référence : PRAGMA integrity_check seul")
            out.add("ratio", oursMedian / max(baselineMedian, 0.001), "objectif ≤ 3")
            out.add("attested_rows", Double(report.attestedRows))
            out.print(json: json)
        }
    }
}
