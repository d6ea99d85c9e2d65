/// A document whose text matched a search, with a short excerpt around the first match.
public struct DocumentTextHit: Sendable, Equatable {
    public var document: Document
    /// About 60 characters of its text around the first word found, on one line (« …le 12 mars… »).
    public var excerpt: String

    public init(document: Document, excerpt: String) {
        self.document = document
        self.excerpt = excerpt
    }
}
