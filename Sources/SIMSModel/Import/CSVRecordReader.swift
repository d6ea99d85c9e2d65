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

    public mutating func next() -> CSVRecord? {
        // Skip blank lines between records.
        while index < bytes.count, bytes[index] == 0x0A || bytes[index] == 0x0D {
            if bytes[index] == 0x0A { line += 1 }
            index += 1
        }
        guard index < bytes.count else { return nil }
        let startLine = line
        let start = index
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var quoted = false
        var atFieldStart = true
        var validUTF8 = true
        scan: while index < bytes.count {
            let b = bytes[index]
            if quoted {
                if b == 0x22 {
                    if index + 1 < bytes.count, bytes[index + 1] == 0x22 {
                        field.append(0x22); index += 2; continue
                    }
                    quoted = false; index += 1; continue
                }
                if b == 0x0A { line += 1 }
                field.append(b); index += 1; continue
            }
            switch b {
            case 0x22 where atFieldStart:
                quoted = true; atFieldStart = false; index += 1
            case separator:
                fields.append(field); field = []; atFieldStart = true; index += 1
            case 0x0D where index + 1 < bytes.count && bytes[index + 1] == 0x0A:
                index += 2; line += 1; break scan
            case 0x0A:
                index += 1; line += 1; break scan
            default:
                field.append(b); atFieldStart = false; index += 1
            }
        }
        fields.append(field)
        var strings: [String] = []
        strings.reserveCapacity(fields.count)
        for f in fields {
            if f.allSatisfy({ $0 < 0x80 }) {
                strings.append(String(decoding: f, as: UTF8.self))
            } else if let s = String(validating: f, as: UTF8.self) {
                strings.append(s)
            } else {
                validUTF8 = false
                break
            }
        }
        return CSVRecord(line: startLine, fields: validUTF8 ? strings : nil, rawBytes: bytes[start..<index])
    }
}
