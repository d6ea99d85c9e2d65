import SIMSModel
import GRDB

/// The tiers that apply: parent–child pairs, adults, organisations.
struct BenchApplicantPools: Sendable {
    var families: [(parent: Int64, child: Int64)]
    var adults: [Int64]
    var organisations: [Int64]

    init(store: SIMSStore) throws {
        (families, adults, organisations) = try store.sqlitePool.read { db in
            let families = try Row.fetchAll(db, sql: """
                SELECT related_id, tier_id FROM relation WHERE kind = 'representant_legal' ORDER BY related_id, tier_id
                """).map { (parent: $0[0] as Int64, child: $0[1] as Int64) }
            let adults = try Int64.fetchAll(db, sql: """
                SELECT id FROM tier WHERE kind = 'personne' AND (birth_date IS NULL OR birth_date < '2007-01-01') ORDER BY id
                """)
            let organisations = try Int64.fetchAll(db, sql: "SELECT id FROM tier WHERE kind = 'organisation' ORDER BY id")
            return (families, adults, organisations)
        }
        guard !adults.isEmpty else {
            throw ValidationError(field: nil, message: "Base de mesure sans tiers adulte : impossible de générer des dossiers.")
        }
        if families.isEmpty { families = adults.map { ($0, $0) } }
        if organisations.isEmpty { organisations = adults }
    }
}

