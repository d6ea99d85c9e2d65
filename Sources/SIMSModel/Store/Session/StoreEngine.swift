/// The engines the register runs on: SQLite, embedded (the demo, one agent's own register, the
/// tests' quick stores), and PostgreSQL, shared by the Province's services.
package enum StoreEngine: String, Sendable {
    case sqlite
    case postgresql
}
