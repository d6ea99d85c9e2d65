/// The pairs already decided, and undoing a decision: a superviseur who decided « personnes
/// différentes » on the wrong pair sends it back to review, with its event
/// `doublons.reouverture`. A pair decided « même personne » was settled by a merge: it goes back
/// to review when the merge is undone (Ctrl-D on the record kept), not from here.
///
/// ```swift
/// let review = DuplicateReview(store: store)
/// let last = try review.decided().first!            // the latest decision
/// try review.reopen(pairID: last.id, motif: "F6 sur la mauvaise ligne", by: supervisor)
/// ```
extension DuplicateReview {
    /// The pairs decided, the latest decision first.
    public func decided(limit: Int = 500) throws -> [DuplicatePair] {
        try store.read { db in
            try StoreRow.fetchAll(db, sql: DuplicatePair.selectSQL + " WHERE p.state <> ? ORDER BY p.decided_at DESC, p.id DESC LIMIT ?",
                             arguments: [DuplicatePairState.toReview.rawValue, limit]).map(DuplicatePair.init(row:))
        }
    }

    /// Sends a pair decided « personnes différentes » (or « même personne » with no merge
    /// standing between its records) back to review (superviseurs), in one transaction with its
    /// event. Refused, with what to do, for a pair still to review or settled by a merge.
    @discardableResult
    public func reopen(pairID: Int64, motif: String, by agent: Agent) throws -> DuplicatePair {
        try AgentService.require(agent, .supervisor, to: "rouvrir une paire de doublons")
        let motif = try Self.checked(motif)
        return try store.write { db in
            guard let pair = try Self.pair(db, id: pairID) else {
                throw ValidationError(field: nil, message: "Aucune paire de doublons n° \(pairID) : rouvrez la liste.")
            }
            guard pair.state != .toReview else {
                throw ValidationError(field: nil, message: "La paire n° \(pairID) est déjà à revoir : rien à rouvrir.")
            }
            if pair.state == .samePerson {
                let merged = try TierRedirect.find(db, id: pair.tierA) ?? TierRedirect.find(db, id: pair.tierB)
                if let merged {
                    throw ValidationError(field: nil, message: "La paire n° \(pairID) a été réglée par la fusion de n° "
                        + "\(merged.absorbedID) dans n° \(merged.survivorID) : défaites cette fusion sur la fiche n° "
                        + "\(merged.survivorID) ; la paire reviendra à revoir.")
                }
            }
            try db.execute(sql: """
                UPDATE duplicate_pair SET state = ?, decided_by = NULL, decided_at = NULL WHERE id = ? AND state = ?
                """, arguments: [DuplicatePairState.toReview.rawValue, pairID, pair.state.rawValue])
            guard db.changesCount == 1, let reopened = try Self.pair(db, id: pairID) else {
                throw DuplicateDecisionConflict(pair: try Self.pair(db, id: pairID) ?? pair)
            }
            var payload = ["paire": String(pairID), "fiche_a": String(pair.tierA), "fiche_b": String(pair.tierB),
                           "decision_annulee": pair.state.rawValue]
            if let motif { payload["motif"] = motif }
            try EventLog.append(db, kind: .duplicatePairReopened, agentID: agent.id, tierID: pair.tierA, payload: payload,
                                at: store.clock.now())
            return reopened
        }
    }
}
