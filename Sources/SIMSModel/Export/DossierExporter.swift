import CSV
import Foundation

/// The dossiers of a queue filter as CSV for a spreadsheet: comma-separated, quoted as RFC 4180
/// says (a name holding a comma or a quote is quoted, its quotes doubled), lines ending in CRLF,
/// UTF-8, one header line of French column names, dates `jj/mm/aaaa` (New Caledonian days).
///
/// Rows are read one at a time (``ColumnScanning``) and written as they come, oldest deposit
/// first, from one snapshot of the store: a million dossiers never sit in memory, and agents keep
/// working meanwhile. Dossiers hold personal data, so only superviseurs and administrateurs
/// export, and every export is recorded (`dossiers.export`: filter, columns, destination, number
/// of rows) before its first row leaves the store — an export cut short is on record too.
///
/// ```swift
/// let exporter = DossierExporter(store: store)
/// let columns = try DossierExportColumn.parse("numero,demarche,etat,demandeur")
/// let rows = try exporter.export(QueueFilter(procedureCode: "BS", scope: .decided), columns: columns,
///                                toFile: "/home/chef/bs-decides.csv", by: supervisor)
/// ```
public struct DossierExporter: Sendable {
    public let store: SIMSStore

    public init(store: SIMSStore) { self.store = store }

    /// Writes the CSV to an open file handle (standard output, or a file an agent's own process
    /// opened, named `destination` in the journal); returns the number of dossiers.
    @discardableResult
    public func export(_ filter: QueueFilter, columns: [DossierExportColumn] = DossierExportColumn.allCases,
                       to handle: FileHandle, destination: String = "sortie standard", byteOrderMark: Bool = false,
                       by agent: Agent) throws -> Int {
        try authorize(agent)
        try record(filter, columns: columns, destination: destination, by: agent)
        return try write(filter, columns: columns, to: handle, byteOrderMark: byteOrderMark)
    }

    /// Writes the CSV to `path` through a temporary file of mode 0600 in the same folder, put in
    /// place once complete (``OutputFile``): a half-written export never appears under its name,
    /// and only a regular file is written: an existing one only when `replacing`, never a device,
    /// a folder or a link. Returns the number of dossiers.
    @discardableResult
    public func export(_ filter: QueueFilter, columns: [DossierExportColumn] = DossierExportColumn.allCases,
                       toFile path: String, replacing: Bool = false, byteOrderMark: Bool = false, by agent: Agent) throws -> Int {
        try authorize(agent)
        let output = try OutputFile(path: path, replacing: replacing)
        defer { output.discard() }
        try record(filter, columns: columns, destination: URL(fileURLWithPath: path).path, by: agent)
        let count = try write(filter, columns: columns, to: output.handle, byteOrderMark: byteOrderMark)
        try output.commit()
        return count
    }

    /// Parses the `--etat` of the command line: `ouverts`, `decides`, `tous` or one state
    /// (`depose`, `en_instruction`, `attente_pieces`, `a_valider`, `accepte`, `refuse`,
    /// `sans_suite`, or their French labels).
    public static func scope(parsing text: String) throws -> QueueStateScope {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
            .folding(options: [.diacriticInsensitive], locale: nil).replacingOccurrences(of: " ", with: "_")
        switch key {
        case "ouverts", "ouvert", "a_traiter": return .open
        case "decides", "decide": return .decided
        case "tous", "tout": return .all
        default:
            if let state = DossierState.allCases.first(where: {
                $0 != .draft && ($0.rawValue == key
                                 || $0.label.folding(options: [.diacriticInsensitive], locale: nil)
                                     .replacingOccurrences(of: " ", with: "_") == key)
            }) {
                return .state(state)
            }
            let states = DossierState.allCases.filter { $0 != .draft }.map(\.rawValue).joined(separator: ", ")
            throw ValidationError(field: nil, message: "État « \(text) » inconnu. États possibles : ouverts, \(states), decides, tous.")
        }
    }

    /// The query of the rows, oldest deposit first, its dates in `calendar`'s functions.
    static func query(_ filter: QueueFilter, columns: [DossierExportColumn], today: CalendarDate,
                      calendar: any CalendarSQL) -> (String, StoreArguments) {
        let (terms, arguments) = filter.sqlTerms(today: today)
        let sql = """
            SELECT \(columns.map { $0.sql(today: today, calendar: calendar) }.joined(separator: ", "))
            FROM dossier d
            LEFT JOIN tier a ON a.id = d.applicant_id
            LEFT JOIN tier b ON b.id = d.beneficiary_id
            LEFT JOIN agent g ON g.id = d.assignee_id
            LEFT JOIN agent k ON k.id = d.decided_by
            WHERE \(terms.joined(separator: " AND "))
            ORDER BY d.submitted_at, d.id
            """
        return (sql, arguments)
    }

    private func authorize(_ agent: Agent) throws {
        try AgentService.require(agent, .supervisor, .administrator, to: "exporter des dossiers (données personnelles)")
    }

    /// Appends the export's event, with the number of dossiers the filter selects now.
    private func record(_ filter: QueueFilter, columns: [DossierExportColumn], destination: String, by agent: Agent) throws {
        let now = store.clock.now()
        let today = CalendarDate.today(now: now)
        let (terms, arguments) = filter.sqlTerms(today: today)
        let count = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM dossier d WHERE " + terms.joined(separator: " AND "),
                             arguments: arguments) ?? 0
        }
        var payload = ["colonnes": columns.map(\.header).joined(separator: ","), "etat": filter.scope.label,
                       "destination": destination, "lignes": String(count)]
        if let code = filter.procedureCode { payload["demarche"] = code }
        try store.write { db in
            _ = try EventLog.append(db, kind: .dossiersExported, agentID: agent.id, tierID: nil, payload: payload, at: now)
        }
    }

    /// Streams the rows from one read snapshot through the CSV writer.
    private func write(_ filter: QueueFilter, columns: [DossierExportColumn], to handle: FileHandle,
                       byteOrderMark: Bool) throws -> Int {
        let today = store.clock.today()
        let stream = BufferedFileStream(handle: handle)
        stream.open()
        if byteOrderMark { stream.append([0xEF, 0xBB, 0xBF]) }
        let writer = try CSVWriter(stream: stream, delimiter: ",", newline: .crlf)
        var count = 0
        do {
            try writer.write(row: columns.map(\.header))
            try store.read { db in
                let (sql, arguments) = Self.query(filter, columns: columns, today: today, calendar: try db.capability(CalendarSQL.self))
                var cells = [String](repeating: "", count: columns.count)
                try db.capability(ColumnScanning.self).scanColumns(sql: sql, arguments: arguments) { row in
                    for index in cells.indices {
                        cells[index] = SpreadsheetCell.neutralised(String(decoding: row.bytes(Int32(index)), as: UTF8.self))
                    }
                    try writer.write(row: cells)
                    count += 1
                }
            }
            stream.append(Array("\r\n".utf8))   // the writer ends no line: the last one too
            stream.close()
        } catch {
            stream.close()
            throw stream.failure.map { Self.writeFailure($0) } ?? error
        }
        if let failure = stream.failure { throw Self.writeFailure(failure) }
        return count
    }

    private static func writeFailure(_ error: Error) -> ValidationError {
        ValidationError(field: nil, message: "L'export n'a pas pu être écrit jusqu'au bout : \(error.localizedDescription)")
    }
}
