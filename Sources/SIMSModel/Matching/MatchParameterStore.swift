import Foundation

/// Reads and writes the learnt ``MatchParameters`` in the store (table `match_parameters`, one
/// row): what they are, when and by whom they were estimated.
///
/// ```swift
/// let parameters = try store.read { db in try MatchParameterStore.load(db) } ?? .defaults
/// ```
public enum MatchParameterStore {
    package static func load(_ db: any StoreSession) throws -> MatchParameters? {
        guard let text = try String.fetchOne(db, sql: "SELECT parameters FROM match_parameters WHERE id = 1") else { return nil }
        return try? JSONDecoder().decode(MatchParameters.self, from: Data(text.utf8))
    }

    /// When the stored parameters were estimated (stored timestamp), nil when never.
    package static func trainedAt(_ db: any StoreSession) throws -> String? {
        try String.fetchOne(db, sql: "SELECT trained_at FROM match_parameters WHERE id = 1")
    }

    static func save(_ db: any StoreSession, _ parameters: MatchParameters, agentID: Int64?, at: Date) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(parameters), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO match_parameters (id, parameters, trained_at, agent_id) VALUES (1, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET parameters = excluded.parameters, trained_at = excluded.trained_at,
                                          agent_id = excluded.agent_id
            """, arguments: [text, Timestamp.string(from: at), agentID])
    }
}
