@testable import SIMSModel

extension TestStore {
    /// Submits `count` school grants (``TestProcedures/schoolGrant``) of as many families, by the
    /// counter agent; returns their ids, oldest first (numbers BS-2026-000001…).
    func submittedGrants(_ count: Int) throws -> [Int64] {
        try (0..<count).map { index in
            let parent = try person("Hélène", "Wamytan", born: "14/03/198\(index % 10)",
                                    [.address: "\(index) rue de Sébastopol", .commune: "Nouméa", .postalCode: "98800",
                                     .phone: "25 12 34"])
            let child = try person("Léa", "Wamytan", born: "02/05/2016", [.sex: "F"])
            var intake = try DossierService(store: store).start(TestProcedures.schoolGrant, applicantID: parent.id,
                                                                beneficiaryID: child.id, by: counter)
            intake.dossier.answers.merge(["etablissement": "École Surleau", "classe": "CM1", "revenus_annuels": "1000000"]) { $1 }
            return try DossierService(store: store).submit(intake.dossier, procedure: TestProcedures.schoolGrant,
                                                           by: counter).dossier.id
        }
    }
}
