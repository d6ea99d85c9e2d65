/// A file just attached: its document, and whether the same file was already on file.
public struct AttachedDocument: Sendable, Equatable {
    public var document: Document
    /// The same content was already stored: its document is reused (new owners and dossier added).
    public var deduplicated: Bool

    public init(document: Document, deduplicated: Bool) {
        self.document = document
        self.deduplicated = deduplicated
    }
}
