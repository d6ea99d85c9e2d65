import Crypto
import Foundation

/// Erases the personal content of events (their payload and tier) inside the transaction of an
/// erasure, leaving their place in the chain and the salted digest the chain covers.
///
/// The erasure event of that transaction names how many events it erased and a digest of their
/// ids; `event_erasure` lists them. `guichet check` proves both agree, so content cannot vanish
/// without an erasure that says so.
///
/// ```swift
/// try store.write { db in
///     let erased = try EventErasure.eraseContent(db, eventIDs: ids)
///     let id = try EventLog.append(db, kind: .retentionPurged, ..., payload: erased.payload(motif: "…"), at: now)
///     try erased.record(db, erasureEventID: id, at: now)
/// }
/// ```
public struct EventErasure: Sendable {
    /// The events whose content this erasure removed, in id order.
    public let eventIDs: [Int64]

    /// The kinds of the events that record erasures (never erased themselves).
    public static let erasureKinds: Set<String> = [EventKind.retentionPurged.rawValue, EventKind.personErased.rawValue]

    /// Payload keys of an erasure event.
    public static let countKey = "evenements_effaces"
    public static let digestKey = "empreinte_effacements"

    /// Erases the content of `eventIDs` (already erased ones and erasure events are left as they are).
    package static func eraseContent(_ db: any StoreSession, eventIDs: [Int64]) throws -> EventErasure {
        // One statement per event: it erases only what still has content and is no erasure.
        let kinds = erasureKinds.sorted().map { "'\($0)'" }.joined(separator: ", ")
        let erase = try db.cachedStatement(sql: """
            UPDATE event SET payload = '', tier_id = NULL, content_salt = NULL
            WHERE id = ? AND content_salt IS NOT NULL AND kind NOT IN (\(kinds))
            """)
        var erased: [Int64] = []
        for id in Set(eventIDs).sorted() {
            try erase.execute(arguments: [id])
            if db.changesCount > 0 { erased.append(id) }
        }
        return EventErasure(eventIDs: erased)
    }

    /// The digest of a list of erased event ids (in id order).
    public static func digest(of ids: [Int64]) -> String {
        var hasher = SHA256()
        for id in ids { hasher.update(data: Data("\(id),".utf8)) }
        return HexDigest.string(hasher.finalize())
    }

    /// What the erasure event's payload must hold about this erasure.
    public var payload: [String: String] {
        [Self.countKey: String(eventIDs.count), Self.digestKey: Self.digest(of: eventIDs)]
    }

    /// Lists the erased events under their erasure event.
    package func record(_ db: any StoreSession, erasureEventID: Int64, at: Date) throws {
        let insert = try db.cachedStatement(sql: "INSERT INTO event_erasure (event_id, erasure_event_id, erased_at) VALUES (?, ?, ?)")
        let when = Timestamp.string(from: at)
        for id in eventIDs { try insert.execute(arguments: [id, erasureEventID, when]) }
    }
}
