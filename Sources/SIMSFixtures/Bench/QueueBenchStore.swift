import GRDB
import SIMSModel

/// What `guichet bench queues` reads of its store besides the queues it times: how many dossiers,
/// the agent with the most dossiers, the claims « prendre le suivant » recorded.
package enum QueueBenchStore {
    /// The dossiers of the store.
    package static func dossierCount(_ store: SIMSStore) throws -> Int {
        try store.sqlitePool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM dossier") ?? 0 }
    }

    /// The agent to whom the most dossiers are assigned, nil when none is.
    package static func busiestAssignee(_ store: SIMSStore) throws -> Int64? {
        try store.sqlitePool.read { db in
            try Int64.fetchOne(db, sql: """
                SELECT assignee_id FROM dossier WHERE assignee_id IS NOT NULL
                GROUP BY assignee_id ORDER BY count(*) DESC LIMIT 1
                """)
        }
    }

    /// The claims recorded (`dossier.claim` events), and the dossiers claimed more than once.
    package static func claims(_ store: SIMSStore) throws -> (claimed: Int, claimedTwice: Int) {
        try store.sqlitePool.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE kind = 'dossier.claim'") ?? 0,
             try Int.fetchOne(db, sql: """
                 SELECT count(*) FROM (SELECT dossier_id FROM event WHERE kind = 'dossier.claim'
                                       GROUP BY dossier_id HAVING count(*) > 1)
                 """) ?? 0)
        }
    }
}
