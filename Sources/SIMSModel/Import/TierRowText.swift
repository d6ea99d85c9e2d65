/// The text columns of one prepared tier's rows (``PreparedTier``), copied into one block of
/// memory this object owns: the import's preparing thread writes it once, and the engine's bulk
/// writer reads each column in place (SQLite binds it with `SQLITE_STATIC`, see
/// ``SQLiteBulkTierRows``), where a Swift string would be copied, and its copy allocated and
/// freed, at every bind.
///
/// The block starts with the end offset of each column, then holds the columns' bytes in order.
///
/// ```swift
/// let text = TierRowText { column in column == .displayName ? "WAMYTAN Hélène" : nil }
/// text[.birthDate]                               // "1985-03-14"
/// text.withBytes(of: .displayName) { bytes, count in ... }   // valid while `text` lives
/// ```
final class TierRowText: @unchecked Sendable {
    // The block is written in `init` only, then read; it is freed with the object.

    /// The columns held, in the block's order.
    enum Column: Int, CaseIterable {
        case displayName, birthDate, ridet, commune, cafat, phone, email, foldedNames, searchTokens, factValues, reference
    }

    private static let columnCount = Column.allCases.count
    /// The bytes before the columns': one 32-bit end offset per column, the start of the first.
    private static let headerSize = (columnCount + 1) * 4
    private let block: UnsafeMutablePointer<UInt8>
    /// Bit `i` set when column `i` has a value (otherwise NULL).
    private let present: UInt16

    /// `value` gives each column's text, nil for NULL; it is asked twice per column.
    init(_ value: (Column) -> String?) {
        var length = 0
        var present: UInt16 = 0
        for column in Column.allCases {
            guard let text = value(column) else { continue }
            length += text.utf8.count
            present |= 1 << column.rawValue
        }
        let block = UnsafeMutablePointer<UInt8>.allocate(capacity: Self.headerSize + length)
        let raw = UnsafeMutableRawPointer(block)
        var offset = Self.headerSize
        raw.storeBytes(of: Int32(offset), as: Int32.self)
        for column in Column.allCases {
            if var text = value(column) {
                text.withUTF8 { utf8 in
                    if let source = utf8.baseAddress { (block + offset).initialize(from: source, count: utf8.count) }
                    offset += utf8.count
                }
            }
            raw.storeBytes(of: Int32(offset), toByteOffset: (column.rawValue + 1) * 4, as: Int32.self)
        }
        self.block = block
        self.present = present
    }

    deinit { block.deallocate() }

    private func span(_ column: Column) -> (start: Int, count: Int)? {
        guard present & (1 << column.rawValue) != 0 else { return nil }
        let raw = UnsafeRawPointer(block)
        let start = Int(raw.loadUnaligned(fromByteOffset: column.rawValue * 4, as: Int32.self))
        let end = Int(raw.loadUnaligned(fromByteOffset: (column.rawValue + 1) * 4, as: Int32.self))
        return (start, end - start)
    }

    /// The column's text, nil when it has none.
    subscript(column: Column) -> String? {
        span(column).map { String(decoding: UnsafeBufferPointer(start: block + $0.start, count: $0.count), as: UTF8.self) }
    }

    /// Gives `body` the column's UTF-8 bytes in place (not NUL-terminated) and their count; nil,
    /// without calling it, when the column has no value (NULL). The bytes live as long as this object.
    func withBytes<R>(of column: Column, _ body: (UnsafePointer<CChar>, Int) throws -> R) rethrows -> R? {
        guard let (start, count) = span(column) else { return nil }
        return try UnsafeRawPointer(block + start).withMemoryRebound(to: CChar.self, capacity: count) { try body($0, count) }
    }
}
