import Crypto
import Foundation

/// Imports tiers from a CSV file: every line validated, good lines written with their facts,
/// search tokens and relations, bad lines written to a rejects file with their line number and
/// reason.
///
/// The file is written in parts of about 150 ms each, one transaction and one audit
/// event per part (« partie » n, « termine » oui on the last), the store's write lock yielded in
/// between (``StoreWriteTurn``): a counter agent's write during a long import waits a fraction
/// of a second instead of failing after SQLite's 10 s. A line is imported whole or not at all; if
/// the import stops midway (disk full, killed) the parts committed stay, each searchable and
/// attested by its event, and running the same file again says what was imported.
///
/// Two threads share the work: one reads, validates and prepares the lines
/// (``TierLinePreparer``), the writer writes the previous ones (``BulkTierWriter``), gathering
/// their index rows in sorted runs; they hand over chunks of tiers through a bounded
/// ``ImportPipe``.
///
/// ```swift
/// let report = try TierImporter(store: store).importTiers(path: "tiers.csv", rejectsPath: "tiers.rejets.csv", by: admin)
/// ```
public struct TierImporter: Sendable {
    public let store: SIMSStore
    /// The time a part of the import holds the store's write lock at most, beyond the chunk in
    /// hand: a counter agent's write waits about this long, never SQLite's 10 s. (A test sets 0:
    /// one chunk a part.)
    var partDuration: DispatchTimeInterval = .milliseconds(150)

    public init(store: SIMSStore) { self.store = store }

    /// The rejects file used when none is named: `FILE.rejets.csv` beside the input.
    public static func defaultRejectsPath(for path: String) -> String {
        let base = (path as NSString).deletingPathExtension
        return base + ".rejets.csv"
    }

    /// Tiers prepared per hand-over to the writing thread.
    static let chunkSize = 512
    /// Hand-overs prepared ahead of the writer at most.
    static let chunksInFlight = 32
    /// How long the import waits between two parts for the writers waiting their turn.
    static let yieldLimit: TimeInterval = 0.5

