import ArgumentParser
import Foundation

/// The benchmark store of N demo tiers (and its FTS5 baseline table), built once by a child
/// process (`bench prepare`) and kept in the work folder for later runs.
enum BenchStore {
    static func prepared(tiers: Int, seed: UInt64, workdir: String) throws -> String {
        try FileManager.default.createDirectory(atPath: workdir, withIntermediateDirectories: true)
        let path = "\(workdir)/search-\(tiers)-\(seed).sqlite"
        let ready = path + ".ready"
        if !FileManager.default.fileExists(atPath: ready) {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            FileHandle.standardError.write(Data("Préparation de \(path) (\(tiers) tiers, une seule fois)…\n".utf8))
            let status = try BenchMeasure.run(BenchMeasure.selfExecutable,
                                              ["bench", "prepare", "--db", path, "--tiers", String(tiers), "--seed", String(seed)])
            guard status == 0 else { throw ExitCode(status) }
            FileManager.default.createFile(atPath: ready, contents: nil)
        }
        return path
    }
}
