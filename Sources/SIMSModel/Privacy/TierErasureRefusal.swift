/// An erasure that cannot be made as asked (a record absorbed by a merge, already erased…), with
/// the French reason and what to do instead. Nothing was written.
public struct TierErasureRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
