import Foundation
import GRDB
import SIMSModel

extension SIMSStore {
    /// A test's own write of rows (a fixture standing for what an import or another service would
    /// write), attested like any write by an event: « chargement de données de démonstration ».
    public func fixtureWrite<T>(_ updates: (Database) throws -> T) throws -> T {
        try writeDatabase { db in
            let result = try updates(db)
            let session = SQLiteSession(db)
            if EventLog.hasUnsealedRows(session) {
                try EventLog.append(session, kind: .demoDataLoaded, agentID: nil, tierID: nil,
                                    payload: ["origine": "jeu d'essai"], at: clock.now())
            }
            return result
        }
    }
}
