import Crypto
import Foundation
package import GRDB

/// Imports tiers from a CSV file: every line validated, good lines written with their facts,
/// search tokens and relations in one transaction with one audit event, bad lines written to a
/// rejects file with their line number and reason.
///
/// A line is imported whole or not at all; if the import fails midway (disk full, interruption)
/// the transaction rolls back and nothing of the file is in the store.
///
/// Two threads share the work: one reads, validates and prepares the lines
/// (``TierLinePreparer``), the writer writes the previous ones (``BulkTierWriter``); they hand
/// over chunks of tiers and runs of index rows through a bounded ``ImportPipe``, and the writer
/// sorts the runs and inserts them a slice at a time between the chunks (``PendingTokenRows``).
///
/// ```swift
/// let report = try TierImporter(store: store).importTiers(path: "tiers.csv", rejectsPath: "tiers.rejets.csv", by: admin)
/// ```
public struct TierImporter: Sendable {
    public let store: SIMSStore

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
    /// Index rows the writer inserts after each chunk of tiers (a chunk gives about 3,500), and
    /// at a time while it waits for the next chunk.
    static let tokenRowsPerStep = 4096

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
        if !again { try store.pool.read { db in try Self.refuseRepeat(db, hash: fileHash, path: path) } }
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
        var importedWithout = 0
        let (eventID, imported): (Int64?, Int) = try store.write { db in
            if !again { try Self.refuseRepeat(db, hash: fileHash, path: path) }
            let writer = try BulkTierWriter(db, agentID: agent.id, now: store.clock.now())
            // The lines are read, validated and prepared on another thread while this one writes.
            let preparer = TierLinePreparer(reader: reader, columns: columns, rejects: rejects, today: today,
                                            fileName: fileName, source: source, firstID: writer.nextTierID,
                                            strict: strict)
            let pipe = ImportPipe<ImportBatch>(capacity: Self.chunksInFlight)
            let preparing = PreparingThread(preparer: preparer, pipe: pipe, chunkSize: Self.chunkSize)
            preparing.start()
            do {
                try Self.write(from: pipe, with: writer)
            } catch {
                pipe.cancel()
                preparing.wait()
                throw error
            }
            preparing.wait()
            importedWithout = preparer.importedWithout
            guard writer.written > 0 else { return (nil, 0) }
            writer.vocabulary = preparer.vocabulary
            var payload = ["fichier": fileName, "sha256": fileHash, "rejets": String(rejects.count),
                           "importes_incomplets": String(preparer.importedWithout)]
            if let source {
                payload["source"] = source.name
                payload["niveau"] = String(source.level.rawValue)
            }
            try writer.finish(kind: .tiersImported, payload: payload)
            return (writer.eventID, writer.written)
        }
        rejects.close()
        let report = ImportReport(imported: imported, rejected: rejects.count, rejectsPath: rejects.path, eventID: eventID,
                                  importedWithout: importedWithout)
        committed(report)
        return report
    }

    /// Throws when a file of the same SHA-256 was imported before, naming that import.
    static func refuseRepeat(_ db: Database, hash: String, path: String) throws {
        guard let earlier = try Row.fetchOne(db, sql: """
            SELECT e.id, e.at, e.payload, a.login FROM event e LEFT JOIN agent a ON a.id = e.agent_id
            WHERE e.kind = ? AND json_extract(e.payload, '$.sha256') = ? ORDER BY e.id DESC LIMIT 1
            """, arguments: [EventKind.tiersImported.rawValue, hash]) else { return }
        let at: String = earlier["at"]
        let id: Int64 = earlier["id"]
        let payload = EventLog.decodePayload(earlier["payload"])
        let by = (earlier["login"] as String?).map { " par \(ShownText.escaped($0))" } ?? ""
        let name = payload["fichier"].map { " (alors nommé \(ShownText.quoted($0)))" } ?? ""
        throw ValidationError(field: nil, message: "\(ShownText.escaped(path, limit: 200)) a déjà été importé le "
            + "\(Timestamp.french(at))\(by)\(name), événement n° \(id) du journal : ses tiers sont déjà dans la base. "
            + "Rien n'a été importé ; pour l'importer une seconde fois malgré tout, ajoutez --encore.")
    }

    /// Writes what the preparing thread hands over until it is done: the tiers as they come, the
    /// index rows a slice at a time in between (``PendingTokenRows``).
    private static func write(from pipe: ImportPipe<ImportBatch>, with writer: BulkTierWriter) throws {
        var pending = PendingTokenRows()
        receiving: while true {
            let batch: ImportBatch
            if pending.isEmpty {
                guard let next = try pipe.receive() else { break }
                batch = next
            } else {
                switch try pipe.poll() {
                case .value(let next):
                    batch = next
                case .nothing:
                    try pending.insert(upTo: tokenRowsPerStep, with: writer)
                    continue receiving
                case .finished:
                    break receiving
                }
            }
            switch batch {
            case .tiers(let chunk):
                for tier in chunk { try writer.write(tier) }
                try pending.insert(upTo: tokenRowsPerStep, with: writer)
            case .tokens(let run):
                pending.append(run)
            }
        }
        try pending.insert(upTo: .max, with: writer)
    }
}
