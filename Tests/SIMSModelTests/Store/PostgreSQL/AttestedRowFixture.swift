import Foundation
@testable import SIMSModel

/// One row of each attested table, to be written alike on both engines: every column given a value
/// of its type (integers on 8 bytes and negative, a real with every bit of its mantissa, text with
/// spaces, a newline and accents, a salt holding 0x00 and 0xff), and a second tier whose optional
/// columns are NULL. Integer references all point at row 7, so that the rows hold together.
///
/// ```swift
/// let rows = try postgres.read { db in try AttestedRowFixture.rows(db) }   // from PostgreSQL's column types
/// try store.write { db in try AttestedRowFixture.insert(rows, db) }        // on either engine
/// ```
struct AttestedRowFixture {
    let table: String
    let columns: [String]
    let values: [StoreValue]

    /// The id of every row, and the row every reference points at.
    static let id: Int64 = 7

    /// Values the tables' constraints ask for.
    private static let constrained: [String: StoreValue] = [
        "tier.kind": .text("personne"),
        "duplicate_pair.state": .text("a_revoir"),
        "duplicate_pair.tier_b": .integer(id + 1),
        "inactive_tier_review.decision": .text("conserver"),
        "tier_erasure.complete": .integer(1),
        "dossier_retention.years": .integer(id),
        "match_parameters.id": .integer(1),
    ]

    /// The rows, from the column types of the register installed on PostgreSQL (`db`), in an
    /// order that satisfies the foreign keys.
    static func rows(_ db: any StoreSession) throws -> [AttestedRowFixture] {
        var rows: [AttestedRowFixture] = []
        for table in AttestedTable.all {
            let described = try StoreRow.fetchAll(db, sql: """
                SELECT column_name::text AS name, data_type::text AS type, is_nullable = 'YES' AS nullable,
                       is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO' AS required
                FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?
                ORDER BY ordinal_position
                """, arguments: [table.name])
            func row(everyColumn: Bool, id: Int64) -> AttestedRowFixture {
                var columns: [String] = [], values: [StoreValue] = []
                for column in described {
                    let name: String = column["name"], type: String = column["type"]
                    let nullable: Bool = column["nullable"], required: Bool = column["required"]
                    let attested = table.columns.contains(name)
                    guard required || (attested && (everyColumn || !nullable)) else { continue }
                    columns.append(name)
                    values.append(name == "id" && table.name == "tier" ? .integer(id) : value(table: table.name, column: name, type: type))
                }
                return AttestedRowFixture(table: table.name, columns: columns, values: values)
            }
            rows.append(row(everyColumn: true, id: id))
            if table.name == "tier" { rows.append(row(everyColumn: false, id: id + 1)) }
        }
        return rows
    }

    /// Writes `rows` (no event: the caller appends it).
    static func insert(_ rows: [AttestedRowFixture], _ db: any StoreSession) throws {
        for row in rows {
            let columns = row.columns.map { "\"\($0)\"" }.joined(separator: ", ")
            let marks = Array(repeating: "?", count: row.columns.count).joined(separator: ", ")
            try db.execute(sql: "INSERT INTO \(row.table) (\(columns)) VALUES (\(marks))", arguments: StoreArguments(storeValues: row.values))
        }
    }

    private static func value(table: String, column: String, type: String) -> StoreValue {
        if let fixed = constrained["\(table).\(column)"] { return fixed }
        switch type {
        case "bigint":
            let reference = column == "id" || column.hasSuffix("_id") || column.hasSuffix("_by") || column.hasPrefix("tier_")
            return .integer(reference ? id : -1_234_567_890_123 - Int64(column.utf8.count))
        case "double precision":
            return .real(-1.0 / 3.0)
        case "bytea":
            return .blob(Data((0..<16).map { UInt8($0 * 17) }))
        default:
            return .text("« \(column) » é\n x")
        }
    }
}
