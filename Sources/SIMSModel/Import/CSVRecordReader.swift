import Foundation

/// Reads RFC 4180 CSV records from bytes, keeping each record's line number and checking its
/// UTF-8 on its own, so that one bad line is reported and the others still read.
///
/// Quoted fields may hold separators, doubled quotes and line breaks; CRLF and LF both end a
/// record; a UTF-8 byte-order mark is skipped; the separator is `,` or, as spreadsheets in
/// French write it, `;` (chosen from the header line).
///
/// General CSV libraries stop at the first invalid byte and do not say on which line a record
/// starts; an import must reject that one line with its number and go on, hence this reader.
/// CSV is written with the CSV.swift library (see ``RejectsWriter``).
///
/// ```swift
/// var reader = CSVRecordReader(data: try Data(contentsOf: url))
/// while let record = reader.next() { print(record.line, record.fields ?? []) }
/// ```
public struct CSVRecordReader: IteratorProtocol, Sequence {
    private let bytes: [UInt8]
    private var index: Int
    private var line = 1
    public private(set) var separator: UInt8
    /// The fields of the longest record so far, to size the next one's array.
    private var fieldsPerRecord = 8
    /// The bytes of the quoted field being read, its quotes removed (kept to reuse its memory).
    private var unquoted: [UInt8] = []

    public init(data: Data) {
        bytes = [UInt8](data)
        index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // The separator is the one the header line uses.
        var commas = 0, semicolons = 0
        var i = index
        while i < bytes.count, bytes[i] != 0x0A {
            if bytes[i] == 0x2C { commas += 1 } else if bytes[i] == 0x3B { semicolons += 1 }
            i += 1
        }
        separator = semicolons > commas ? 0x3B : 0x2C
    }

    /// Appends the field read in place at `range`, or from `unquoted` when it was quoted (then
    /// emptied); false when its bytes are not valid UTF-8. (A function of its own rather than a
    /// closure: the locals a nested function changes are checked for exclusive access at every
    /// use.)
    private static func appendField(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, quoted: Bool,
                                    unquoted: inout [UInt8], to fields: inout [String]) -> Bool {
        let text = quoted ? unquoted.withUnsafeBufferPointer(Self.text) : Self.text(UnsafeBufferPointer(rebasing: buffer[range]))
        if quoted { unquoted.removeAll(keepingCapacity: true) }
        guard let text else { return false }
        fields.append(text)
        return true
    }

    /// The text of a field's bytes, nil when they are not valid UTF-8. (`String(validating:)`
    /// goes through generic code that costs more than the rest of the line's reading.)
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
        var text = String(decoding: bytes, as: UTF8.self)
        // Decoding replaces each invalid sequence with U+FFFD: the bytes were valid when the
        // text's are the same.
        let same = text.withUTF8 { $0.count == bytes.count && memcmp($0.baseAddress!, base, bytes.count) == 0 }
        return same ? text : nil
    }

    /// The size of the file read.
    var byteCount: Int { bytes.count }

    public mutating func next() -> CSVRecord? {
        // Skip blank lines between records.
        while index < bytes.count, bytes[index] == 0x0A || bytes[index] == 0x0D {
            if bytes[index] == 0x0A { line += 1 }
            index += 1
        }
        guard index < bytes.count else { return nil }
        let startLine = line
        let start = index
        let bytes = self.bytes, separator = self.separator
        var line = self.line, i = index
        var fields: [String] = []
        fields.reserveCapacity(fieldsPerRecord)
        var validUTF8 = true
        // A plain field is read in place, from `fieldStart` to its end; a quoted one is copied
        // into `unquoted` without its quotes.
        var unquoted = self.unquoted
        bytes.withUnsafeBufferPointer { buffer in
            let n = buffer.count
            var fieldStart = i
            var quotedField = false
            var inQuotes = false
            var atFieldStart = true
            var end = n
            scan: while i < n {
                let b = buffer[i]
                if inQuotes {
                    if b == 0x22 {
                        if i + 1 < n, buffer[i + 1] == 0x22 {
                            unquoted.append(0x22); i += 2; continue
                        }
                        inQuotes = false; i += 1; continue
                    }
                    if b == 0x0A { line += 1 }
                    unquoted.append(b); i += 1; continue
                }
                switch b {
                case 0x22 where atFieldStart:
                    inQuotes = true; quotedField = true; atFieldStart = false; i += 1
                case separator:
                    validUTF8 = Self.appendField(buffer, fieldStart..<i, quoted: quotedField, unquoted: &unquoted, to: &fields)
                        && validUTF8
                    quotedField = false
                    i += 1; fieldStart = i; atFieldStart = true
                case 0x0D where i + 1 < n && buffer[i + 1] == 0x0A:
                    end = i; i += 2; line += 1; break scan
                case 0x0A:
                    end = i; i += 1; line += 1; break scan
                default:
                    if quotedField { unquoted.append(b) }
                    atFieldStart = false; i += 1
                }
            }
            validUTF8 = Self.appendField(buffer, fieldStart..<end, quoted: quotedField, unquoted: &unquoted, to: &fields)
                && validUTF8
        }
        self.unquoted = unquoted
        self.line = line
        index = i
        fieldsPerRecord = Swift.max(fieldsPerRecord, fields.count)
        return CSVRecord(line: startLine, fields: validUTF8 ? fields : nil, rawBytes: bytes[start..<index])
    }
}
