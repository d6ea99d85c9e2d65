/// The PostgreSQL session's attestation: the server's triggers put each written row's digest in
/// `attest_pending` (``PostgresAttestationSQL``); the session takes them from there, in the order
/// they were written, into its accumulator whenever ``EventLog`` asks for it (an event appended,
/// the seal, `hasUnsealedRows`), so that sealing is the same code as on SQLite. Salts come from the
/// column's default (`uuid_send(gen_random_uuid())`).
///
/// Rows are refused at the commit when they are left in either place: in `attest_pending` by the
/// server's deferred guard, in the accumulator by ``refuseUnsealedRows()`` (``PostgresStore``).
extension PostgresSession: RowAttesting {
    var attestationAccumulator: AttestationAccumulator? {
        do {
            try takePendingRows()
        } catch {
            // The transaction cannot commit now (the server aborted it): say why at the commit.
            attestationFailure = attestationFailure ?? error
        }
        return attestedRows
    }

    func renewRowSalts(table: String, where condition: String, arguments: StoreArguments) throws {
        try execute(sql: "UPDATE \(table) SET \(AttestedTable.saltColumn) = DEFAULT WHERE \(condition)", arguments: arguments)
    }

    /// Moves the rows this transaction wrote since the last call from `attest_pending` into the
    /// accumulator (one statement; none when the session ran nothing since).
    func takePendingRows() throws {
        // A read has none (and a DELETE there would abort it).
        guard !readsOnly, statementCount != statementCountAtLastTaking else { return }
        let rows = try keepingChangesCount {
            try fetchRows(sql: """
                DELETE FROM attest_pending WHERE xact = pg_current_xact_id_if_assigned()
                RETURNING seq, added, table_name, row_key, bucket, encode(leaf, 'hex') AS leaf
                """, arguments: StoreArguments())
        }
        statementCountAtLastTaking = statementCount
        let ordered = rows.map { row -> (seq: Int64, row: StoreRow) in (row["seq"], row) }.sorted { $0.seq < $1.seq }
        for (_, row) in ordered {
            guard let table = AttestedTable.named(row["table_name"]) else { continue }
            attestedRows.record(added: row["added"], table: table, leaf: RowLeaf(hex: row["leaf"]), key: row["row_key"],
                                bucket: row["bucket"])
        }
    }

    /// Throws when this transaction wrote attested rows that no event sealed (or when they could
    /// not be taken from the server): called before the commit. Rows still in `attest_pending` are
    /// left to the server's guard; those already taken are checked here, with the ones written
    /// since (a row taken back as it was cancels its write).
    func refuseUnsealedRows() throws {
        if let attestationFailure { throw attestationFailure }
        guard attestedRows.hasPending else { return }
        try takePendingRows()
        guard attestedRows.hasPending else { return }
        let pending = attestedRows.pending
        let tables = Set(pending.entries.map(\.table) + pending.buckets.keys.map(\.table))
        throw UnattestedWriteError(reason: "des lignes de \(tables.sorted().joined(separator: ", ")) ont été écrites sans événement")
    }
}
