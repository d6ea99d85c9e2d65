import Foundation
import SIMSModel

extension GuichetProcess {
    /// Files `count` school grants (the repository's BS procedure) of as many families in the
    /// store, by the counter agent `login`; returns their numbers, in order.
    @discardableResult
    func depositGrants(_ count: Int, by login: String = "accueil1") throws -> [String] {
        let store = try SIMSStore.open(path: database)
        defer { try? store.close() }
        let agent = try AgentService(store: store).authenticate(login: login)
        guard let grant = try ProcedureCatalog.load(directory: IntakeHarness.proceduresDirectory).procedure(code: "BS") else {
            throw JourneyFamilyError("procedures/ has no BS")
        }
        let tiers = TierService(store: store)
        return try (0..<count).map { index in
            let parent = try tiers.create(kind: .person, values: [
                .birthName: "Wamytan", .givenNames: "Hélène", .birthDate: "14/03/1985", .address: "\(index) rue de Sébastopol",
                .commune: "Nouméa", .postalCode: "98800", .phone: "25 12 34"], by: agent)
            let child = try tiers.create(kind: .person, values: [.birthName: "Wamytan", .givenNames: "Léa",
                                                                 .birthDate: "02/05/2016", .sex: "F"], by: agent)
            var intake = try DossierService(store: store).start(grant, applicantID: parent.id, beneficiaryID: child.id, by: agent)
            intake.dossier.answers.merge(["etablissement": "École Surleau", "classe": "CM1", "annee_scolaire": "2026",
                                          "situation_familiale": "Marié(e)", "enfants_a_charge": "2",
                                          "revenus_annuels": "1000000"]) { $1 }
            return try DossierService(store: store).submit(intake.dossier, procedure: grant, by: agent).dossier.number ?? ""
        }
    }
}
