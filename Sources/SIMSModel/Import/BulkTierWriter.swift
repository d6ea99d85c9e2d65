import Foundation
import GRDB

/// Writes many tiers inside one transaction, as fast as SQLite allows: statements prepared once,
/// search tokens gathered in a temporary table and moved into the index in key order at the end,
/// the typo vocabulary counted in memory. Used by the CSV import and the demo data.
///
/// All the tiers share one audit event (the import), whose id is reserved at the start and
/// appended by ``finish(kind:payload:)`` in the same transaction.
final class BulkTierWriter {
    private let db: Database
    private let agentID: Int64?
    private let now: Date
    private let at: String
    let eventID: Int64
    private var nextTierID: Int64
    private let insertTier: Statement
    private let insertFacts: Statement
    private let insertToken: Statement
    private let insertRelation: Statement
    private var vocabulary: [String: Int] = [:]
    private(set) var written = 0

    init(_ db: Database, agentID: Int64?, now: Date) throws {
        self.db = db
        self.agentID = agentID
        self.now = now
        self.at = Timestamp.string(from: now)
        eventID = try EventLog.nextID(db)
        nextTierID = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM tier") ?? 0) + 1
        try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS bulk_token (token TEXT NOT NULL, tier_id INTEGER NOT NULL)")
        try db.execute(sql: "DELETE FROM temp.bulk_token")
        insertTier = try db.makeStatement(sql: """
            INSERT INTO tier (id, kind, version, created_at, updated_at, display_name, birth_date, ridet, commune,
                              cafat, phone, email, min_level, folded_names, search_tokens)
            VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertFacts = try db.makeStatement(sql: """
            INSERT INTO fact_record (tier_id, seq, field_values, source, source_ref, level, agent_id, recorded_at, event_id)
            VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertToken = try db.makeStatement(sql: "INSERT INTO temp.bulk_token (token, tier_id) VALUES (?, ?)")
        insertRelation = try db.makeStatement(sql: """
            INSERT OR IGNORE INTO relation (tier_id, kind, related_id, created_at, event_id) VALUES (?, ?, ?, ?, ?)
            """)
    }

    /// Writes one tier whose values are already validated and normalised; returns its id.
    @discardableResult
    func add(kind: TierKind, values: [TierField: String], provenance: Provenance) throws -> Int64 {
        let id = nextTierID
        nextTierID += 1
        let entry = SearchTokenizer.entry(kind: kind, values: values)
        try insertTier.execute(arguments: [
            id, kind.rawValue, at, at, TierDisplay.name(kind: kind, values: values), values[.birthDate],
            values[.ridet], values[.commune], values[.cafat], values[.phone], values[.email],
            provenance.level.rawValue, entry.foldedNames.joined(separator: " "), entry.tokens.joined(separator: " "),
        ])
        try insertFacts.execute(arguments: [
            id, FactValuesCoding.encode(values.mapValues { Optional($0) }), provenance.source.rawValue,
            provenance.reference, provenance.level.rawValue, agentID, at, eventID,
        ])
        for token in entry.tokens { try insertToken.execute(arguments: [token, id]) }
        for word in entry.vocabulary { vocabulary[word, default: 0] += 1 }
        written += 1
        return id
    }

    /// Records that `relatedID` is the `kind` of `tierID`.
    func relate(_ tierID: Int64, kind: RelationKind, to relatedID: Int64) throws {
        try insertRelation.execute(arguments: [tierID, kind.rawValue, relatedID, at, eventID])
    }

    /// Moves the tokens into the index, counts the vocabulary, and appends the shared event.
    func finish(kind: EventKind, payload: [String: String]) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO search_token (token, tier_id)
            SELECT token, tier_id FROM temp.bulk_token ORDER BY token, tier_id
            """)
        try db.execute(sql: "DROP TABLE temp.bulk_token")
        let upsert = try db.makeStatement(sql: """
            INSERT INTO search_word (word, tiers) VALUES (?, ?)
            ON CONFLICT(word) DO UPDATE SET tiers = tiers + excluded.tiers
            """)
        for (word, count) in vocabulary.sorted(by: { $0.key < $1.key }) {
            try upsert.execute(arguments: [word, count])
        }
        var payload = payload
        payload["tiers"] = String(written)
        let appended = try EventLog.append(db, kind: kind, agentID: agentID, tierID: nil, payload: payload, at: now)
        precondition(appended == eventID, "the bulk event id was reserved at the start of the transaction")
    }
}
