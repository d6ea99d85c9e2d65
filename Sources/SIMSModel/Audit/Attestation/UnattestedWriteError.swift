/// A transaction refused because rows it wrote are attested by no event: written without one, or
/// sealed into an event that is no longer the newest of the chain.
///
/// ```swift
/// throw UnattestedWriteError(reason: "aucun événement dans cette transaction")
/// // « écriture non attestée : aucun événement dans cette transaction »
/// ```
struct UnattestedWriteError: Error, CustomStringConvertible {
    let reason: String

    var description: String { "écriture non attestée : \(reason)" }
}
