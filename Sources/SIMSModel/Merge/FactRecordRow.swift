/// One stored fact record (a row of `fact_record`): the values one version wrote, with their
/// provenance. A merge copies them whole, provenance included.
struct FactRecordRow: Equatable, Sendable {
    var seq: Int
    var values: [TierField: String?]
    var source: String
    var reference: String?
    var level: Int
    var agentID: Int64?
    var recordedAt: String
    var eventID: Int64

    /// The records of a tier, oldest first.
    static func all(_ db: any StoreSession, tierID: Int64) throws -> [FactRecordRow] {
        try StoreRow.fetchAll(db, sql: """
            SELECT seq, field_values, source, source_ref, level, agent_id, recorded_at, event_id
            FROM fact_record WHERE tier_id = ? ORDER BY seq
            """, arguments: [tierID]).map { row in
            FactRecordRow(seq: row[0], values: FactValuesCoding.decode(row[1]), source: row[2], reference: row[3],
                          level: row[4], agentID: row[5], recordedAt: row[6], eventID: row[7])
        }
    }

    /// Writes this record (with `values` and `seq` as given) for `tierID`.
    func insert(_ db: any StoreSession, tierID: Int64, seq: Int, values: [TierField: String?]) throws {
        try db.cachedStatement(sql: """
            INSERT INTO fact_record (tier_id, seq, field_values, source, source_ref, level, agent_id, recorded_at, event_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [tierID, seq, FactValuesCoding.encode(values), source, reference, level, agentID,
                                     recordedAt, eventID])
    }
}
