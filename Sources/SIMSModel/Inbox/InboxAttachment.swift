import Foundation

/// A file of the inbox folder just attached: its document, and where the original went.
public struct InboxAttachment: Sendable, Equatable {
    public var attached: AttachedDocument
    /// The original's new place in `traites/`; nil when it could not be moved (the document is
    /// recorded all the same, and the file would be offered again).
    public var archivedAt: URL?

    public init(attached: AttachedDocument, archivedAt: URL?) {
        self.attached = attached
        self.archivedAt = archivedAt
    }
}
