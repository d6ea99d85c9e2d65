import Foundation

/// One entry of the inbox folder, as one scan found it.
public struct InboxFile: Sendable, Equatable {
    /// Where the entry stands.
    public enum Status: Sendable, Equatable {
        /// Unchanged for long enough: it can be attached.
        case ready
        /// Seen for the first time, or still changing (a scanner is writing it).
        case arriving
        /// Not offered for attachment, with the reason; left in place.
        case refused(InboxRefusal)
    }

    /// The name as shown (invalid bytes and control characters replaced).
    public var name: String
    /// The entry's path; meaningful only for names that are valid (ready and arriving files).
    public var url: URL
    public var size: Int64
    public var modified: Date
    public var status: Status
    /// What its first bytes say it is (ready and arriving files).
    public var kind: InboxFileKind?
    /// For a ready file: its first lines of text, or a note saying why there are none.
    public var firstLines: [String]

    public init(name: String, url: URL, size: Int64, modified: Date, status: Status, kind: InboxFileKind? = nil,
                firstLines: [String] = []) {
        self.name = name
        self.url = url
        self.size = size
        self.modified = modified
        self.status = status
        self.kind = kind
        self.firstLines = firstLines
    }

    public var isReady: Bool { status == .ready }

    /// The refusal, when refused.
    public var refusal: InboxRefusal? {
        if case .refused(let refusal) = status { return refusal }
        return nil
    }

    /// The size for agents: « 812 o », « 12 Ko », « 3,4 Mo ».
    public var sizeLabel: String { Self.sizeLabel(size) }

    public static func sizeLabel(_ size: Int64) -> String {
        if size < 1024 { return "\(size) o" }
        if size < 1024 * 1024 { return "\((size + 1023) / 1024) Ko" }
        let tenths = (size * 10 + (1 << 20) / 2) / (1 << 20)
        return tenths % 10 == 0 || tenths >= 1000 ? "\(tenths / 10) Mo" : "\(tenths / 10),\(tenths % 10) Mo"
    }
}
