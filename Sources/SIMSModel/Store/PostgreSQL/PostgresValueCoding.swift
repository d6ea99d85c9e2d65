import Foundation
import PostgresNIO

/// The seam's values as PostgreSQL's wire protocol carries them, both ways.
///
/// Arguments: an integer is bound as `integer` when it fits (so that it passes to functions taking an
/// `integer`, such as `substr` or `pg_terminate_backend`; the server widens it for a `bigint`
/// column), else as `bigint`; a real as `double precision`, a blob as `bytea`,
/// NULL as NULL; text is sent untyped, as libpq does, so that the server reads it as the column
/// or the operator it meets wants (`WHERE id = ?` with the text « 12 » compares numbers, as SQLite's
/// affinity does).
///
/// Columns: `smallint`, `integer`, `bigint` and `boolean` (0 or 1) are integers; `real`,
/// `double precision` and a `numeric` with a fraction are reals (a whole `numeric`, as `sum()`
/// gives, is an integer); `bytea` is a blob; everything else is read as its text.
package enum PostgresValueCoding {
    /// The arguments of one statement as PostgreSQL binds them.
    package static func bindings(_ arguments: StoreArguments) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: arguments.values.count)
        for value in arguments.values {
            switch value {
            case .null: bindings.appendNull()
            case .integer(let v):
                if let small = Int32(exactly: v) { bindings.append(small) } else { bindings.append(v) }
            case .real(let v): bindings.append(v)
            case .text(let v): bindings.append(UntypedText(text: v))
            case .blob(let v): bindings.append(ByteBuffer(bytes: v))
            }
        }
        return bindings
    }

    /// One row read from PostgreSQL as the seam's row.
    package static func row(_ row: PostgresRow) -> StoreRow {
        var columns: [String] = [], values: [StoreValue] = []
        columns.reserveCapacity(row.count)
        values.reserveCapacity(row.count)
        for cell in row {
            columns.append(cell.columnName)
            values.append(value(cell))
        }
        return StoreRow(columns: columns, values: values)
    }

    /// One column's value.
    package static func value(_ cell: PostgresCell) -> StoreValue {
        guard let bytes = cell.bytes else { return .null }
        let context = PostgresDecodingContext.default
        switch cell.dataType {
        case .int2, .int4, .int8:
            return (try? cell.decode(Int64.self, context: context)).map(StoreValue.integer) ?? .null
        case .oid:
            var buffer = bytes
            return buffer.readInteger(as: UInt32.self).map { .integer(Int64($0)) } ?? .null
        case .bool:
            return (try? cell.decode(Bool.self, context: context)).map { .integer($0 ? 1 : 0) } ?? .null
        case .float4, .float8:
            return (try? cell.decode(Double.self, context: context)).map(StoreValue.real) ?? .null
        case .numeric:
            guard let decimal = try? cell.decode(Decimal.self, context: context) else { return .null }
            var whole = decimal, rounded = Decimal()
            NSDecimalRound(&rounded, &whole, 0, .plain)
            if rounded == decimal, let integer = Int64(exactly: NSDecimalNumber(decimal: decimal).int64Value),
               Decimal(integer) == decimal {
                return .integer(integer)
            }
            return .real(NSDecimalNumber(decimal: decimal).doubleValue)
        case .bytea:
            return .blob(Data(bytes.readableBytesView))
        default:
            if let text = try? cell.decode(String.self, context: context) { return .text(text) }
            return .blob(Data(bytes.readableBytesView))
        }
    }
}

/// Text bound without a type (OID 0), in PostgreSQL's text format: the server infers its type
/// from where the placeholder stands, as for libpq's untyped parameters.
private struct UntypedText: PostgresNonThrowingEncodable, PostgresDynamicTypeEncodable {
    let text: String

    static var psqlType: PostgresDataType { .null }
    static var psqlFormat: PostgresFormat { .text }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeString(text)
    }
}
