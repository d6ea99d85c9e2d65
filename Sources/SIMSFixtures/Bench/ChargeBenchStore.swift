import GRDB
import SIMSModel

/// What `guichet bench charge` reads of its store to play a counter agent's day: persons to look
/// up, drawn at random.
package enum ChargeBenchStore {
    /// `count` persons of the store drawn at random: their id and their displayed name.
    package static func randomPersons(_ store: SIMSStore, count: Int) throws -> [(id: Int64, name: String)] {
        try store.sqlitePool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, display_name FROM tier WHERE kind = 'personne' ORDER BY random() LIMIT ?",
                             arguments: [count])
                .map { row in (row[0], row[1]) }
        }
    }
}
