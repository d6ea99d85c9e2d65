/// A merge or unmerge that cannot be made, or a write to a record absorbed by a merge, with the
/// French reason and what to do instead. Nothing was written.
public struct TierMergeRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
