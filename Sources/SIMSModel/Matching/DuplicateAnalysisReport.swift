/// What a bulk analysis (``DuplicateAnalysis``) read, compared and filed.
public struct DuplicateAnalysisReport: Sendable, Equatable {
    /// A pair at or above the threshold, in a coherent group: what `--json` prints.
    public struct Pair: Sendable, Equatable {
        public var tierA: Int64
        public var tierB: Int64
        public var probability: Double
        public var reasons: [String]

        public init(tierA: Int64, tierB: Int64, probability: Double, reasons: [String]) {
            (self.tierA, self.tierB, self.probability, self.reasons) = (tierA, tierB, probability, reasons)
        }
    }

    public var threshold: Double
    public var persons = 0
    /// Pairs compared by the match score (each once).
    public var pairsScored = 0
    /// The pairs found at or above the threshold and kept by the group check, most likely first;
    /// those already decided are left out (see `alreadyDecided`).
    public var pairs: [Pair] = []
    /// Pairs above the threshold left out because they would put in one group two records that
    /// are not plausibly one person.
    public var incoherent = 0
    /// Groups of two records or more the kept pairs form.
    public var groups = 0
    public var added = 0
    public var updated = 0
    /// Pairs decided « personnes différentes » proposed again because a fact of either changed.
    public var reopened = 0
    /// Pairs found again but already decided (and unchanged): not proposed.
    public var alreadyDecided = 0
    public var eventID: Int64?
}
