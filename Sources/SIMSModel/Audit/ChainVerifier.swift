import GRDB

/// Verifies SQLite's integrity and the whole audit chain, naming the first event that breaks it.
///
/// ```swift
/// let report = try ChainVerifier.verify(store)
/// if let problem = report.firstBreak { print(problem) }
/// ```
public enum ChainVerifier {
    /// Runs `PRAGMA integrity_check` and walks every event in order.
    public static func verify(_ store: SIMSStore) throws -> ChainReport {
        try store.pool.read { db in
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            let integrityOK = integrity == ["ok"]
            var expectedPrev = EventLog.genesisHash
            var expectedID: Int64 = 1
            var count = 0
            var firstBreak: String?
            let cursor = try AuditEvent.fetchCursor(db, sql: "SELECT * FROM event ORDER BY id")
            while let event = try cursor.next() {
                count += 1
                let recomputed = EventLog.digest(id: event.id, at: event.at, agentID: event.agentID,
                                                 kind: event.kind, tierID: event.tierID,
                                                 dossierID: event.dossierID, payload: event.payload, prevHash: event.prevHash)
                if event.id != expectedID {
                    firstBreak = "Événement n° \(expectedID) manquant : la chaîne saute de n° \(expectedID - 1) à n° \(event.id) (ligne supprimée)."
                    break
                }
                if event.prevHash != expectedPrev {
                    firstBreak = "Événement n° \(event.id) (\(event.kindLabel), \(Timestamp.french(event.at))) : il ne suit pas l'événement n° \(event.id - 1), qui a été modifié ou supprimé."
                    break
                }
                if recomputed != event.hash {
                    firstBreak = "Événement n° \(event.id) (\(event.kindLabel), \(Timestamp.french(event.at))) : son contenu a été modifié hors de l'application."
                    break
                }
                expectedPrev = event.hash
                expectedID += 1
            }
            if firstBreak == nil, let head = try Row.fetchOne(db, sql: "SELECT last_event_id, last_hash FROM chain_head WHERE id = 1") {
                let lastID: Int64 = head["last_event_id"]
                let lastHash: String = head["last_hash"]
                if lastID != expectedID - 1 || lastHash != expectedPrev {
                    firstBreak = "Événement n° \(lastID) manquant : la chaîne s'arrête à n° \(expectedID - 1) alors que le dernier enregistré était n° \(lastID) (lignes supprimées en fin de journal)."
                }
            } else if firstBreak == nil, count > 0 {
                firstBreak = "La tête de chaîne a été supprimée hors de l'application."
            }
            return ChainReport(integrityMessages: integrityOK ? [] : integrity, events: count, firstBreak: firstBreak)
        }
    }
}
