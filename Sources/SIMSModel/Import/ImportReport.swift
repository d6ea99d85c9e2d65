/// What an import did.
public struct ImportReport: Sendable, Equatable, Codable {
    /// Tiers created.
    public var imported: Int
    /// Lines refused (listed in the rejects file).
    public var rejected: Int
    /// Where the refused lines were written.
    public var rejectsPath: String
    /// The audit event of the import, when anything was imported.
    public var eventID: Int64?
    /// Lines imported without some optional values (listed in the rejects file too).
    public var importedWithout: Int = 0
}
