/// One row read from the store, whatever the engine: its columns by name (case-insensitive, as
/// SQL names are) or by position.
///
/// ```swift
/// for row in try StoreRow.fetchAll(session, sql: "SELECT id, name FROM tier") {
///     let id: Int64 = row["id"]
///     let name: String? = row["name"]
/// }
/// ```
package struct StoreRow: Sendable {
    package let columns: [String]
    package let values: [StoreValue]

    package init(columns: [String], values: [StoreValue]) {
        self.columns = columns
        self.values = values
    }

    package var count: Int { values.count }

    /// The position of a column, the first one of that name.
    package func index(of column: String) -> Int? {
        if let exact = columns.firstIndex(of: column) { return exact }
        let lowered = column.lowercased()
        return columns.firstIndex { $0.lowercased() == lowered }
    }

    /// The raw value of a column, NULL when the row has no such column.
    package func storeValue(_ column: String) -> StoreValue {
        index(of: column).map { values[$0] } ?? .null
    }

    /// Whether the row has a column of this name.
    package func hasColumn(_ column: String) -> Bool { index(of: column) != nil }

    /// The column's value converted; a NULL or an unconvertible value is a programming error
    /// (the query and the code disagree), as with the engine's own rows.
    package subscript<T: StoreValueConvertible>(_ column: String) -> T {
        let value = storeValue(column)
        guard let converted = T.fromStoreValue(value) else {
            preconditionFailure("store row: column \(column) holds \(value), not \(T.self)")
        }
        return converted
    }

    package subscript<T: StoreValueConvertible>(_ column: String) -> T? {
        let value = storeValue(column)
        return value.isNull ? nil : T.fromStoreValue(value)
    }

    package subscript<T: StoreValueConvertible>(_ position: Int) -> T {
        let value = values[position]
        guard let converted = T.fromStoreValue(value) else {
            preconditionFailure("store row: column \(position) holds \(value), not \(T.self)")
        }
        return converted
    }

    package subscript<T: StoreValueConvertible>(_ position: Int) -> T? {
        let value = values[position]
        return value.isNull ? nil : T.fromStoreValue(value)
    }
}
