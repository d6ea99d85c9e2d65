/// The result of ``ChainVerifier/verify(_:)``.
public struct ChainReport: Sendable, Equatable {
    /// What `PRAGMA integrity_check` reported, empty when the file is sound.
    public var integrityMessages: [String]
    /// How many events were read.
    public var events: Int
    /// The first break in the chain, in French, or nil when the chain is whole.
    public var firstBreak: String?

    /// Whether both the file and the chain are sound.
    public var isSound: Bool { integrityMessages.isEmpty && firstBreak == nil }
}
