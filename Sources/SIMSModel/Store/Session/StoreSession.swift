/// The one seam between the services and a storage engine: a read or a transaction on the
/// register. Services take `any StoreSession` and write portable SQL (`?` placeholders,
/// `ON CONFLICT DO NOTHING`, explicit id columns); what only one engine can do (SQLite's C calls,
/// functions and triggers, PostgreSQL's `COPY`) sits under `Store/SQLite` or `Store/PostgreSQL`
/// behind a capability protocol that each engine's session adopts (``capability(_:)``).
///
/// ```swift
/// try store.writeDatabase { db in
///     try db.execute(sql: "UPDATE dossier SET state = ? WHERE id = ?", arguments: [state, id])
///     try EventLog.append(db, kind: .dossierReassigned, ...)
/// }
/// ```
package protocol StoreSession: AnyObject {
    /// Which engine runs this session.
    var engine: StoreEngine { get }

    /// Runs one statement, or (without arguments) a script of several.
    func execute(sql: String, arguments: StoreArguments) throws

    /// Every row a query returns.
    func fetchRows(sql: String, arguments: StoreArguments) throws -> [StoreRow]

    /// The first row a query returns (the engine stops there), nil when it returns none.
    func fetchFirstRow(sql: String, arguments: StoreArguments) throws -> StoreRow?

    /// The rows of a query read one at a time.
    func fetchRowCursor(sql: String, arguments: StoreArguments) throws -> StoreRowCursor

    /// A statement prepared once per connection and reused (the engine caches it).
    func cachedStatement(sql: String) throws -> StoreStatement

    /// The rows the last statement changed.
    var changesCount: Int { get }

    /// The id the last INSERT gave its row.
    var lastInsertedRowID: Int64 { get throws }

    /// Whether a table of that name exists.
    func tableExists(_ name: String) throws -> Bool
}

extension StoreSession {
    package func execute(sql: String) throws {
        try execute(sql: sql, arguments: StoreArguments())
    }

    /// What only some engines do, each engine's session adopting the capability's protocol
    /// (`try db.capability(SearchIndexWriting.self)`). An engine without it is refused in French.
    package func capability<Capability>(_ type: Capability.Type) throws -> Capability {
        guard let capable = self as? Capability else {
            throw StoreError.missingCapability(engine: engine == .sqlite ? "SQLite" : "PostgreSQL", capability: Self.frenchName(of: type))
        }
        return capable
    }

    /// What a capability does, in the words of the message an administrator reads.
    package static func frenchName(of capability: Any.Type) -> String {
        let names = [
            "AttestedRowScanning": "lecture des lignes attestées",
            "BulkTierWriting": "chargement en masse des tiers",
            "CalendarSQL": "calcul des dates du tableau de bord",
            "ClaimLocking": "prise du dossier suivant",
            "ColumnScanning": "lecture d'une table entière",
            "PersonFactStreaming": "lecture des personnes pour l'analyse des doublons",
            "QueryPlanning": "choix des index d'une file",
            "RowAttesting": "attestation des lignes",
            "SearchIndexReading": "recherche des tiers",
            "SearchIndexWriting": "index de recherche",
            "StoreIntegrityChecking": "vérification d'intégrité",
            "TierIDReserving": "réservation des numéros de tiers",
        ]
        let name = String(describing: capability)
        return names[name] ?? name
    }
}
