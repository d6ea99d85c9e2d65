import Foundation

/// One value of a row or an argument, in the five kinds every engine the register runs on stores:
/// SQLite's storage classes, and PostgreSQL's `bigint`, `double precision`, `text` and `bytea`.
package enum StoreValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)

    /// Whether the value is SQL's NULL.
    package var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
