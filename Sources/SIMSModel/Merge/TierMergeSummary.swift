/// A standing merge into a survivor, as its history screen shows it.
public struct TierMergeSummary: Sendable, Equatable {
    public var mergeID: Int64
    public var absorbedID: Int64
    public var survivorID: Int64
    /// When (stored timestamp).
    public var mergedAt: String
    public var agentLogin: String?
    public var motif: String?
    /// The survivor's fact records that came from the absorbed record (their seqs).
    public var factSeqs: Set<Int>

    /// « Fusionnée avec n° 12 le 03/12/2026 par chef ».
    public var text: String {
        "Fusionnée avec n° \(absorbedID) le \(Timestamp.french(mergedAt).prefix(10))" + (agentLogin.map { " par \($0)" } ?? "")
    }
}
