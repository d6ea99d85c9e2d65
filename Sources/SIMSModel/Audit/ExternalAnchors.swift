import Foundation

/// Writes the chain's head outside the store by itself: at each backup, each purge, each
/// restoration, and after a commit when the last anchor is older than an hour. Each anchor goes
/// to the anchors file beside the store (``AnchorLog``) and to the system journal
/// (``SystemJournal``); a backup also keeps it in its seal (``BackupSeal``).
///
/// ```swift
/// try ExternalAnchors.record(store, reason: .purge, now: store.clock.now())
/// ```
public enum ExternalAnchors {
    /// The longest time agents may work without an anchor leaving the store.
    public static let interval: TimeInterval = 3600

    /// The store's head now, as an anchor; nil for a store without events.
    public static func current(_ store: SIMSStore, reason: ChainAnchor.Reason, now: Date) throws -> ChainAnchor? {
        try store.read { db in
            guard let head = try StoreRow.fetchOne(db, sql: "SELECT last_event_id, last_hash FROM chain_head WHERE id = 1") else { return nil }
            return ChainAnchor(events: head["last_event_id"], hash: head["last_hash"], at: Timestamp.string(from: now),
                               registerID: try RegisterIdentity.id(db), reason: reason)
        }
    }

    /// Takes the store's head and writes it outside the store; returns it.
    @discardableResult
    public static func record(_ store: SIMSStore, reason: ChainAnchor.Reason, now: Date) throws -> ChainAnchor? {
        guard let anchor = try current(store, reason: reason, now: now) else { return nil }
        try write(anchor, storePath: store.path)
        return anchor
    }

    /// Writes `anchor` to the anchors file of the store at `storePath` and to the system journal.
    public static func write(_ anchor: ChainAnchor, storePath: String) throws {
        SystemJournal.write(anchor.line)
        try AnchorLog(storePath: storePath).append(anchor)
        lastSeen.set(storePath, Timestamp.date(from: anchor.at) ?? Date())
    }

    /// Called after each commit (``SIMSStore/write(_:)``): writes an hourly anchor when the last
    /// one is older than ``interval``. Costs a lookup in memory; the file's end is read at most
    /// once an hour per process. Never fails the write that committed.
    static func afterCommit(_ store: SIMSStore) {
        let now = store.clock.now()
        if let seen = lastSeen.get(store.path), now.timeIntervalSince(seen) < interval { return }
        if let written = AnchorLog(storePath: store.path).lastWritten(), now.timeIntervalSince(written) < interval {
            lastSeen.set(store.path, written)
            return
        }
        do {
            try record(store, reason: .hourly, now: now)
        } catch {
            // The write committed; the next commit tries again in an hour.
            lastSeen.set(store.path, now)
        }
    }

    /// When this process last saw an anchor written, per store.
    private static let lastSeen = LastSeen()

    private final class LastSeen: @unchecked Sendable {
        private let lock = NSLock()
        private var dates: [String: Date] = [:]
        func get(_ path: String) -> Date? { lock.withLock { dates[path] } }
        func set(_ path: String, _ date: Date) { lock.withLock { dates[path] = date } }
    }
}
