import Crypto
import Foundation
import GRDB

/// Imports tiers from a CSV file: every line validated, good lines written with their facts,
/// search tokens and relations in one transaction with one audit event, bad lines written to a
/// rejects file with their line number and reason.
///
/// A line is imported whole or not at all; if the import fails midway (disk full, interruption)
/// the transaction rolls back and nothing of the file is in the store.
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

    public func importTiers(path: String, rejectsPath: String? = nil, by agent: Agent) throws -> ImportReport {
        try AgentService.require(agent, .administrator, to: "importer des tiers")
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw ValidationError(field: nil, message: "Impossible de lire \(path) : vérifiez le chemin et les droits du fichier.")
        }
        let fileHash = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
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
                throw ValidationError(field: nil, message: "\(path), ligne 1 : colonne inconnue « \(name) ». Colonnes possibles : \(TierCSVColumn.allNames.joined(separator: ", ")).")
            }
            if columns.contains(column) {
                throw ValidationError(field: nil, message: "\(path), ligne 1 : la colonne « \(name) » apparaît deux fois.")
            }
            columns.append(column)
        }
        guard columns.contains(.type) else {
            throw ValidationError(field: nil, message: "\(path), ligne 1 : la colonne « type » (personne ou organisation) manque.")
        }
        let rejects = try RejectsWriter(path: rejectsPath ?? Self.defaultRejectsPath(for: path))
        defer { rejects.close() }
        let today = store.clock.today()
        let fileName = (path as NSString).lastPathComponent
        let (eventID, imported): (Int64?, Int) = try store.pool.write { db in
            let writer = try BulkTierWriter(db, agentID: agent.id, now: store.clock.now())
            var references: [String: (id: Int64, kind: TierKind)] = [:]
            var rejectedReferences = Set<String>()
            while let record = reader.next() {
                func reject(_ reason: String) throws {
                    try rejects.reject(line: record.line, reason: reason, raw: record.raw)
                }
                guard let fields = record.fields else {
                    try reject("encodage invalide : la ligne n'est pas en UTF-8")
                    continue
                }
                guard fields.count == columns.count else {
                    try reject("\(fields.count) colonnes au lieu de \(columns.count)")
                    continue
                }
                var kind: TierKind?
                var values: [TierField: String] = [:]
                var reference: String?
                var relations: [(RelationKind, String)] = []
                for (column, text) in zip(columns, fields) {
                    switch column {
                    case .type:
                        kind = TierKind(rawValue: text.trimmingSpaces().lowercased())
                    case .field(let field):
                        if !text.isEmpty { values[field] = text }
                    case .reference:
                        let trimmed = text.trimmingSpaces()
                        if !trimmed.isEmpty { reference = trimmed }
                    case .relation(let relationKind):
                        for ref in text.split(separator: "|") {
                            let trimmed = ref.trimmingSpaces()
                            if !trimmed.isEmpty { relations.append((relationKind, trimmed)) }
                        }
                    }
                }
                guard let kind else {
                    try reject("type « \(fields[columns.firstIndex(of: .type)!]) » inconnu : personne ou organisation")
                    if let reference { rejectedReferences.insert(reference) }
                    continue
                }
                let validation = TierValidator.validate(kind: kind, values: values, today: today)
                if !validation.errors.isEmpty {
                    try reject(validation.errors.map(\.message).joined(separator: " ; "))
                    if let reference { rejectedReferences.insert(reference) }
                    continue
                }
                if let reference, references[reference] != nil {
                    try reject("référence « \(reference) » déjà utilisée par une ligne précédente")
                    continue
                }
                var resolved: [(RelationKind, Int64)] = []
                var relationProblem: String?
                for (relationKind, ref) in relations {
                    if let target = references[ref] {
                        let fits = relationKind == .manager ? (kind == .organisation && target.kind == .person)
                                                            : (kind == .person && target.kind == .person)
                        if !fits {
                            relationProblem = "relation « \(relationKind.rawValue) » impossible entre ces deux tiers (réf. \(ref))"
                            break
                        }
                        resolved.append((relationKind, target.id))
                    } else if rejectedReferences.contains(ref) {
                        relationProblem = "la ligne de référence « \(ref) » a été rejetée"
                        break
                    } else {
                        relationProblem = "référence « \(ref) » inconnue : elle doit désigner une ligne précédente du fichier"
                        break
                    }
                }
                if let relationProblem {
                    try reject(relationProblem)
                    if let reference { rejectedReferences.insert(reference) }
                    continue
                }
                let id = try writer.add(kind: kind, values: validation.normalized,
                                        provenance: Provenance(source: .imported, reference: "\(fileName):\(record.line)"))
                for (relationKind, target) in resolved { try writer.relate(id, kind: relationKind, to: target) }
                if let reference { references[reference] = (id, kind) }
            }
            guard writer.written > 0 else { return (nil, 0) }
            try writer.finish(kind: .tiersImported, payload: ["fichier": fileName, "sha256": fileHash,
                                                             "rejets": String(rejects.count)])
            return (writer.eventID, writer.written)
        }
        return ImportReport(imported: imported, rejected: rejects.count, rejectsPath: rejects.path, eventID: eventID)
    }
}
