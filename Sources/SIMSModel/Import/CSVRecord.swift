/// One record of a CSV file, with the line it starts on.
public struct CSVRecord: Sendable, Equatable {
    /// The 1-based physical line where the record starts.
    public var line: Int
    /// The fields, or nil when the record is not valid UTF-8.
    public var fields: [String]?
    /// The raw text of the record, for the rejects file (invalid bytes replaced).
    public var raw: String
}
