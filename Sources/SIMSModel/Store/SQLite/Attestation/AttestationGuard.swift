package import GRDB

/// Refuses to commit a transaction that wrote attested rows without sealing them into an event,
/// and clears the connection's accumulator when a transaction ends.
final class AttestationGuard: TransactionObserver, @unchecked Sendable {
    private let accumulator: AttestationAccumulator

    init(accumulator: AttestationAccumulator) {
        self.accumulator = accumulator
    }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }

    func databaseDidChange(with event: DatabaseEvent) {}

    func databaseWillCommit() throws {
        if accumulator.hasPending {
            let tables = Set(accumulator.pending.entries.map(\.table) + accumulator.pending.buckets.keys.map(\.table))
            throw DatabaseError(resultCode: .SQLITE_CONSTRAINT,
                                message: "écriture non attestée : des lignes de \(tables.sorted().joined(separator: ", ")) ont été écrites sans événement")
        }
    }

    func databaseDidCommit(_ db: Database) { accumulator.reset() }

    func databaseDidRollback(_ db: Database) { accumulator.reset() }
}
