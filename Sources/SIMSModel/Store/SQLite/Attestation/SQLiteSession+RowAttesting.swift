/// The SQLite session's attestation: its connection's accumulator, filled by the `sims_attest`
/// triggers (``AttestationFunctions``), and salts drawn by SQLite's `randomblob`.
extension SQLiteSession: RowAttesting {
    var attestationAccumulator: AttestationAccumulator? { AttestationFunctions.accumulator(database) }

    func renewRowSalts(table: String, where condition: String, arguments: StoreArguments) throws {
        try execute(sql: "UPDATE \(table) SET \(AttestedTable.saltColumn) = randomblob(16) WHERE \(condition)",
                    arguments: arguments)
    }
}
