import Foundation
package import GRDB
package import GRDBSQLite

/// The rows of a bulk write as SQLite takes them fastest (``BulkTierRows``): multi-row `INSERT`s
/// prepared once (``GroupedInsert``) and stepped through the C API with their values bound in
/// place (each prepared tier's text block, ``TierRowText``; the tokens straight from their run's
/// buffer; the time, kinds and sources pinned once), and a larger page cache for the
/// transaction, restored by ``finish()`` (or when released, should the write fail).
final class SQLiteBulkTierRows: BulkTierRows {
    private let db: Database
    /// The time of every row, bound in place.
    private let atText: PinnedCString
    /// The kinds and sources bound so far, bound in place.
    private var pinnedValues: [String: PinnedCString] = [:]
    private let insertTier: GroupedInsert
    private let insertFacts: GroupedInsert
    private let insertRelation: GroupedInsert
    private let insertToken: GroupedInsert
    private let previousCacheSize: Int
    private var cacheRestored = false

    /// The page cache during the bulk write: 128 MB, so that an import of a hundred thousand
    /// tiers stays in memory until its commit.
    static let bulkCacheSize = -131_072

    init(_ db: Database, at: Date) throws {
        self.db = db
        atText = PinnedCString(Timestamp.string(from: at))
        previousCacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = \(Self.bulkCacheSize)")
        insertTier = try GroupedInsert(db, sql: """
            INSERT INTO tier (id, kind, version, created_at, updated_at, display_name, birth_date, ridet, commune,
                              cafat, phone, email, min_level, folded_names, search_tokens) VALUES
            """, row: "(?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", columns: 14, group: 32)
        insertFacts = try GroupedInsert(db, sql: """
            INSERT INTO fact_record (tier_id, seq, field_values, source, source_ref, level, agent_id, recorded_at,
                                     event_id) VALUES
            """, row: "(?, 1, ?, ?, ?, ?, ?, ?, ?)", columns: 8, group: 32)
        insertRelation = try GroupedInsert(db, sql: """
            INSERT OR IGNORE INTO relation (tier_id, kind, related_id, created_at, event_id) VALUES
            """, row: "(?, ?, ?, ?, ?)", columns: 5, group: 32)
        insertToken = try GroupedInsert(db, sql: "INSERT OR IGNORE INTO search_token (token, tier_id) VALUES ",
                                        row: "(?, ?)", columns: 2, group: 64)
    }

    deinit {
        // Released inside the caller's write, on the writer's thread, even when the write failed.
        finish()
    }

    func finish() {
        guard !cacheRestored else { return }
        cacheRestored = true
        try? db.execute(sql: "PRAGMA cache_size = \(previousCacheSize)")
    }

    func insertTiers(_ tiers: [PreparedTier], agentID: Int64?, eventID: Int64) throws {
        let step = self.step
        let at = self.atText
        try insertTier.insert(count: tiers.count, step: step) { s, p, i in
            let tier = tiers[i], text = tier.text
            sqlite3_bind_int64(s, p, tier.id)
            pinned(tier.kind.rawValue).bind(to: s, at: p + 1)
            at.bind(to: s, at: p + 2)
            at.bind(to: s, at: p + 3)
            text.bind(.displayName, to: s, at: p + 4)
            text.bind(.birthDate, to: s, at: p + 5)
            text.bind(.ridet, to: s, at: p + 6)
            text.bind(.commune, to: s, at: p + 7)
            text.bind(.cafat, to: s, at: p + 8)
            text.bind(.phone, to: s, at: p + 9)
            text.bind(.email, to: s, at: p + 10)
            sqlite3_bind_int64(s, p + 11, Int64(tier.level.rawValue))
            text.bind(.foldedNames, to: s, at: p + 12)
            text.bind(.searchTokens, to: s, at: p + 13)
        }
        try insertFacts.insert(count: tiers.count, step: step) { s, p, i in
            let tier = tiers[i], text = tier.text
            sqlite3_bind_int64(s, p, tier.id)
            text.bind(.factValues, to: s, at: p + 1)
            pinned(tier.source.rawValue).bind(to: s, at: p + 2)
            text.bind(.reference, to: s, at: p + 3)
            sqlite3_bind_int64(s, p + 4, Int64(tier.level.rawValue))
            if let agentID { sqlite3_bind_int64(s, p + 5, agentID) } else { sqlite3_bind_null(s, p + 5) }
            at.bind(to: s, at: p + 6)
            sqlite3_bind_int64(s, p + 7, eventID)
        }
    }

    func insertRelations(_ relations: [(tierID: Int64, kind: RelationKind, relatedID: Int64)], eventID: Int64) throws {
        let at = self.atText
        try insertRelation.insert(count: relations.count, step: step) { s, p, i in
            let relation = relations[i]
            sqlite3_bind_int64(s, p, relation.tierID)
            pinned(relation.kind.rawValue).bind(to: s, at: p + 1)
            sqlite3_bind_int64(s, p + 2, relation.relatedID)
            at.bind(to: s, at: p + 3)
            sqlite3_bind_int64(s, p + 4, eventID)
        }
    }

    func insertTokens(_ run: SearchTokenRun, rows: Range<Int>) throws {
        guard !rows.isEmpty else { return }
        try run.withRows { bytes, entries in
            // The run outlives every step: SQLite may read the tokens in place.
            let base = UnsafeRawPointer(bytes.baseAddress!).assumingMemoryBound(to: CChar.self)
            let first = rows.lowerBound
            try insertToken.insert(count: rows.count, step: step) { s, p, i in
                let entry = entries[first + i]
                sqlite3_bind_text(s, p, base + Int(entry.offset), Int32(entry.length), SQLiteBinding.static)
                sqlite3_bind_int64(s, p + 1, entry.id)
            }
        }
    }

    func addVocabulary(_ counts: [(word: String, count: Int)]) throws -> [String] {
        let upsert = try db.makeStatement(sql: """
            INSERT INTO search_word (word, tiers) VALUES (?, ?)
            ON CONFLICT (word) DO UPDATE SET tiers = tiers + excluded.tiers
            """)
        let known = try db.makeStatement(sql: "SELECT 1 FROM search_word WHERE word = ?")
        var newWords: [String] = []
        for (word, count) in counts {
            if try Bool.fetchOne(known, arguments: [word]) == nil { newWords.append(word) }
            try upsert.execute(arguments: [word, count])
        }
        return newWords
    }

    func insertVariants(_ rows: [(variant: String, word: String)]) throws {
        let insert = try GroupedInsert(db, sql: "INSERT OR IGNORE INTO search_word_variant (variant, word) VALUES ",
                                       row: "(?, ?)", columns: 2, group: 64)
        try insert.insert(count: rows.count, step: step) { s, p, i in
            SQLiteBinding.bind(rows[i].variant, s, p)
            SQLiteBinding.bind(rows[i].word, s, p + 1)
        }
    }

    /// The pinned copy of a value bound to many rows (a kind, a source).
    private func pinned(_ value: String) -> PinnedCString {
        if let text = pinnedValues[value] { return text }
        let text = PinnedCString(value)
        pinnedValues[value] = text
        return text
    }

    private func step(_ statement: OpaquePointer) throws { try SQLiteBinding.step(statement, in: db) }
}
