/// The capability of an engine's session to stream the fact records of every person still in
/// the register (neither absorbed by a merge nor erased), ordered by tier then version, without
/// holding them in memory: the duplicate analysis reads the whole register this way, once
/// (``DuplicateAnalysis``). `try db.capability(PersonFactStreaming.self)`.
package protocol PersonFactStreaming {
    /// Calls `body` with each record's tier id and its `field_values` text, in tier then version order.
    func forEachPersonFactRecord(_ body: (_ tierID: Int64, _ fieldValues: String) throws -> Void) throws
}
