import Foundation

/// The files a store is made of beside its database: SQLite's write-ahead log and shared memory,
/// the sessions folder, the writers' waiting lock, the anchors kept outside the store (and those a
/// new store set aside), and the backups' seal key.
///
/// ```swift
/// StoreFiles.remove(storePath: "/tmp/guichet-bench/queues-claims-42.sqlite")   // a benchmark's throwaway store
/// ```
public enum StoreFiles {
    /// The suffixes added to the store's path.
    public static let companions = ["-wal", "-shm", "-journal", ".sessions", ".attente", ".ancres", ".cle-sceau"]

    /// Removes the store at `storePath` and every file of it (a benchmark's or a demo's store
    /// being made again); nothing else in its folder.
    public static func remove(storePath: String) {
        let fm = FileManager.default
        for suffix in [""] + companions { try? fm.removeItem(atPath: storePath + suffix) }
        let folder = (storePath as NSString).deletingLastPathComponent
        let name = (storePath as NSString).lastPathComponent
        for entry in (try? fm.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
        where entry.hasPrefix(name + ".ancres.avant-") {
            try? fm.removeItem(atPath: (folder as NSString).appendingPathComponent(entry))
        }
    }
}
