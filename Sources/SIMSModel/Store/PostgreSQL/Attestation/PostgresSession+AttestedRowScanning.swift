import Foundation
/// Reads an attested table back on PostgreSQL for the check: the rows come through a server-side
/// cursor, a batch at a time, and each row's digest is computed here from its values
/// (``RowLeaf/init(table:values:)``), not by the server's `guichet_attest_row`: the check does not
/// trust the functions it checks.
extension PostgresSession: AttestedRowScanning {
    /// Rows read per round trip.
    static let attestedRowBatch = 5_000

    func scanAttestedRows(table: AttestedTable, where condition: String?, legacy: Bool,
                          body: (_ key: () -> String, _ bucket: Int64, _ leaf: RowLeaf) throws -> Void) throws {
        let select = (legacy ? table.legacySelectSQL : table.selectSQL) + (condition.map { " WHERE \($0)" } ?? "")
        let cursor = "guichet_attested_rows_\(statementCount)"
        try execute(sql: "DECLARE \(cursor) NO SCROLL CURSOR FOR \(select)", arguments: StoreArguments())
        defer { try? execute(sql: "CLOSE \(cursor)", arguments: StoreArguments()) }
        while true {
            let rows = try fetchRows(sql: "FETCH FORWARD \(Self.attestedRowBatch) FROM \(cursor)", arguments: StoreArguments())
            for row in rows {
                let leaf = RowLeaf(table: table, values: row.values)
                let bucket: Int64
                if case .integer(let first) = row.values.first { bucket = first / AttestedTable.bucketWidth } else { bucket = 0 }
                try body({ Self.attestedRowKey(table: table, values: row.values) }, bucket, leaf)
            }
            if rows.count < Self.attestedRowBatch { break }
        }
    }

    /// A row's name as SQLite's `sims_attest` writes it (``AttestationFunctions/key(table:value:)``):
    /// its key columns joined by `/`, a text key's spaces and newlines made `_`.
    static func attestedRowKey(table: AttestedTable, values: [StoreValue]) -> String {
        table.keyColumns.indices.map { index -> String in
            switch index < values.count ? values[index] : .null {
            case .integer(let n): return String(n)
            case .text(let text): return text.replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "\n", with: "_")
            case .null, .real, .blob: return ""   // keys are integers and text
            }
        }.joined(separator: "/")
    }
}
