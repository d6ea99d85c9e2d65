/// One record of a CSV file, with the line it starts on.
public struct CSVRecord: Sendable, Equatable {
    /// The 1-based physical line where the record starts.
    public var line: Int
    /// The fields, or nil when the record is not valid UTF-8.
    public var fields: [String]?
    /// The bytes of the record as read.
    var rawBytes: ArraySlice<UInt8>

    /// The raw text of the record, for the rejects file (invalid bytes replaced, line break dropped).
    public var raw: String {
        var bytes = rawBytes
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
