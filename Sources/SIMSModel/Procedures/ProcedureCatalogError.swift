/// The procedure catalogue could not be loaded: every mistake found in every file.
///
/// ```swift
/// do {
///     _ = try ProcedureCatalog.load(directory: URL(fileURLWithPath: "procedures"))
/// } catch {
///     error.errors.forEach { print($0) }   // one mistake a line, with file, line and key path
/// }
/// ```
public struct ProcedureCatalogError: Error, Sendable, CustomStringConvertible {
    /// The mistakes, file by file in name order, then the checks across files.
    public var errors: [ProcedureFileError]
    /// The procedures of the files without mistakes, which the counter can still use while the
    /// others are fixed.
    public var usable: ProcedureCatalog

    public init(errors: [ProcedureFileError], usable: ProcedureCatalog = ProcedureCatalog(procedures: [])) {
        self.errors = errors
        self.usable = usable
    }

    /// One mistake a line.
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
