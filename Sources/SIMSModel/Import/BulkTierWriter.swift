import Foundation

/// Writes many tiers inside one transaction, as fast as the engine allows: the rows go a group at
/// a time to the engine's bulk rows (``BulkTierRows``: on SQLite, multi-row `INSERT`s with their
/// values bound in place and a larger page cache), search tokens gathered in runs
/// (``SearchTokenRuns``) sorted and inserted in key order, the typo vocabulary counted in memory.
/// Used by the CSV import (which prepares the rows on another thread, see ``PreparedTier``) and
/// the demo data.
///
/// All the tiers share one audit event (the import), whose id is reserved at the start and
/// appended by ``finish(kind:payload:)`` in the same transaction.
package final class BulkTierWriter {
    private let db: any StoreSession
    private let rows: any BulkTierRows
    private let agentID: Int64?
    private let now: Date
    let eventID: Int64
    /// The id the next tier gets.
    private(set) var nextTierID: Int64
    /// Tiers and relations written a group at a time.
    private var pendingTiers: [PreparedTier] = []
    private var pendingRelations: [(tierID: Int64, kind: RelationKind, relatedID: Int64)] = []
    /// The index rows gathered by ``writeGathering(_:)``.
    private var tokens = SearchTokenRuns()
    /// The vocabulary counts of the tiers written, gathered by ``writeGathering(_:)``.
    var vocabulary: [String: Int] = [:]
    package private(set) var written = 0

    package init(_ db: any StoreSession, agentID: Int64?, now: Date) throws {
        self.db = db
        self.agentID = agentID
        self.now = now
        eventID = try EventLog.nextID(db)
        nextTierID = (try Int64.fetchOne(db, sql: "SELECT max(id) FROM tier") ?? 0) + 1
        rows = try db.capability(BulkTierWriting.self).bulkTierRows(at: now)
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
    /// its tokens and vocabulary are the caller's to gather. The rows reach the engine by groups, at
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
        try rows.insertTiers(tiers, agentID: agentID, eventID: eventID)
        try rows.insertRelations(relations, eventID: eventID)
    }

    /// Inserts a run of index rows (sorted, see ``SearchTokenRun/sort()``), or the given rows of it.
    func insertTokens(_ run: SearchTokenRun, rows: Range<Int>? = nil) throws {
        try self.rows.insertTokens(run, rows: rows ?? 0..<run.count)
    }

    /// Inserts the last index rows gathered, counts the vocabulary, appends the shared event and
    /// ends the engine's bulk rows.
    package func finish(kind: EventKind, payload: [String: String]) throws {
        try flush()
        if var run = tokens.flush() {
            run.sort()
            try insertTokens(run)
        }
        let newWords = try rows.addVocabulary(vocabulary.sorted { $0.key < $1.key }.map { (word: $0.key, count: $0.value) })
        try insertVariants(of: newWords)
        var payload = payload
        payload["tiers"] = String(written)
        let appended = try EventLog.append(db, kind: kind, agentID: agentID, tierID: nil, payload: payload, at: now)
        precondition(appended == eventID, "the bulk event id was reserved at the start of the transaction")
        rows.finish()
    }

    /// Files the typo variants of the words new to the vocabulary (see ``SearchWordVariants``),
    /// in key order, a group of rows per statement.
    private func insertVariants(of words: [String]) throws {
        var rows: [(variant: String, word: String)] = []
        for word in words {
            for variant in SearchWordVariants.variants(of: word) { rows.append((variant, word)) }
        }
        rows.sort { ($0.variant, $0.word) < ($1.variant, $1.word) }
        try self.rows.insertVariants(rows)
    }
}
