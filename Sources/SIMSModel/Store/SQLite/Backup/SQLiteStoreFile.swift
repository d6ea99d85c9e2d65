import Foundation
internal import GRDB

/// What a backup does with SQLite's file itself: the online copy, taken from one read snapshot
/// while writers go on, and a read-only look at a store file that is not opened as a store.
/// The sealing, the manifest and the checks are the engine-neutral part (``StoreBackup``).
enum SQLiteStoreFile {
    /// Copies `store` into the (new, empty) file at `path` by SQLite's online backup, 256 pages a
    /// step; `progress(done, total)` in pages after each step.
    static func backup(_ store: SIMSStore, to path: String, progress: (Int64, Int64) -> Void) throws {
        let destination = try DatabaseQueue(path: path)
        try withoutActuallyEscaping(progress) { progress in
            try store.sqlitePool.backup(to: destination, pagesPerStep: 256) { step in
                progress(Int64(step.completedPageCount), Int64(step.totalPageCount))
            }
        }
        try destination.close()
    }

    /// The register id of the store file at `path`, read without changing it (no migration, no
    /// write); nil when it cannot be read or has none.
    static func registerID(path: String) -> String? {
        var configuration = Configuration()
        configuration.readonly = true
        guard let queue = try? DatabaseQueue(path: path, configuration: configuration) else { return nil }
        defer { try? queue.close() }
        return (try? queue.read { db in try RegisterIdentity.id(SQLiteSession(db)) }) ?? nil
    }
}