    /// Imports the file. `source`: a trusted source whose level every imported fact takes, named
    /// in their reference and in the event; without it the facts are « déclaré ». A file whose
    /// content (SHA-256) was already imported is refused, with the date and event of that import,
    /// unless `again`: an administrator who lost sight of an import (a session cut just after its
    /// commit) runs it again without doubling every tier. `committed` is called as soon as the
    /// transaction has committed, before anything else (the store's closing checkpoint may take
    /// seconds), for the command to say so at once.
    /// `strict`: a line with a wrong optional value (phone, e-mail, CAFAT, address) is refused
    /// whole, as before; otherwise it is imported without that value and the rejects file says so.
    @discardableResult
    public func importTiers(path: String, rejectsPath: String? = nil, source: ImportSource? = nil, again: Bool = false,
                            strict: Bool = false, by agent: Agent, committed: (ImportReport) -> Void = { _ in }) throws -> ImportReport {
        try AgentService.require(agent, .administrator, to: "importer des tiers")
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw ValidationError(field: nil, message: "Impossible de lire \(path) : vérifiez le chemin et les droits du fichier.")
        }
        return try importTiers(data: data, path: path, rejects: { try RejectsWriter(path: rejectsPath ?? Self.defaultRejectsPath(for: path)) },
                               source: source, again: again, strict: strict, by: agent, committed: committed)
    }

    /// Imports from files already open, as ``importTiers(path:rejectsPath:source:again:strict:by:committed:)``:
    /// on a shared host, the agent's own process opened them with the agent's rights, and `path`
    /// and `rejectsPath` are the agent's names for them (the service account opens no path of theirs).
    @discardableResult
    public func importTiers(reading input: FileHandle, path: String, rejectsTo rejects: FileHandle, rejectsPath: String,
                            source: ImportSource? = nil, again: Bool = false, strict: Bool = false, by agent: Agent,
                            committed: (ImportReport) -> Void = { _ in }) throws -> ImportReport {
        try AgentService.require(agent, .administrator, to: "importer des tiers")
        let data: Data
        do {
            data = try input.readToEnd() ?? Data()
        } catch {
            throw ValidationError(field: nil, message: "Impossible de lire \(path) : \(error.localizedDescription).")
        }
        return try importTiers(data: data, path: path, rejects: { try RejectsWriter(handle: rejects, path: rejectsPath) },
                               source: source, again: again, strict: strict, by: agent, committed: committed)
    }

    private func importTiers(data: Data, path: String, rejects openRejects: () throws -> RejectsWriter, source: ImportSource?,
                             again: Bool, strict: Bool, by agent: Agent, committed: (ImportReport) -> Void) throws -> ImportReport {
        let fileHash = HexDigest.string(SHA256.hash(data: data))
        if !again { try store.read { db in try Self.refuseRepeat(db, hash: fileHash, path: path) } }
        var reader = CSVRecordReader(data: data)
        guard let headerRecord = reader.next() else {
            throw ValidationError(field: nil, message: "\(path) est vide : la première ligne doit être l'en-tête (type,nom_naissance,...).")
        }
        guard let header = headerRecord.fields else {
            throw ValidationError(field: nil, message: "\(path), ligne 1 : l'en-tête n'est pas en UTF-8. Enregistrez le fichier en UTF-8.")
        }
        var columns: [TierCSVColumn] = []
        for name in header {
            guard let column = TierCSVColumn(header: name) else {
                throw ValidationError(field: nil, message: "\(path), ligne 1 : colonne inconnue \(ShownText.quoted(name)). Colonnes possibles : \(TierCSVColumn.allNames.joined(separator: ", ")).")
            }
            if columns.contains(column) {
                throw ValidationError(field: nil, message: "\(path), ligne 1 : la colonne \(ShownText.quoted(name)) apparaît deux fois.")
            }
            columns.append(column)
        }
        guard columns.contains(.type) else {
            throw ValidationError(field: nil, message: "\(path), ligne 1 : la colonne « type » (personne ou organisation) manque.")
        }
        let rejects = try openRejects()
        defer { rejects.close() }
        let today = store.clock.today()
        let fileName = (path as NSString).lastPathComponent
        // The ids of every line are reserved at once: a counter agent creating a record between
        // two parts takes the id after them.
        // One per line after the header (a quoted line break only leaves a number unused); what is
        // left unused is handed back at the end when nobody took a number after the reservation.
        let newlines = Int64(data.reduce(into: 0) { count, byte in if byte == 0x0A { count += 1 } })
        let lines = max(newlines - 1 + (data.last == 0x0A ? 0 : 1), 0)
        let firstID = try store.write { db in try Self.reserveIDs(db, count: lines) }
        let preparer = TierLinePreparer(reader: reader, columns: columns, rejects: rejects, today: today,
                                        fileName: fileName, source: source, firstID: firstID, strict: strict)
        let pipe = ImportPipe<[PreparedTier]>(capacity: Self.chunksInFlight)
        let preparing = PreparingThread(preparer: preparer, pipe: pipe, chunkSize: Self.chunkSize)
        preparing.start()
        var imported = 0, parts = 0, eventID: Int64?
        var finished = false
        do {
            // One part per transaction, each with its event, the write lock yielded in between.
            while !finished {
                let part: (written: Int, eventID: Int64?) = try store.write { db in
                    if parts == 0, !again { try Self.refuseRepeat(db, hash: fileHash, path: path) }
                    let writer = try BulkTierWriter(db, agentID: agent.id, now: store.clock.now())
                    finished = try Self.write(from: pipe, with: writer, until: DispatchTime.now() + partDuration)
                    if finished { preparing.wait() }
                    // A last part with nothing left still says that the import is complete.
                    guard writer.written > 0 || (finished && parts > 0) else { return (0, nil) }
                    var payload = ["fichier": fileName, "sha256": fileHash, "partie": String(parts + 1),
                                   "termine": finished ? "oui" : "non"]
                    if finished {
                        payload["rejets"] = String(rejects.count)
                        payload["importes_incomplets"] = String(preparer.importedWithout)
                        payload["tiers_du_fichier"] = String(imported + writer.written)
                    }
                    if let source {
                        payload["source"] = source.name
                        payload["niveau"] = String(source.level.rawValue)
                    }
                    try writer.finish(kind: .tiersImported, payload: payload)
                    return (writer.written, writer.eventID)
                }
                imported += part.written
                if let id = part.eventID {
                    eventID = id
                    parts += 1
                }
                if !finished { store.turn.yield(upTo: Self.yieldLimit) }
            }
        } catch {
            pipe.cancel()
            preparing.wait()
            throw error
        }
        try store.write { db in try Self.releaseIDs(db, reservedUpTo: firstID + lines - 1, usedUpTo: firstID + Int64(imported) - 1) }
        rejects.close()
        let report = ImportReport(imported: imported, rejected: rejects.count, rejectsPath: rejects.path, eventID: eventID,
                                  importedWithout: preparer.importedWithout)
        committed(report)
        return report
    }

    /// Reserves `count` tier ids after every id given so far; returns the first.
    static func reserveIDs(_ db: any StoreSession, count: Int64) throws -> Int64 {
        try db.capability(TierIDReserving.self).reserveTierIDs(count: count)
    }

    /// Hands back the numbers reserved and not used (rejected lines), unless another writer took a
    /// number after them: the next tier then follows the last one imported.
    static func releaseIDs(_ db: any StoreSession, reservedUpTo reserved: Int64, usedUpTo used: Int64) throws {
        try db.capability(TierIDReserving.self).releaseTierIDs(reservedUpTo: reserved, usedUpTo: used)
    }

    /// Throws when a file of the same SHA-256 was imported before, naming that import.
    static func refuseRepeat(_ db: any StoreSession, hash: String, path: String) throws {
        guard let earlier = try StoreRow.fetchOne(db, sql: """
            SELECT e.id, e.at, e.payload, a.login FROM event e LEFT JOIN agent a ON a.id = e.agent_id
            WHERE e.kind = ? AND e.payload ->> 'sha256' = ? ORDER BY e.id DESC LIMIT 1
            """, arguments: [EventKind.tiersImported.rawValue, hash]) else { return }
        let at: String = earlier["at"]
        let id: Int64 = earlier["id"]
        let payload = EventLog.decodePayload(earlier["payload"])
        let by = (earlier["login"] as String?).map { " par \(ShownText.escaped($0))" } ?? ""
        let name = payload["fichier"].map { " (alors nommé \(ShownText.quoted($0)))" } ?? ""
        if payload["termine"] == "non" {
            // An import cut short (killed, disk full): its parts are committed, each with its event.
            let parts = try StoreRow.fetchAll(db, sql: """
                SELECT id, payload ->> 'tiers' AS tiers FROM event
                WHERE kind = ? AND payload ->> 'sha256' = ? ORDER BY id
                """, arguments: [EventKind.tiersImported.rawValue, hash])
            let tiers = parts.reduce(0) { $0 + (Int(($1["tiers"] as String?) ?? "") ?? 0) }
            let first: Int64 = parts.first?["id"] ?? id
            let last = try StoreRow.fetchOne(db, sql: """
                SELECT t.id, t.display_name FROM tier t WHERE t.id = (SELECT max(tier_id) FROM fact_record WHERE event_id = ?)
                """, arguments: [id])
            let lastName = last.map { " ; le dernier importé : \(ShownText.quoted($0["display_name"] as String)) (fiche n° \($0["id"] as Int64))" } ?? ""
            throw ValidationError(field: nil, message: "L'import de \(ShownText.escaped(path, limit: 200)) du "
                + "\(Timestamp.french(at))\(by)\(name) a été interrompu : \(tiers) tiers importés en \(parts.count) partie(s), "
                + "événements n° \(first) à \(id) du journal\(lastName). Ils sont dans la base. Rien n'a été importé ; "
                + "importez les lignes qui manquent dans un fichier à part (ou, pour tout importer une seconde fois, ajoutez --encore).")
        }
        throw ValidationError(field: nil, message: "\(ShownText.escaped(path, limit: 200)) a déjà été importé le "
            + "\(Timestamp.french(at))\(by)\(name), événement n° \(id) du journal : ses tiers sont déjà dans la base. "
            + "Rien n'a été importé ; pour l'importer une seconde fois malgré tout, ajoutez --encore.")
    }

    /// Writes what the preparing thread hands over until `deadline` (after the chunk in hand)
    /// or the end of the file; returns whether the file is done.
    private static func write(from pipe: ImportPipe<[PreparedTier]>, with writer: BulkTierWriter,
                              until deadline: DispatchTime) throws -> Bool {
        repeat {
            guard let chunk = try pipe.receive() else { return true }
            for tier in chunk { try writer.writeGathering(tier) }
        } while DispatchTime.now() < deadline
        return false
    }
}
