import Foundation
package import GRDB
package import GRDBSQLite

/// Writes many tiers inside one transaction, as fast as SQLite allows: multi-row `INSERT`s
/// prepared once (``GroupedInsert``) and stepped through the C API with their values bound in
/// place, search tokens gathered in runs (``SearchTokenRuns``) sorted and inserted in key order, the typo vocabulary
/// counted in memory, and a larger page cache for the transaction (restored at the end). Used by
/// the CSV import (which prepares the rows on another thread, see ``PreparedTier``) and the demo
/// data.
///
/// All the tiers share one audit event (the import), whose id is reserved at the start and
/// appended by ``finish(kind:payload:)`` in the same transaction.
package final class BulkTierWriter {
    private let db: Database
    private let agentID: Int64?
    private let now: Date
    /// The time of every row, bound in place.
    private let atText: PinnedCString
    /// The kinds and sources bound so far, bound in place.
    private var pinnedValues: [String: PinnedCString] = [:]
    let eventID: Int64
    /// The id the next tier gets.
    private(set) var nextTierID: Int64
    private let insertTier: GroupedInsert
    private let insertFacts: GroupedInsert
    private let insertRelation: GroupedInsert
    private let insertToken: GroupedInsert
    /// Tiers and relations written to SQLite a group at a time.
    private var pendingTiers: [PreparedTier] = []
    private var pendingRelations: [(tierID: Int64, kind: RelationKind, relatedID: Int64)] = []
    private let previousCacheSize: Int
    /// The index rows gathered by ``writeGathering(_:)``.
    private var tokens = SearchTokenRuns()
    /// The vocabulary counts of the tiers written, gathered by ``writeGathering(_:)``.
    var vocabulary: [String: Int] = [:]
    package private(set) var written = 0

    /// The page cache during the bulk write: 128 MB, so that an import of a hundred thousand
    /// tiers stays in memory until its commit.
    package static let bulkCacheSize = -131_072

    package init(_ db: Database, agentID: Int64?, now: Date) throws {
        self.db = db
        self.agentID = agentID
        self.now = now
        atText = PinnedCString(Timestamp.string(from: now))
        eventID = try EventLog.nextID(db)
        nextTierID = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM tier") ?? 0) + 1
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
        restoreCacheSize()
    }

    private var cacheRestored = false

    private func restoreCacheSize() {
        guard !cacheRestored else { return }
        cacheRestored = true
        try? db.execute(sql: "PRAGMA cache_size = \(previousCacheSize)")
    }

    /// Takes the next tier id, for a caller that prepares rows itself.
    package func reserveID() -> Int64 {
        defer { nextTierID += 1 }
        return nextTierID
    }

    /// Writes one tier whose values are already validated and normalised; returns its id.
    @discardableResult
    package func add(kind: TierKind, values: [TierField: String], provenance: Provenance) throws -> Int64 {
        let tier = PreparedTier(id: reserveID(), kind: kind, values: values, provenance: provenance)
        try writeGathering(tier)
        return tier.id
    }

    /// Writes a prepared tier (its id given by the caller) with its relations, and gathers its
    /// index rows and vocabulary, inserted by runs and at the latest by ``finish(kind:payload:)``.
    func writeGathering(_ tier: PreparedTier) throws {
        try write(tier)
        if var run = tokens.add(tier.tokens, tierID: tier.id) {
            run.sort()
            try insertTokens(run)
        }
        for word in tier.vocabulary { vocabulary[word, default: 0] += 1 }
    }

    /// Writes the rows of a prepared tier (its id taken with ``reserveID()``) and its relations;
    /// its tokens and vocabulary are the caller's to gather. The rows reach SQLite by groups, at
    /// the latest in ``finish(kind:payload:)``.
    func write(_ tier: PreparedTier) throws {
        pendingTiers.append(tier)
        for relation in tier.relations {
            pendingRelations.append((tier.id, relation.kind, relation.relatedID))
        }
        written += 1
        if pendingTiers.count >= 256 { try flush() }
    }

    /// Records that `relatedID` is the `kind` of `tierID`.
    package func relate(_ tierID: Int64, kind: RelationKind, to relatedID: Int64) throws {
        pendingRelations.append((tierID, kind, relatedID))
        if pendingRelations.count >= 256 { try flush() }
    }

    /// Inserts the pending tiers, their fact records and the pending relations.
    private func flush() throws {
        let tiers = pendingTiers, relations = pendingRelations
        pendingTiers.removeAll(keepingCapacity: true)
        pendingRelations.removeAll(keepingCapacity: true)
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
        try insertRelation.insert(count: relations.count, step: step) { s, p, i in
            let relation = relations[i]
            sqlite3_bind_int64(s, p, relation.tierID)
            pinned(relation.kind.rawValue).bind(to: s, at: p + 1)
            sqlite3_bind_int64(s, p + 2, relation.relatedID)
            at.bind(to: s, at: p + 3)
            sqlite3_bind_int64(s, p + 4, eventID)
        }
    }

    /// The pinned copy of a value bound to many rows (a kind, a source).
    private func pinned(_ value: String) -> PinnedCString {
        if let text = pinnedValues[value] { return text }
        let text = PinnedCString(value)
        pinnedValues[value] = text
        return text
    }

    /// Inserts a run of index rows (sorted, see ``SearchTokenRun/sort()``), or the given rows of it.
    func insertTokens(_ run: SearchTokenRun, rows: Range<Int>? = nil) throws {
        let rows = rows ?? 0..<run.count
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

    /// Inserts the last index rows gathered, counts the vocabulary, appends the shared event and
    /// restores the page cache.
    package func finish(kind: EventKind, payload: [String: String]) throws {
        try flush()
        if var run = tokens.flush() {
            run.sort()
            try insertTokens(run)
        }
        let upsert = try db.makeStatement(sql: """
            INSERT INTO search_word (word, tiers) VALUES (?, ?)
            ON CONFLICT(word) DO UPDATE SET tiers = tiers + excluded.tiers
            """)
        let known = try db.makeStatement(sql: "SELECT 1 FROM search_word WHERE word = ?")
        var newWords: [String] = []
        for (word, count) in vocabulary.sorted(by: { $0.key < $1.key }) {
            if try Bool.fetchOne(known, arguments: [word]) == nil { newWords.append(word) }
            try upsert.execute(arguments: [word, count])
        }
        try insertVariants(of: newWords)
        var payload = payload
        payload["tiers"] = String(written)
        let appended = try EventLog.append(db, kind: kind, agentID: agentID, tierID: nil, payload: payload, at: now)
        precondition(appended == eventID, "the bulk event id was reserved at the start of the transaction")
        restoreCacheSize()
    }

    /// Files the typo variants of the words new to the vocabulary (see ``SearchWordVariants``),
    /// in key order, a group of rows per statement.
    private func insertVariants(of words: [String]) throws {
        var rows: [(variant: String, word: String)] = []
        for word in words {
            for variant in SearchWordVariants.variants(of: word) { rows.append((variant, word)) }
        }
        rows.sort { ($0.variant, $0.word) < ($1.variant, $1.word) }
        let insert = try GroupedInsert(db, sql: "INSERT OR IGNORE INTO search_word_variant (variant, word) VALUES ",
                                       row: "(?, ?)", columns: 2, group: 64)
        try insert.insert(count: rows.count, step: step) { s, p, i in
            SQLiteBinding.bind(rows[i].variant, s, p)
            SQLiteBinding.bind(rows[i].word, s, p + 1)
        }
    }

    private func step(_ statement: OpaquePointer) throws { try SQLiteBinding.step(statement, in: db) }
}
