import Foundation

/// Turns the lines of a tiers CSV file into tiers ready to write, a batch at a time: each line
/// validated like a form (``TierValidator``), its references resolved against the earlier lines,
/// bad lines written to the rejects file with their line number and reason, and the good ones
/// numbered from `firstID` and prepared (``PreparedTier``), with their index tokens and words
/// for the writer to gather in the transaction that writes them.
///
/// The lines of a batch are validated and prepared on the spare cores at once, as they do not
/// depend on each other; what does (line order, references, ids, rejects) is then settled in file
/// order, exactly as one line after the other would.
///
/// It touches no database, so that the import runs it on its own thread while the writer writes
/// (see ``TierImporter``); only that thread uses it until it is done.
///
/// ```swift
/// let preparer = TierLinePreparer(reader: reader, columns: columns, rejects: rejects, today: today,
///                                 fileName: "tiers.csv", firstID: 1)
/// while let batch = try preparer.nextBatch(lines: 512) { for tier in batch { try writer.write(tier) } }
/// ```
final class TierLinePreparer {
    private var reader: CSVRecordReader
    private let columns: [TierCSVColumn]
    private let typeColumn: Int
    private let rejects: RejectsWriter
    private let today: CalendarDate
    /// What each fact's reference starts with: the file name, after the trusted source's name.
    private let referencePrefix: String
    /// The level of every fact imported (the trusted source's, else déclaré).
    private let level: VerificationLevel
    private var nextID: Int64
    private var references: [String: (id: Int64, kind: TierKind)] = [:]
    private var rejectedReferences = Set<String>()
    /// Threads preparing the lines of a batch: one per core, up to four. The writer leaves part of
    /// its core idle while it waits for lines; a second worker takes that time (measured on two
    /// cores: 5 % faster than preparing on this thread alone).
    private let workers = min(max(ProcessInfo.processInfo.activeProcessorCount, 1), 4)

    /// One line as read, before the checks that depend on other lines.
    private struct Line: Sendable {
        var record: CSVRecord
        /// Why the line is refused before validation (encoding, columns, type).
        var problem: String?
        var kind: TierKind = .person
        /// The values typed, in ``TierFieldSlots`` order.
        var slots: [String?] = TierFieldSlots.empty
        var reference: String?
        var relations: [(RelationKind, String)] = []
    }

    /// What validating and preparing one line gave.
    private enum Prepared: Sendable {
        case refused(String)
        /// Ready; `dropped` says which optional values were left out, and why.
        case ready(PreparedTier, dropped: String?)
    }

    /// Whether a line with a wrong optional value is refused whole (`import tiers --strict`)
    /// rather than imported without that value.
    private let strict: Bool
    /// The lines imported without some of their values.
    private(set) var importedWithout = 0

    init(reader: CSVRecordReader, columns: [TierCSVColumn], rejects: RejectsWriter, today: CalendarDate,
         fileName: String, source: ImportSource? = nil, firstID: Int64, strict: Bool = false) {
        self.reader = reader
        self.strict = strict
        self.columns = columns
        typeColumn = columns.firstIndex(of: .type)!
        self.rejects = rejects
        // About one reference per line; a line is about 120 bytes.
        references.reserveCapacity(reader.byteCount / 120)
        self.today = today
        referencePrefix = source.map { "\($0.name) · \(fileName)" } ?? fileName
        level = source?.level ?? .declared
        nextID = firstID
    }

    /// The good lines among the next `lines` lines of the file, as tiers to write, after writing
    /// the bad ones to the rejects file; nil at the end of the file.
    func nextBatch(lines: Int) throws -> [PreparedTier]? {
        // The state is worked on in locals, moved out of the object and back: a property of a
        // class is checked for exclusive access at every use, several times per line.
        var reader = self.reader
        var references: [String: (id: Int64, kind: TierKind)] = [:], rejectedReferences = Set<String>()
        var nextID = self.nextID
        swap(&references, &self.references)
        swap(&rejectedReferences, &self.rejectedReferences)
        defer {
            self.reader = reader
            self.nextID = nextID
            swap(&references, &self.references)
            swap(&rejectedReferences, &self.rejectedReferences)
        }

        var batch: [Line] = []
        batch.reserveCapacity(lines)
        while batch.count < lines, let record = reader.next() { batch.append(read(record)) }
        guard !batch.isEmpty else { return nil }

        // Validation and preparation, line by line on the spare cores.
        var prepared = [Prepared?](repeating: nil, count: batch.count)
        let today = self.today, fileName = self.referencePrefix, level = self.level, workers = self.workers, strict = self.strict
        if workers == 1 {
            for i in batch.indices where batch[i].problem == nil {
                prepared[i] = Self.prepare(batch[i], today: today, fileName: fileName, level: level, strict: strict)
            }
        } else {
            prepared.withUnsafeMutableBufferPointer { buffer in
                let results = UnsafeSendableBuffer(buffer)
                let lines = batch
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    for i in stride(from: worker, to: lines.count, by: workers) where lines[i].problem == nil {
                        results.buffer[i] = Self.prepare(lines[i], today: today, fileName: fileName, level: level, strict: strict)
                    }
                }
            }
        }

