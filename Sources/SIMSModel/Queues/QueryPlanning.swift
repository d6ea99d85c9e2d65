/// What an engine's query planner is told and says: the hint that makes it walk an index in a
/// queue's order (where it would rather gather and sort every open dossier), and its plan for a
/// query, to see which index a page walks. Each engine's session adopts it
/// (`try db.capability(QueryPlanning.self)`); an engine that takes no hints gives "".
///
/// ```swift
/// let planning = try db.capability(QueryPlanning.self)
/// let sql = "SELECT id FROM dossier d\(planning.tableHint(index: "dossier_open_by_age")) WHERE …"
/// for line in try planning.queryPlan(sql: sql, arguments: []) { print(line) }
/// ```
package protocol QueryPlanning {
    /// What follows a table's name (and alias) in FROM so that the planner reads `index`, or, when
    /// nil, no index at all (a plain scan: the dashboard's baseline). Starts with a space when not empty.
    func tableHint(index: String?) -> String

    /// The planner's plan for `sql`, one line per step.
    func queryPlan(sql: String, arguments: StoreArguments) throws -> [String]
}
