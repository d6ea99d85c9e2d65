import Foundation

/// The review queue of likely duplicates (table `duplicate_pair`): the pairs the bulk analysis
/// (``DuplicateAnalysis``) or an import found, best first, and the superviseurs' decisions.
/// A pair decided « personnes différentes » keeps the signature of both records
/// (``MatchRecord/signature``): it is not proposed again until one of their facts changes.
///
/// ```swift
/// let review = DuplicateReview(store: store)
/// let next = try review.queue().first!
/// try review.decide(pairID: next.id, .differentPeople, by: supervisor)
/// ```
public struct DuplicateReview: Sendable {
    public let store: SIMSStore

    public init(store: SIMSStore) { self.store = store }

    /// The pairs still to review, most likely first.
    public func queue(limit: Int = 500) throws -> [DuplicatePair] {
        try store.read { db in
            try StoreRow.fetchAll(db, sql: DuplicatePair.selectSQL + " WHERE p.state = ? ORDER BY p.probability DESC, p.id LIMIT ?",
                             arguments: [DuplicatePairState.toReview.rawValue, limit]).map(DuplicatePair.init(row:))
        }
    }

    /// How many pairs are still to review.
    public func pendingCount() throws -> Int {
        try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM duplicate_pair WHERE state = ?",
                             arguments: [DuplicatePairState.toReview.rawValue]) ?? 0
        }
    }

    public func pair(id: Int64) throws -> DuplicatePair? {
        try store.read { db in try Self.pair(db, id: id) }
    }

    static func pair(_ db: any StoreSession, id: Int64) throws -> DuplicatePair? {
        try StoreRow.fetchOne(db, sql: DuplicatePair.selectSQL + " WHERE p.id = ?", arguments: [id]).map(DuplicatePair.init(row:))
    }

    static func pair(_ db: any StoreSession, _ a: Int64, _ b: Int64) throws -> DuplicatePair? {
        try StoreRow.fetchOne(db, sql: DuplicatePair.selectSQL + " WHERE p.tier_a = ? AND p.tier_b = ?",
                         arguments: [min(a, b), max(a, b)]).map(DuplicatePair.init(row:))
    }

    /// Records a superviseur's decision on a pair still to review, in one transaction with its
    /// event. « Même personne » only marks the pair: the merge itself is ``recordDecision``'s
    /// caller's (see README « Doublons »). Refused with ``DuplicateDecisionConflict`` when the
    /// pair was decided meanwhile.
    @discardableResult
    public func decide(pairID: Int64, _ decision: DuplicatePairState, motif: String = "", by agent: Agent) throws -> DuplicatePair {
        try AgentService.require(agent, .supervisor, to: "décider d'une paire de doublons")
        let motif = try Self.checked(motif)
        return try store.write { db in
            try Self.recordDecision(db, pairID: pairID, decision: decision, agentID: agent.id, at: store.clock.now(), motif: motif)
        }
    }

    /// The longest motif of a decision or of its undoing.
    public static let maxMotifLength = 200

    /// A motif trimmed (nil when empty), refused when too long or over several lines.
    static func checked(_ motif: String) throws -> String? {
        let motif = motif.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !motif.isEmpty else { return nil }
        guard motif.count <= maxMotifLength, !motif.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw ValidationError(field: nil, message: "Motif : au plus \(maxMotifLength) caractères, sur une seule ligne.")
        }
        return motif
    }

    /// The database part of a decision, inside the caller's transaction (a merge passes it as its
    /// `within`): the pair must still be « à revoir »; its state, decider, time and the two
    /// records' current signature are written, with the event `doublons.decision`.
    @discardableResult
    package static func recordDecision(_ db: any StoreSession, pairID: Int64, decision: DuplicatePairState, agentID: Int64,
                                       at: Date, motif: String? = nil) throws -> DuplicatePair {
        guard decision != .toReview else {
            throw ValidationError(field: nil, message: "Une décision est « même personne » ou « personnes différentes ».")
        }
        guard let pair = try pair(db, id: pairID) else {
            throw ValidationError(field: nil, message: "Aucune paire de doublons n° \(pairID) : relancez l'analyse ou rouvrez la liste.")
        }
        guard pair.state == .toReview else { throw DuplicateDecisionConflict(pair: pair) }
        let signature = try currentSignature(db, pair.tierA, pair.tierB) ?? pair.signature
        try db.execute(sql: """
            UPDATE duplicate_pair SET state = ?, signature = ?, decided_by = ?, decided_at = ? WHERE id = ? AND state = ?
            """, arguments: [decision.rawValue, signature, agentID, Timestamp.string(from: at), pairID,
                             DuplicatePairState.toReview.rawValue])
        guard db.changesCount == 1, let decided = try Self.pair(db, id: pairID) else {
            throw DuplicateDecisionConflict(pair: try Self.pair(db, id: pairID) ?? pair)
        }
        var payload = ["paire": String(pairID), "fiche_a": String(pair.tierA), "fiche_b": String(pair.tierB),
                       "decision": decision.rawValue, "probabilite": String(format: "%.4f", pair.probability)]
        if let motif { payload["motif"] = motif }
        try EventLog.append(db, kind: .duplicatePairDecided, agentID: agentID, tierID: pair.tierA, payload: payload, at: at)
        return decided
    }

    /// « Créer quand même » at entry: the new tier and the candidate shown are two people; the
    /// pair is kept as decided so that it is not proposed again while their facts stay the same.
    /// Inside the creation's transaction (its event names the candidate).
    static func recordDifferent(_ db: any StoreSession, _ x: Int64, _ y: Int64, probability: Double, reasons: [String],
                                agentID: Int64, at: Date) throws {
        guard x != y, let signature = try currentSignature(db, x, y) else { return }
        let now = Timestamp.string(from: at)
        try db.execute(sql: """
            INSERT INTO duplicate_pair (tier_a, tier_b, probability, reasons, state, signature, found_at, decided_by, decided_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(tier_a, tier_b) DO UPDATE SET state = excluded.state, signature = excluded.signature,
                decided_by = excluded.decided_by, decided_at = excluded.decided_at
            """, arguments: [min(x, y), max(x, y), probability, DuplicatePair.encodeReasons(reasons),
                             DuplicatePairState.differentPeople.rawValue, signature, now, agentID, now])
    }

    /// The signature of the pair as its records stand: « a/b », a < b; nil when one is missing.
    static func currentSignature(_ db: any StoreSession, _ x: Int64, _ y: Int64) throws -> String? {
        guard let a = try MatchRecord.load(db, id: min(x, y)), let b = try MatchRecord.load(db, id: max(x, y)) else { return nil }
        return a.signature + "/" + b.signature
    }

    /// What filing a pair found by an analysis did.
    enum Filing { case added, updated, reopened, alreadyDecided }

    /// Files a pair found by an analysis: a new pair is « à revoir »; one still to review takes
    /// the new probability and reasons; one decided « personnes différentes » comes back only
    /// when its signature changed (a fact of either record); one decided « même personne » stays.
    static func file(_ db: any StoreSession, _ a: Int64, _ b: Int64, probability: Double, reasons: [String], signature: String,
                     at: String) throws -> Filing {
        let existing = try StoreRow.fetchOne(db.cachedStatement(sql: "SELECT id, state, signature FROM duplicate_pair WHERE tier_a = ? AND tier_b = ?"),
                                        arguments: [a, b])
        let text = DuplicatePair.encodeReasons(reasons)
        guard let existing else {
            try db.cachedStatement(sql: """
                INSERT INTO duplicate_pair (tier_a, tier_b, probability, reasons, state, signature, found_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [a, b, probability, text, DuplicatePairState.toReview.rawValue, signature, at])
            return .added
        }
        let id: Int64 = existing[0], state = DuplicatePairState(rawValue: existing[1]) ?? .toReview, stored: String = existing[2]
        switch state {
        case .samePerson:
            return .alreadyDecided
        case .differentPeople where stored == signature:
            return .alreadyDecided
        case .differentPeople:
            try db.execute(sql: """
                UPDATE duplicate_pair SET state = ?, probability = ?, reasons = ?, signature = ?, found_at = ?,
                    decided_by = NULL, decided_at = NULL WHERE id = ?
                """, arguments: [DuplicatePairState.toReview.rawValue, probability, text, signature, at, id])
            return .reopened
        case .toReview:
            try db.execute(sql: "UPDATE duplicate_pair SET probability = ?, reasons = ?, signature = ? WHERE id = ?",
                           arguments: [probability, text, signature, id])
            return .updated
        }
    }

    /// True when the pair was decided « personnes différentes » and neither record changed since.
    static func isDismissed(_ db: any StoreSession, _ x: Int64, _ y: Int64) throws -> Bool {
        guard let pair = try pair(db, x, y), pair.state == .differentPeople else { return false }
        return try currentSignature(db, x, y) == pair.signature
    }
}
