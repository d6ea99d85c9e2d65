internal import GRDBSQLite

/// A row's digest (``RowLeaf/init(digestOf:)``) gathered from SQLite's values: a trigger's
/// arguments when the row is written, a statement's columns when the check reads it back.
extension RowLeaf {
    /// The digest of `count` values read by `value(i)` (SQLite values: a trigger's arguments or a
    /// statement's columns).
    init(table: AttestedTable, count: Int, value: (Int) -> OpaquePointer?) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        self.init(table: table, count: count, buffer: &bytes, value: value)
    }

    /// The same digest, the row's bytes gathered in `bytes` (emptied first, its storage kept): a
    /// scan passes one buffer for all its rows, so that reading a table does not allocate per row.
    init(table: AttestedTable, count: Int, buffer bytes: inout [UInt8], value: (Int) -> OpaquePointer?) {
        // The row's bytes are gathered first and hashed in one call: hashing them piece by piece
        // gives the same digest but costs a call per piece, which `check` pays on every row.
        bytes.removeAll(keepingCapacity: true)
        bytes.append(contentsOf: table.nameBytes)
        for index in 0..<count {
            guard let v = value(index) else { continue }
            let type = sqlite3_value_type(v)
            if type == SQLITE_NULL { continue }
            bytes.append(UInt8(truncatingIfNeeded: index))
            bytes.append(UInt8(truncatingIfNeeded: type))
            switch type {
            case SQLITE_INTEGER:
                var n = sqlite3_value_int64(v).littleEndian
                withUnsafeBytes(of: &n) { bytes.append(contentsOf: $0) }
            case SQLITE_FLOAT:
                var n = sqlite3_value_double(v).bitPattern.littleEndian
                withUnsafeBytes(of: &n) { bytes.append(contentsOf: $0) }
            case SQLITE_TEXT:
                let text = sqlite3_value_text(v)
                var length = UInt32(sqlite3_value_bytes(v)).littleEndian
                withUnsafeBytes(of: &length) { bytes.append(contentsOf: $0) }
                if let text, length > 0 {
                    bytes.append(contentsOf: UnsafeRawBufferPointer(start: text, count: Int(UInt32(littleEndian: length))))
                }
            default:
                let blob = sqlite3_value_blob(v)
                var length = UInt32(sqlite3_value_bytes(v)).littleEndian
                withUnsafeBytes(of: &length) { bytes.append(contentsOf: $0) }
                if let blob, length > 0 {
                    bytes.append(contentsOf: UnsafeRawBufferPointer(start: blob, count: Int(UInt32(littleEndian: length))))
                }
            }
        }
        self.init(digestOf: bytes)
    }
}
