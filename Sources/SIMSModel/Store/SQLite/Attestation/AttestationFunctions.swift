import Foundation
package import GRDB
package import GRDBSQLite
import Synchronization

/// Installs, on every connection of the store, the SQL function the attestation triggers call
/// (`sims_attest`), the connection's ``AttestationAccumulator``, and a transaction observer that
/// refuses to commit rows that no event attests.
///
/// Outside Guichet (the `sqlite3` shell), `sims_attest` does not exist: a write to an attested
/// table fails there with « no such function ». Whoever drops the triggers to write anyway is
/// caught by `guichet check`, which compares the tables with what the events attest and checks
/// that the triggers are in place.
enum AttestationFunctions {
    private static let registry = Mutex<[Int: AttestationAccumulator]>([:])

    /// Called from the store's `prepareDatabase`.
    static func install(_ db: Database) throws {
        guard let connection = db.sqliteConnection else { return }
        let accumulator = AttestationAccumulator()
        registry.withLock { $0[Int(bitPattern: connection)] = accumulator }
        let context = Unmanaged.passUnretained(accumulator).toOpaque()
        let code = sqlite3_create_function_v2(connection, "sims_attest", -1, SQLITE_UTF8, context,
                                              attestCallback, nil, nil, nil)
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "sims_attest")
        }
        db.add(transactionObserver: AttestationGuard(accumulator: accumulator), extent: .databaseLifetime)
    }

    /// The accumulator of `db`'s connection.
    static func accumulator(_ db: Database) -> AttestationAccumulator? {
        guard let connection = db.sqliteConnection else { return nil }
        return registry.withLock { $0[Int(bitPattern: connection)] }
    }
}

/// `sims_attest(op, table, values...)`: `+` a written row, `-` a removed row, `~` an update with
/// the old values then the new ones (nothing recorded when the attested content did not change).
private let attestCallback: @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void = { context, count, arguments in
    guard let context, let arguments, count >= 2,
          let opText = sqlite3_value_text(arguments[0]), let tableText = sqlite3_value_text(arguments[1]) else { return }
    let accumulator = Unmanaged<AttestationAccumulator>.fromOpaque(sqlite3_user_data(context)).takeUnretainedValue()
    let tableName = String(cString: tableText)
    guard let table = AttestedTable.named(tableName) else {
        sqlite3_result_error(context, "sims_attest: table inconnue \(tableName)", -1)
        return
    }
    let op = opText.pointee
    // The triggers made before v19 (still there while the later migrations run) pass no salt.
    let given = op == UInt8(ascii: "~") ? Int(count - 2) / 2 : Int(count - 2)
    let width = given == table.legacyColumns.count && !table.legacyColumns.isEmpty ? given : table.columns.count
    func leaf(at offset: Int) -> RowLeaf {
        RowLeaf(table: table, count: width) { arguments[offset + $0] }
    }
    func record(added: Bool, offset: Int, leaf: RowLeaf) {
        if accumulator.namesRows {
            let (key, bucket) = AttestationFunctions.key(table: table) { arguments[offset + $0] }
            accumulator.record(added: added, table: table, leaf: leaf, key: key, bucket: bucket)
        } else {
            // A bulk write keeps sums per group of ids: the row's name is not needed.
            let first = arguments[offset]
            let bucket = sqlite3_value_type(first) == SQLITE_INTEGER ? sqlite3_value_int64(first) / AttestedTable.bucketWidth : 0
            accumulator.record(added: added, table: table, leaf: leaf, key: "", bucket: bucket)
        }
    }
    switch op {
    case UInt8(ascii: "+") where Int(count) == 2 + width:
        record(added: true, offset: 2, leaf: leaf(at: 2))
    case UInt8(ascii: "-") where Int(count) == 2 + width:
        record(added: false, offset: 2, leaf: leaf(at: 2))
    case UInt8(ascii: "~") where Int(count) == 2 + 2 * width:
        let old = leaf(at: 2), new = leaf(at: 2 + width)
        if old != new {
            record(added: false, offset: 2, leaf: old)
            record(added: true, offset: 2 + width, leaf: new)
        }
    default:
        sqlite3_result_error(context, "sims_attest: arguments invalides pour \(tableName)", -1)
        return
    }
    sqlite3_result_null(context)
}

extension AttestationFunctions {
    /// The row's name (its key columns joined by `/`) and its bucket (first key / 1024).
    static func key(table: AttestedTable, value: (Int) -> OpaquePointer?) -> (String, Int64) {
        var parts: [String] = []
        var bucket: Int64 = 0
        for index in table.keyColumns.indices {
            guard let v = value(index) else { parts.append(""); continue }
            if sqlite3_value_type(v) == SQLITE_INTEGER {
                let n = sqlite3_value_int64(v)
                if index == 0 { bucket = n / AttestedTable.bucketWidth }
                parts.append(String(n))
            } else if let text = sqlite3_value_text(v) {
                // Keys are written in the attestation text between spaces: keep them on one token.
                parts.append(String(cString: text).replacingOccurrences(of: " ", with: "_")
                    .replacingOccurrences(of: "\n", with: "_"))
            } else {
                parts.append("")
            }
        }
        return (parts.joined(separator: "/"), bucket)
    }
}
