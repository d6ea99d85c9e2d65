import SIMSModel
import Foundation
import GRDB

/// Last year's school grants for some demonstration families, with the pieces they brought, so
/// that a renewal at the demo counter starts from a previous dossier and reuses valid documents.
///
/// ```swift
/// try DemoDossiers.add(to: store, grant: catalog.procedure(code: "BS")!, families: 300, by: admin)
/// ```
public enum DemoDossiers {
    static let schools = ["École Frédéric Surleau", "École Amélie Cortot", "École Gustave Mouchet", "École de Païta-Village",
                          "Collège de Magenta", "Collège de Rivière-Salée", "Collège Jean Mariotti", "Collège de Boulouparis",
                          "Lycée Lapérouse", "Lycée Jules Garnier", "Lycée du Mont-Dore", "École de La Foa"]
    static let classes = ["CP", "CE1", "CE2", "CM1", "CM2", "6e", "5e", "4e", "3e", "2nde", "1re", "Terminale"]
    static let situations = ["Marié(e)", "Pacsé(e)", "Vie maritale", "Célibataire", "Divorcé(e) ou séparé(e)"]

    /// Whether the tiers hold every required bound field, so that last year's dossier is complete.
    static func hasEveryRequiredField(_ grant: Procedure, parent: Int64, child: Int64, store: SIMSStore) throws -> Bool {
        let tiers = TierService(store: store)
        let applicant = try tiers.snapshot(id: parent).current, beneficiary = try tiers.snapshot(id: child).current
        return grant.fields.filter(\.required).allSatisfy { field in
            switch field.binding {
            case .applicant(let tierField): return applicant[tierField] != nil
            case .beneficiary(let tierField): return beneficiary[tierField] != nil
            case .local: return true
            }
        }
    }

    /// Submits, dated one year before `now`, a school grant for up to `families` parent–child
    /// pairs whose parent has every required field; registers their documents. Returns how many.
    @discardableResult
    public static func add(to store: SIMSStore, grant: Procedure, families: Int, by agent: Agent,
                           now: Date = Date()) throws -> Int {
        let lastYear = now.addingTimeInterval(-365 * 86_400)
        return try file(to: store, grant: grant, families: families, by: agent, now: now, submittedAt: { _ in lastYear },
                        withDocuments: true).count
    }

    /// Submits a school grant for up to `families` eligible parent–child pairs, after skipping the
    /// first `skipping` ones, the n-th dated `submittedAt(n)`; with their documents when asked.
    /// Returns the dossiers' ids in that order.
    public static func file(to store: SIMSStore, grant: Procedure, families: Int, skipping: Int = 0, by agent: Agent, now: Date,
                     submittedAt: (Int) -> Date, withDocuments: Bool, progress: ((Int) -> Void)? = nil) throws -> [Int64] {
        let today = CalendarDate.today(now: now)
        let pairs = try store.sqlitePool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT r.tier_id AS child, r.related_id AS parent, c.birth_date AS born
                FROM relation r JOIN tier c ON c.id = r.tier_id
                JOIN tier p ON p.id = r.related_id
                WHERE r.kind = 'representant_legal' AND c.birth_date BETWEEN ? AND ?
                      AND p.phone IS NOT NULL AND p.commune IS NOT NULL
                ORDER BY r.related_id, r.tier_id LIMIT ?
                """, arguments: ["\(today.year - 19)-01-01", "\(today.year - 6)-12-31", (families + skipping) * 10])
        }
        let documents = DocumentService(store: store)
        var stores = DemoClockedStores(store: store)
        var ids: [Int64] = []
        var eligible = 0
        var seen = Set<Int64>()
        for (index, pair) in pairs.enumerated() where ids.count < families {
            let parent: Int64 = pair["parent"], child: Int64 = pair["child"]
            guard seen.insert(parent).inserted, try hasEveryRequiredField(grant, parent: parent, child: child, store: store) else {
                continue
            }
            eligible += 1
            guard eligible > skipping else { continue }
            let date = submittedAt(ids.count)
            let schoolYear = CalendarDate.today(now: date).year
            let dossiers = DossierService(store: try stores.at(date))
            var intake = try dossiers.start(grant, applicantID: parent, beneficiaryID: child, by: agent)
            let born = CalendarDate(iso: pair["born"]) ?? today
            let age = born.years(until: CalendarDate(year: schoolYear, month: 2, day: 15) ?? today)
            intake.dossier.answers.merge([
                "etablissement": schools[index % schools.count],
                "classe": classes[min(max(age - 6, 0), classes.count - 1)],
                "annee_scolaire": String(schoolYear),
                "situation_familiale": situations[index % situations.count],
                "enfants_a_charge": String(1 + index % 4),
                "revenus_annuels": String(800_000 + (index * 137_000) % 3_200_000),
                "internat": index % 9 == 0 ? "oui" : "non",
            ]) { $1 }
            do {
                ids.append(try dossiers.submit(intake.dossier, procedure: grant, by: agent).dossier.id)
                progress?(ids.count)
            } catch is DossierValidationFailed {
                try dossiers.abandon(dossierID: intake.dossier.id, by: agent)   // a parent without an address or phone
                continue
            }
            guard withDocuments else { continue }
            try documents.register(type: .identityDocument, issuedOn: "\(2018 + index % 7)-0\(1 + index % 9)-15",
                                   validUntil: "\(2028 + index % 7)-0\(1 + index % 9)-14", owners: [parent], by: agent)
            try documents.register(type: .proofOfAddress, issuedOn: today.adding(days: -(20 + (index * 17) % 130)).iso,
                                   owners: [parent], by: agent)
            try documents.register(type: .schoolCertificate, issuedOn: "\(schoolYear)-02-20", owners: [child], by: agent)
        }
        try stores.close()
        return ids
    }
}