        // What depends on the lines before, in file order.
        var tiers: [PreparedTier] = []
        tiers.reserveCapacity(batch.count)
        for (line, outcome) in zip(batch, prepared) {
            func reject(_ reason: String) throws {
                try rejects.reject(line: line.record.line, reason: reason, raw: line.record.raw)
            }
            if let problem = line.problem {
                try reject(problem)
                // Only a line of unknown type has its reference read: it becomes a rejected one.
                if let reference = line.reference { rejectedReferences.insert(reference) }
                continue
            }
            guard case .ready(let tier, let dropped)? = outcome else {
                if case .refused(let reason)? = outcome { try reject(reason) }
                if let reference = line.reference { rejectedReferences.insert(reference) }
                continue
            }
            if let reference = line.reference, references[reference] != nil {
                try reject("référence « \(reference) » déjà utilisée par une ligne précédente")
                continue
            }
            var resolved: [(kind: RelationKind, relatedID: Int64)] = []
            var relationProblem: String?
            for (relationKind, ref) in line.relations {
                if let target = references[ref] {
                    let fits = relationKind == .manager ? (line.kind == .organisation && target.kind == .person)
                                                        : (line.kind == .person && target.kind == .person)
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
                if let reference = line.reference { rejectedReferences.insert(reference) }
                continue
            }
            if let dropped {
                try rejects.note(line: line.record.line, reason: dropped, raw: line.record.raw)
                importedWithout += 1
            }
            tier.id = nextID
            nextID += 1
            tier.relations = resolved
            if let reference = line.reference { references[reference] = (tier.id, line.kind) }
            tiers.append(tier)
        }
        return tiers
    }


    /// Splits a record into its kind, values, reference and relations.
    private func read(_ record: CSVRecord) -> Line {
        var line = Line(record: record)
        guard let fields = record.fields else {
            line.problem = "encodage invalide : la ligne n'est pas en UTF-8"
            return line
        }
        guard fields.count == columns.count else {
            line.problem = "\(fields.count) colonnes au lieu de \(columns.count)"
            return line
        }
        var kind: TierKind?
        for (column, text) in zip(columns, fields) {
            switch column {
            case .type:
                kind = TierKind(rawValue: text) ?? TierKind(rawValue: text.trimmingSpaces().lowercased())
            case .field(let field):
                if !text.isEmpty { line.slots[TierFieldSlots.index(of: field)] = text }
            case .reference:
                let trimmed = text.trimmingSpaces()
                if !trimmed.isEmpty { line.reference = trimmed }
            case .relation(let relationKind):
                guard !text.isEmpty else { continue }
                for ref in text.split(separator: "|") {
                    let trimmed = ref.trimmingSpaces()
                    if !trimmed.isEmpty { line.relations.append((relationKind, trimmed)) }
                }
            }
        }
        guard let kind else {
            line.problem = "type « \(fields[typeColumn]) » inconnu : personne ou organisation"
            return line
        }
        line.kind = kind
        return line
    }

    /// Validates one line and, when it is valid, prepares its rows (with a provisional id).
    /// A line whose only faults are in optional values (``TierField/isOptionalOnImport``) is
    /// prepared without them, unless `strict`.
    private static func prepare(_ line: Line, today: CalendarDate, fileName: String, level: VerificationLevel,
                                strict: Bool) -> Prepared {
        var (normalized, errors) = TierValidator.validate(kind: line.kind, slots: line.slots, today: today)
        var dropped: String?
        if !errors.isEmpty {
            let fields = errors.compactMap(\.field)
            guard !strict, fields.count == errors.count, fields.allSatisfy(\.isOptionalOnImport) else {
                return .refused(errors.map(\.message).joined(separator: " ; "))
            }
            let why = errors.map(\.message).joined(separator: " ; ")
            var slots = line.slots
            for field in fields { slots[TierFieldSlots.index(of: field)] = nil }
            (normalized, errors) = TierValidator.validate(kind: line.kind, slots: slots, today: today)
            guard errors.isEmpty else { return .refused(errors.map(\.message).joined(separator: " ; ")) }
            var seen: [TierField] = []
            for field in fields where !seen.contains(field) { seen.append(field) }
            dropped = "importé sans " + seen.map(\.withArticle).joined(separator: ", ") + " : " + why
        }
        return .ready(PreparedTier(id: 0, kind: line.kind, slots: normalized,
                                   provenance: Provenance(source: .imported, reference: "\(fileName):\(line.record.line)",
                                                          level: level)),
                      dropped: dropped)
    }

}
