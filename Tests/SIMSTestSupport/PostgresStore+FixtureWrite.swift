import Foundation
import SIMSModel

extension PostgresStore {
    /// A test's own write of rows on PostgreSQL, attested like any write by an event (« chargement
    /// de données de démonstration ») and sealed before the commit, as ``SIMSStore/write(_:)`` does.
    package func fixtureWrite<T>(at date: Date = TestStore.now, _ updates: (any StoreSession) throws -> T) throws -> T {
        try write { db in
            let result = try updates(db)
            if EventLog.hasUnsealedRows(db) {
                try EventLog.append(db, kind: .demoDataLoaded, agentID: nil, tierID: nil, payload: ["origine": "jeu d'essai"], at: date)
            }
            try EventLog.seal(db)
            return result
        }
    }
}
