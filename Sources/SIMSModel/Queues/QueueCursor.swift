/// Where a page of a queue ends: the sort value and id of its last dossier. The next page starts
/// strictly after it (keyset pagination), so that paging costs the same at the millionth dossier
/// as at the first.
public struct QueueCursor: Sendable, Equatable, Hashable {
    public var key: String
    public var id: Int64

    public init(key: String, id: Int64) {
        self.key = key
        self.id = id
    }
}
