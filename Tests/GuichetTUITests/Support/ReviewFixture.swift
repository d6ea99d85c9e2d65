import Foundation
import SIMSModel

/// Colleagues and submitted school grants in a screen test's store, for the review screens.
enum ReviewFixture {
    /// Adds an agent (the store's administrateur is « admin »).
    static func agent(_ store: SIMSStore, _ login: String, _ name: String, _ roles: Set<Role>) throws -> Agent {
        let admin = try AgentService(store: store).authenticate(login: "admin")
        return try AgentService(store: store).add(login: login, fullName: name, roles: roles, services: [], by: admin)
    }

    /// Submits `count` school grants (ScreenProcedures.schoolGrant) of as many families, in order;
    /// returns their ids. The dossiers are due on the 13/01/2027 (45 days after 29/11/2026).
    static func grants(_ count: Int, store: SIMSStore, by agent: Agent, surnames: [String] = []) throws -> [Int64] {
        let tiers = TierService(store: store)
        let service = DossierService(store: store)
        return try (0..<count).map { index in
            let surname = surnames.indices.contains(index) ? surnames[index] : "Famille\(Character(UnicodeScalar(97 + index % 26)!))"
            let parent = try tiers.create(kind: .person, values: [.birthName: surname, .givenNames: "Hélène",
                                                                  .birthDate: "14/03/1985"], by: agent)
            let child = try tiers.create(kind: .person, values: [.birthName: surname, .givenNames: "Léa",
                                                                 .birthDate: "02/05/2016"], by: agent)
            try tiers.relate(child.id, kind: .legalRepresentative, to: parent.id, by: agent)
            var intake = try service.start(ScreenProcedures.schoolGrant, applicantID: parent.id, beneficiaryID: child.id, by: agent)
            intake.dossier.answers["classe"] = "CM1"
            return try service.submit(intake.dossier, procedure: ScreenProcedures.schoolGrant, by: agent).dossier.id
        }
    }

    /// Moves a dossier's due date (to make it overdue).
    static func setDue(_ store: SIMSStore, dossier id: Int64, to iso: String) throws {
        try store.fixtureWrite { db in try db.execute(sql: "UPDATE dossier SET due_on = ? WHERE id = ?", arguments: [iso, id]) }
    }
}
