/// A row's digest (``RowLeaf/init(digestOf:)``) from the seam's values, for an engine that reads
/// rows as ``StoreRow``s: the same bytes, so the same digest, as SQLite gathers from its C values.
///
/// ```swift
/// let leaf = RowLeaf(table: table, values: row.values)   // row: the attested columns, in order
/// ```
extension RowLeaf {
    init(table: AttestedTable, values: [StoreValue]) {
        var bytes = table.nameBytes
        func head(_ index: Int, _ kind: UInt8) {
            bytes.append(UInt8(truncatingIfNeeded: index))
            bytes.append(kind)
        }
        func append<T>(_ value: T) { withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) } }
        for (index, value) in values.enumerated() {
            switch value {
            case .null:
                continue
            case .integer(let n):
                head(index, 1)
                append(n.littleEndian)
            case .real(let n):
                head(index, 2)
                append(n.bitPattern.littleEndian)
            case .text(let text):
                head(index, 3)
                append(UInt32(text.utf8.count).littleEndian)
                bytes.append(contentsOf: text.utf8)
            case .blob(let data):
                head(index, 4)
                append(UInt32(data.count).littleEndian)
                bytes.append(contentsOf: data)
            }
        }
        self.init(digestOf: bytes)
    }
}
