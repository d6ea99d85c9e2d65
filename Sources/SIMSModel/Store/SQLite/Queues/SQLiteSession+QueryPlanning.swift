/// SQLite's hints (`INDEXED BY`, `NOT INDEXED`) and its `EXPLAIN QUERY PLAN`, whose lines say
/// whether a page sorts the whole queue first (`USE TEMP B-TREE FOR ORDER BY`).
extension SQLiteSession: QueryPlanning {
    package func tableHint(index: String?) -> String {
        index.map { " INDEXED BY \($0)" } ?? " NOT INDEXED"
    }

    package func queryPlan(sql: String, arguments: StoreArguments) throws -> [String] {
        try StoreRow.fetchAll(self, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map { $0["detail"] as String }
    }
}
