import ArgumentParser
import Foundation
import SIMSModel

/// The options of the benchmarks that run on the demo store (`bench search`, `bench ui`), and
/// that store: N demo tiers with an FTS5 baseline table, built once by a child process
/// (`bench prepare`) and kept in the work folder for later runs.
struct BenchStoreOptions: ParsableArguments {
    @Option(name: .long, help: "Nombre de tiers de la base de mesure.") var tiers = 1_000_000
    @Option(name: .long, help: "Graine des données.") var seed: UInt64 = 1
    @Option(name: .long, help: "Dossier des bases de mesure (conservées d'une fois sur l'autre).")
    var workdir = NSTemporaryDirectory() + "guichet-bench"

    /// The path of the benchmark store, built first if it is not there yet.
    func prepared() throws -> String {
        try FileManager.default.createDirectory(atPath: workdir, withIntermediateDirectories: true)
        let path = "\(workdir)/search-\(tiers)-\(seed).sqlite"
        let ready = path + ".ready"
        if !FileManager.default.fileExists(atPath: ready) {
            StoreFiles.remove(storePath: path)
            FileHandle.standardError.write(Data("Préparation de \(path) (\(tiers) tiers, une seule fois)…\n".utf8))
            let status = try BenchMeasure.run(BenchMeasure.selfExecutable,
                                              ["bench", "prepare", "--db", path, "--tiers", String(tiers), "--seed", String(seed)])
            guard status == 0 else { throw ExitCode(status) }
            _ = FileManager.default.createFile(atPath: ready, contents: nil)
        }
        return path
    }
}
