/// One page of a queue, and where the next one starts (nil on the last page).
public struct QueuePage: Sendable, Equatable {
    public var entries: [QueueEntry]
    public var next: QueueCursor?

    public init(entries: [QueueEntry], next: QueueCursor?) {
        self.entries = entries
        self.next = next
    }
}
