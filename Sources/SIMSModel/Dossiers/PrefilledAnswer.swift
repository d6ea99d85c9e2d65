/// An answer of an intake form filled before the agent typed anything, and where it came from.
public struct PrefilledAnswer: Sendable, Equatable {
    /// The text shown in the field (display form: dates jj/mm/aaaa...).
    public var text: String
    public var origin: PrefillOrigin

    public init(text: String, origin: PrefillOrigin) {
        self.text = text
        self.origin = origin
    }
}
