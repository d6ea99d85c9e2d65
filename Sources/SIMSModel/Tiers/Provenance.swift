/// Where a set of facts comes from and how well it is verified.
public struct Provenance: Sendable, Equatable, Codable {
    public var source: FactSource
    /// A reference within the source: a file and line, a document id, a dossier number.
    public var reference: String?
    public var level: VerificationLevel

    public init(source: FactSource, reference: String? = nil, level: VerificationLevel = .declared) {
        self.source = source
        self.reference = reference
        self.level = level
    }

    /// A fact declared at the counter.
    public static let counter = Provenance(source: .counter, level: .declared)
}
