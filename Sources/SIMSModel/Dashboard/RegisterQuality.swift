import Foundation
/// How far the register is verified: the « Qualité du registre » page of the dashboard and its
/// section in `guichet dashboard --once`.
///
/// ```swift
/// let quality = try RegisterQuality.read(store, today: store.clock.today())
/// quality.persons[.validated]          // persons whose identity is validated
/// ```
public struct RegisterQuality: Sendable, Equatable {
    /// Persons by identity level (the search's « Vérif. » mark: the lowest level of their names,
    /// sexe, birth date and place).
    public var persons: [VerificationLevel: Int]
    /// Organisations by identity level (raison sociale, RIDET, forme juridique).
    public var organisations: [VerificationLevel: Int]
    /// Fact records by level: each is the facts one action wrote (history included).
    public var factRecords: [VerificationLevel: Int]
    /// Documents on file, and those past their validity on the day (own end or type's default), by type.
    public var documents: Int
    public var expiredByType: [(DocumentType, Int)]

    public var expired: Int { expiredByType.reduce(0) { $0 + $1.1 } }
    public var personCount: Int { persons.values.reduce(0, +) }
    public var organisationCount: Int { organisations.values.reduce(0, +) }
    /// Persons whose identity is at least vérifié sur pièce.
    public var verifiedPersons: Int { (persons[.checkedAgainstDocument] ?? 0) + (persons[.validated] ?? 0) }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.persons == rhs.persons && lhs.organisations == rhs.organisations && lhs.factRecords == rhs.factRecords
            && lhs.documents == rhs.documents && lhs.expiredByType.map(\.0) == rhs.expiredByType.map(\.0)
            && lhs.expiredByType.map(\.1) == rhs.expiredByType.map(\.1)
    }

    /// Reads the figures in one read transaction (a scan of the tiers' summary rows, the fact
    /// records' level and the documents' dates). A record absorbed by a merge is left out, with
    /// its fact records (the survivor holds copies of them), and so is a record erased completely.
    public static func read(_ store: SIMSStore, today: CalendarDate) throws -> RegisterQuality {
        try store.read { db in
            var persons: [VerificationLevel: Int] = [:], organisations: [VerificationLevel: Int] = [:]
            let retired = RetiredTiers.idsSQL
            for row in try StoreRow.fetchAll(db, sql: """
                SELECT kind, min_level, count(*) FROM tier WHERE id NOT IN (\(retired)) GROUP BY kind, min_level
                """) {
                let level = VerificationLevel(rawValue: row[1]) ?? .declared
                if TierKind(rawValue: row[0]) == .organisation { organisations[level, default: 0] += row[2] } else {
                    persons[level, default: 0] += row[2]
                }
            }
            var records: [VerificationLevel: Int] = [:]
            for row in try StoreRow.fetchAll(db, sql: """
                SELECT level, count(*) FROM fact_record WHERE tier_id NOT IN (\(retired)) GROUP BY level
                """) {
                records[VerificationLevel(rawValue: row[0]) ?? .declared, default: 0] += row[1]
            }
            var documents = 0
            var expired: [DocumentType: Int] = [:]
            let cursor = try StoreRow.fetchCursor(db, sql: "SELECT type, issued_on, valid_until FROM document")
            while let row = try cursor.next() {
                documents += 1
                let document = Document(id: 0, type: DocumentType(rawValue: row[0]) ?? .other, issuedOn: row[1],
                                        validUntil: row[2], ownerIDs: [], createdAt: "")
                if DocumentProof.isExpired(document, today: today) { expired[document.type, default: 0] += 1 }
            }
            let byType = expired.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.label < $1.key.label }
                .map { ($0.key, $0.value) }
            return RegisterQuality(persons: persons, organisations: organisations, factRecords: records,
                                   documents: documents, expiredByType: byType)
        }
    }

    /// The figures as plain text lines within 80 columns, without trailing spaces (the dashboard's page and `--once`).
    public var lines: [String] {
        func percent(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "—" : "\(Int((Double(part) * 100 / Double(whole)).rounded())) %"
        }
        func row(_ label: String, _ counts: [VerificationLevel: Int]) -> String {
            let total = counts.values.reduce(0, +)
            let cells = VerificationLevel.allCases.map { level in
                let count = counts[level] ?? 0
                return "\(level.mark) \(count) (\(percent(count, total)))".padding(toLength: 19, withPad: " ", startingAt: 0)
            }
            return (label.padding(toLength: 16, withPad: " ", startingAt: 0) + cells.joined()).trimmingTrailingSpaces()
        }
        var lines = ["Personnes à l'identité vérifiée : \(verifiedPersons) sur \(personCount) (\(percent(verifiedPersons, personCount)))",
                     "",
                     ("".padding(toLength: 16, withPad: " ", startingAt: 0)
                        + VerificationLevel.allCases.map { $0.label.padding(toLength: 19, withPad: " ", startingAt: 0) }.joined())
                        .trimmingTrailingSpaces(),
                     row("Personnes", persons), row("Organisations", organisations),
                     row("Faits écrits", factRecords),
                     "",
                     "Pièces périmées : \(expired) sur \(documents) (\(percent(expired, documents)))"]
        lines += expiredByType.prefix(6).map { "  \($0.0.label.padding(toLength: 30, withPad: " ", startingAt: 0)) \($0.1)" }
        if expiredByType.count > 6 { lines.append("  … et \(expiredByType.count - 6) autres types") }
        lines += ["",
                  "Identité : le plus bas niveau des noms, sexe, date et lieu de naissance",
                  "(raison sociale, RIDET). Faits écrits : historique compris."]
        return lines
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
