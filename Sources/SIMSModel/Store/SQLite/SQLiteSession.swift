package import GRDB

/// The SQLite engine's session: GRDB's `Database` of one read or transaction, behind the seam.
/// Only the code under `Store/SQLite` reaches ``database``; services see `any StoreSession`.
package final class SQLiteSession: StoreSession {
    /// GRDB's connection, valid for the closure that received this session only.
    package let database: Database

    package init(_ database: Database) { self.database = database }

    package var engine: StoreEngine { .sqlite }

    package func execute(sql: String, arguments: StoreArguments) throws {
        if arguments.isEmpty {
            try database.execute(sql: sql)
        } else {
            try database.execute(sql: sql, arguments: Self.arguments(arguments))
        }
    }

    package func fetchRows(sql: String, arguments: StoreArguments) throws -> [StoreRow] {
        try Self.rows(Row.fetchCursor(database, sql: sql, arguments: Self.arguments(arguments)))
    }

    package func fetchFirstRow(sql: String, arguments: StoreArguments) throws -> StoreRow? {
        try Row.fetchOne(database, sql: sql, arguments: Self.arguments(arguments)).map(Self.row)
    }

    package func fetchRowCursor(sql: String, arguments: StoreArguments) throws -> StoreRowCursor {
        try Self.cursor(Row.fetchCursor(database, sql: sql, arguments: Self.arguments(arguments)))
    }

    package func cachedStatement(sql: String) throws -> StoreStatement {
        let statement = try database.cachedStatement(sql: sql)
        return StoreStatement(
            sql: sql,
            execute: { try statement.execute(arguments: Self.arguments($0)) },
            fetchRows: { try Self.rows(Row.fetchCursor(statement, arguments: Self.arguments($0))) },
            fetchCursor: { try Self.cursor(Row.fetchCursor(statement, arguments: Self.arguments($0))) },
            fetchFirstRow: { try Row.fetchOne(statement, arguments: Self.arguments($0)).map(Self.row) })
    }

    package var changesCount: Int { database.changesCount }

    package var lastInsertedRowID: Int64 { database.lastInsertedRowID }

    package func tableExists(_ name: String) throws -> Bool { try database.tableExists(name) }

    /// The seam's arguments as GRDB binds them.
    package static func arguments(_ arguments: StoreArguments) -> StatementArguments {
        StatementArguments(arguments.values.map { value -> DatabaseValue in
            switch value {
            case .null: return .null
            case .integer(let v): return v.databaseValue
            case .real(let v): return v.databaseValue
            case .text(let v): return v.databaseValue
            case .blob(let v): return v.databaseValue
            }
        })
    }

    /// Every row of a GRDB cursor as the seam's rows, the column names read once and shared.
    private static func rows(_ cursor: RowCursor) throws -> [StoreRow] {
        var rows: [StoreRow] = []
        var columns: [String]?
        while let row = try cursor.next() {
            let names = columns ?? Array(row.columnNames)
            columns = names
            rows.append(StoreRow(columns: names, values: row.databaseValues.map(value)))
        }
        return rows
    }

    /// A GRDB cursor as the seam's cursor, the column names read once and shared.
    private static func cursor(_ cursor: RowCursor) -> StoreRowCursor {
        var columns: [String]?
        return StoreRowCursor {
            guard let row = try cursor.next() else { return nil }
            let names = columns ?? Array(row.columnNames)
            columns = names
            return StoreRow(columns: names, values: row.databaseValues.map(value))
        }
    }

    /// A GRDB row as the seam's row (its values copied: the row outlives the statement).
    package static func row(_ row: Row) -> StoreRow {
        StoreRow(columns: Array(row.columnNames), values: row.databaseValues.map(value))
    }

    package static func value(_ value: DatabaseValue) -> StoreValue {
        switch value.storage {
        case .null: return .null
        case .int64(let v): return .integer(v)
        case .double(let v): return .real(v)
        case .string(let v): return .text(v)
        case .blob(let v): return .blob(v)
        }
    }
}
