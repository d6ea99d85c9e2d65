/// Compares the attested tables with what the events attest.
///
/// The fast pass sums each table's row digests and compares them with the sums the events
/// attest (rows written minus rows taken out): one read of each table, no memory per row. Only
/// for a table that differs, a second pass replays the events' named rows and finds which row
/// was changed, added or removed outside the application (for a bulk write, which group of ids).
///
/// ```swift
/// let problems = try RowAttestationVerifier.verify(db, expected: sums)
/// ```
enum RowAttestationVerifier {
    /// How many problems a report lists at most.
    static let listed = 20

    /// The problems of every attested table (empty when every row is what its events attest), and
    /// how many rows were read.
    static func verify(_ db: any StoreSession, expected: [String: RowSum]) throws -> (problems: [String], rows: Int) {
        var problems: [String] = []
        var rows = 0
        let scanning = try db.capability(AttestedRowScanning.self)
        for table in AttestedTable.all {
            var actual = RowSum()
            try scanning.scanAttestedRows(table: table, where: nil, legacy: false) { _, _, leaf in actual.add(leaf) }
            rows += Int(actual.count)
            if actual != (expected[table.name] ?? RowSum()) {
                problems += try diagnose(db, table: table)
            }
        }
        return (problems, rows)
    }

    private struct Attested {
        var eventID: Int64
        var leaf: RowLeaf
    }

    /// Names the rows of `table` that are not what the events attest.
    static func diagnose(_ db: any StoreSession, table: AttestedTable) throws -> [String] {
        var named: [Int64: [String: Attested]] = [:]   // bucket → key → last attestation
        var bulk: [Int64: RowSum] = [:]                 // bucket → sum of rows attested in bulk
        var bulkEvents: [Int64: Int64] = [:]            // bucket → last bulk event
        let cursor = try StoreRow.fetchCursor(db, sql: "SELECT id, attestation FROM event WHERE attestation IS NOT NULL ORDER BY id")
        while let row = try cursor.next() {
            let eventID: Int64 = row["id"]
            guard let attestation = RowAttestation(text: row["attestation"]) else { continue }
            for entry in attestation.entries where entry.table == table.name {
                if entry.added {
                    named[entry.bucket, default: [:]][entry.key] = Attested(eventID: eventID, leaf: entry.leaf)
                } else if named[entry.bucket]?[entry.key] != nil {
                    named[entry.bucket]?[entry.key] = nil
                } else {
                    bulk[entry.bucket, default: RowSum()].subtract(entry.leaf)
                }
            }
            for (key, sums) in attestation.buckets where key.table == table.name {
                // From here on this group is checked by its sum: its named rows join it.
                for (_, attested) in named[key.bucket] ?? [:] { bulk[key.bucket, default: RowSum()].add(attested.leaf) }
                named[key.bucket] = nil
                bulk[key.bucket, default: RowSum()].add(sums.added)
                bulk[key.bucket, default: RowSum()].subtract(sums.removed)
                bulkEvents[key.bucket] = eventID
            }
        }
        var problems: [String] = []
        var actualBulk: [Int64: RowSum] = [:]
        var unnamed: [Int64: [String]] = [:]
        try AttestedRowScanner.scan(db, table: table) { key, bucket, leaf in
            let name = key()
            if let attested = named[bucket]?[name] {
                named[bucket]?[name] = nil
                if attested.leaf != leaf {
                    problems.append("\(table.describe(key: name).capitalizedFirst) : son contenu n'est pas celui qu'atteste l'événement n° \(attested.eventID) (modifiée hors de l'application).")
                }
            } else {
                actualBulk[bucket, default: RowSum()].add(leaf)
                if unnamed[bucket, default: []].count < listed { unnamed[bucket, default: []].append(name) }
            }
        }
        for bucket in named.keys.sorted() {
            for (name, attested) in (named[bucket] ?? [:]).sorted(by: { $0.key < $1.key }) {
                problems.append("\(table.describe(key: name).capitalizedFirst) : attestée par l'événement n° \(attested.eventID), elle manque (supprimée hors de l'application).")
            }
        }
        for bucket in Set(bulk.keys).union(actualBulk.keys).sorted() {
            let expected = bulk[bucket] ?? RowSum(), actual = actualBulk[bucket] ?? RowSum()
            guard expected != actual else { continue }
            if expected.count == 0 && bulkEvents[bucket] == nil {
                for name in unnamed[bucket] ?? [] {
                    problems.append("\(table.describe(key: name).capitalizedFirst) : aucun événement ne l'atteste (ajoutée hors de l'application).")
                }
                continue
            }
            let event = bulkEvents[bucket].map { " (écriture groupée, événement n° \($0))" } ?? ""
            let group = table.describe(bucket: bucket).capitalizedFirst
            if actual.count > expected.count {
                problems.append("\(group)\(event) : \(actual.count - expected.count) ligne(s) de plus que ce qui est attesté (ajoutée(s) hors de l'application).")
            } else if actual.count < expected.count {
                problems.append("\(group)\(event) : \(expected.count - actual.count) ligne(s) attestée(s) manquante(s) (supprimée(s) hors de l'application).")
            } else {
                problems.append("\(group)\(event) : une ou plusieurs lignes ne sont plus celles attestées (modifiées hors de l'application).")
            }
        }
        return problems
    }
}
