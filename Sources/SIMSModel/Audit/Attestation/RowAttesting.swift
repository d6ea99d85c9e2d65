/// What an engine does for the attestation of the register's rows: each of its connections
/// gathers the rows written to the attested tables (SQLite: triggers calling `sims_attest`) in an
/// ``AttestationAccumulator``, and gives rows a new random salt. ``EventLog`` seals what was
/// gathered into the transaction's event.
///
/// ```swift
/// let attesting = try db.capability(RowAttesting.self)
/// attesting.attestationAccumulator?.eventsInTransaction.append(id)
/// ```
protocol RowAttesting {
    /// The accumulator of this session's connection; nil when it has none (a connection opened
    /// without the store's set-up).
    var attestationAccumulator: AttestationAccumulator? { get }

    /// Gives the rows of `table` matching `condition` a new random salt of 16 bytes
    /// (``AttestedTable/saltColumn``).
    func renewRowSalts(table: String, where condition: String, arguments: StoreArguments) throws
}
