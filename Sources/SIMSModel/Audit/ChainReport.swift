/// The result of ``ChainVerifier/verify(_:anchors:)``.
public struct ChainReport: Sendable, Equatable {
    /// What `PRAGMA integrity_check` reported, empty when the file is sound.
    public var integrityMessages: [String]
    /// How many events were read.
    public var events: Int
    /// The first break in the chain, in French, or nil when the chain is whole.
    public var firstBreak: String?
    /// The rows that are not what their events attest, in French (the first ones).
    public var rowProblems: [String] = []
    /// How many rows of the attested tables were read.
    public var attestedRows: Int = 0
    /// The derived and working tables that are not what they are rebuilt from (search index,
    /// dashboard tallies, rows pointing at events that do not exist), in French.
    public var derivedProblems: [String] = []
    /// Missing or altered attestation triggers, rows pointing at records that do not exist.
    public var schemaProblems: [String] = []
    /// The rows detached by the repair of an older store (information, not a fault).
    public var detachedRows: Int = 0
    /// How many events had their personal content erased (retention, requests).
    public var erasedEvents: Int = 0
    /// The erasures, oldest first.
    public var erasures: [ErasureSummary] = []
    /// The newest event: its id and hash (what an anchor records).
    public var head: (id: Int64, hash: String)?
    /// The register's id (``RegisterIdentity``).
    public var registerID: String?
    /// The first anchor the chain does not hold, in French, or nil when it holds every one given.
    public var anchorProblem: String?

    /// Whether the file, the chain and every attested row are sound.
    public var isSound: Bool {
        integrityMessages.isEmpty && firstBreak == nil && rowProblems.isEmpty && schemaProblems.isEmpty && anchorProblem == nil
            && derivedProblems.isEmpty
    }

    public static func == (lhs: ChainReport, rhs: ChainReport) -> Bool {
        lhs.integrityMessages == rhs.integrityMessages && lhs.events == rhs.events && lhs.firstBreak == rhs.firstBreak
            && lhs.rowProblems == rhs.rowProblems && lhs.attestedRows == rhs.attestedRows
            && lhs.derivedProblems == rhs.derivedProblems
            && lhs.schemaProblems == rhs.schemaProblems && lhs.detachedRows == rhs.detachedRows
            && lhs.erasedEvents == rhs.erasedEvents && lhs.erasures == rhs.erasures
            && lhs.head?.id == rhs.head?.id && lhs.head?.hash == rhs.head?.hash
            && lhs.registerID == rhs.registerID && lhs.anchorProblem == rhs.anchorProblem
    }
}
