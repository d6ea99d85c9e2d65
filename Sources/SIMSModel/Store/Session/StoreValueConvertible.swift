import Foundation

/// A Swift value the store binds as an argument and reads back from a column: the engine-neutral
/// counterpart of an engine's own value protocol. Services read and write through it, so that
/// their code is the same on SQLite and on PostgreSQL.
///
/// ```swift
/// let count = try Int.fetchOne(session, sql: "SELECT count(*) FROM tier") ?? 0
/// ```
package protocol StoreValueConvertible {
    /// The value as the store keeps it.
    var storeValue: StoreValue { get }
    /// The value read back from a column, or nil when the column holds another kind (or NULL).
    static func fromStoreValue(_ value: StoreValue) -> Self?
}

extension Int64: StoreValueConvertible {
    package var storeValue: StoreValue { .integer(self) }
    package static func fromStoreValue(_ value: StoreValue) -> Int64? {
        switch value {
        case .integer(let v): return v
        case .real(let v): return Int64(exactly: v.rounded(.towardZero))
        case .text(let s): return Int64(s)
        default: return nil
        }
    }
}

extension Int: StoreValueConvertible {
    package var storeValue: StoreValue { .integer(Int64(self)) }
    package static func fromStoreValue(_ value: StoreValue) -> Int? { Int64.fromStoreValue(value).map(Int.init) }
}

extension Int32: StoreValueConvertible {
    package var storeValue: StoreValue { .integer(Int64(self)) }
    package static func fromStoreValue(_ value: StoreValue) -> Int32? { Int64.fromStoreValue(value).flatMap { Int32(exactly: $0) } }
}

extension Bool: StoreValueConvertible {
    package var storeValue: StoreValue { .integer(self ? 1 : 0) }
    package static func fromStoreValue(_ value: StoreValue) -> Bool? { Int64.fromStoreValue(value).map { $0 != 0 } }
}

extension Double: StoreValueConvertible {
    package var storeValue: StoreValue { .real(self) }
    package static func fromStoreValue(_ value: StoreValue) -> Double? {
        switch value {
        case .real(let v): return v
        case .integer(let v): return Double(v)
        case .text(let s): return Double(s)
        default: return nil
        }
    }
}

extension String: StoreValueConvertible {
    package var storeValue: StoreValue { .text(self) }
    package static func fromStoreValue(_ value: StoreValue) -> String? {
        switch value {
        case .text(let s): return s
        case .integer(let v): return String(v)
        case .real(let v): return String(v)
        case .blob(let d): return String(data: d, encoding: .utf8)
        case .null: return nil
        }
    }
}

extension Data: StoreValueConvertible {
    package var storeValue: StoreValue { .blob(self) }
    package static func fromStoreValue(_ value: StoreValue) -> Data? {
        switch value {
        case .blob(let d): return d
        case .text(let s): return Data(s.utf8)
        default: return nil
        }
    }
}

extension StoreValue: StoreValueConvertible {
    package var storeValue: StoreValue { self }
    package static func fromStoreValue(_ value: StoreValue) -> StoreValue? { value }
}

extension StoreValueConvertible where Self: RawRepresentable, RawValue: StoreValueConvertible {
    /// An enumeration kept as its raw value (`state = 'depose'`).
    package var storeValue: StoreValue { rawValue.storeValue }
    package static func fromStoreValue(_ value: StoreValue) -> Self? { RawValue.fromStoreValue(value).flatMap(Self.init(rawValue:)) }
}
