/// The rows written on one connection since its last sealed event, gathered by the attestation
/// triggers, and the events appended in the current transaction.
///
/// One per connection (see ``AttestationFunctions``); only ever used on that connection's queue.
final class AttestationAccumulator: @unchecked Sendable {
    /// Beyond this many rows in one transaction, only bucket sums are kept.
    static let namedRowLimit = 2_000

    private(set) var pending = RowAttestation()
    private var namedRows = 0
    /// Events appended in the current transaction, oldest first.
    var eventsInTransaction: [Int64] = []

    var hasPending: Bool { !pending.isEmpty }

    /// Whether rows are still named one by one (else only summed per group of ids).
    var namesRows: Bool { namedRows < Self.namedRowLimit }

    /// Records one written or removed row.
    func record(added: Bool, table: AttestedTable, leaf: RowLeaf, key: String, bucket: Int64) {
        if namedRows < Self.namedRowLimit {
            // A row deleted then written back as it was (a list rewritten whole) changed nothing.
            if let index = pending.entries.lastIndex(where: {
                $0.added != added && $0.leaf == leaf && $0.key == key && $0.table == table.name
            }) {
                pending.entries.remove(at: index)
                namedRows -= 1
                return
            }
            pending.entries.append(RowAttestation.Entry(added: added, table: table.name, key: key, leaf: leaf, bucket: bucket))
            namedRows += 1
            if namedRows == Self.namedRowLimit { pending.foldEntries() }
        } else {
            let bucketKey = RowAttestation.BucketKey(table: table.name, bucket: bucket)
            if added { pending.buckets[bucketKey, default: RowAttestation.BucketSums()].added.add(leaf) } else {
                pending.buckets[bucketKey, default: RowAttestation.BucketSums()].removed.add(leaf)
            }
        }
    }

    /// Hands the pending attestation over (to be sealed into an event) and starts afresh.
    func take() -> RowAttestation {
        defer { pending = RowAttestation(); namedRows = 0 }
        return pending
    }

    /// Forgets everything: the transaction ended.
    func reset() {
        pending = RowAttestation()
        namedRows = 0
        eventsInTransaction = []
    }
}
