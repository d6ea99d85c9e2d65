import Foundation

/// Removes the files of pieces that no document names any more: what an erasure or a purge
/// interrupted between its commit and the removal of its files (kill -9, power cut) left behind,
/// or a recording interrupted before its row. Files written in the last hour are left alone: they
/// may belong to a piece being recorded now.
///
/// ```swift
/// let removed = try OrphanFileSweep.sweep(store)   // run by `guichet rgpd purger`
/// ```
public enum OrphanFileSweep {
    public static let minimumAge: TimeInterval = 60 * 60

    /// The number of files removed.
    @discardableResult
    public static func sweep(_ store: SIMSStore, now: Date = Date()) throws -> Int {
        let named = try store.read { db in
            try String.fetchSet(db, sql: "SELECT sha256 FROM document WHERE sha256 IS NOT NULL")
        }
        var removed = 0
        for url in DocumentFileStore(storePath: store.path).orphans(named: named, writtenBefore: now.addingTimeInterval(-minimumAge)) {
            if (try? FileManager.default.removeItem(at: url)) != nil { removed += 1 }
        }
        return removed
    }
}
