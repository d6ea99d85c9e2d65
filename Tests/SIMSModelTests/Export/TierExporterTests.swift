import Foundation
import XCTest
@testable import SIMSModel

final class TierExporterTests: XCTestCase {
    func testTheExportHoldsFactsHistoryRelationsAndConsultations() throws {
        let t = try TestStore()
        defer { t.remove() }
        let tiers = TierService(store: t.store)
        let mother = try t.person("Hélène", "Wamytan", born: "14/03/1985", [.phone: "251234"])
        let child = try t.person("Noé", "Wamytan", born: "10/10/2015")
        try tiers.relate(child.id, kind: .legalRepresentative, to: mother.id, by: t.counter)
        try tiers.update(id: mother.id, expectedVersion: 1, changes: [.phone: "781234"], by: t.counter)
        _ = try tiers.open(id: mother.id, by: t.counter)
        let supervisor = try AgentService(store: t.store).add(login: "chef", fullName: "Chef", roles: [.supervisor], services: [], by: t.admin)
        let json = try TierExporter(store: t.store).export(id: mother.id, by: supervisor)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let history = try XCTUnwrap(object["historique"] as? [[String: Any]])
        XCTAssertEqual(history.filter { $0["champ"] as? String == "telephone" }.compactMap { $0["valeur"] as? String },
                       ["25.12.34", "78.12.34"])
        let consultations = try XCTUnwrap(object["consultations"] as? [[String: Any]])
        XCTAssertEqual(consultations.compactMap { $0["agent"] as? String }, ["accueil1"])
        let relations = try XCTUnwrap(object["relations"] as? [[String: Any]])
        XCTAssertEqual(relations.first?["relation"] as? String, "Mineur représenté")
        XCTAssertEqual(relations.first?["nom"] as? String, "WAMYTAN Noé")
        let current = try XCTUnwrap(object["valeurs_actuelles"] as? [String: [String: Any]])
        XCTAssertEqual(current["date_naissance"]?["valeur"] as? String, "14/03/1985")
        XCTAssertEqual(current["date_naissance"]?["source"] as? String, "déclaré au guichet")
    }

    func testACounterAgentCannotExport() throws {
        let t = try TestStore()
        defer { t.remove() }
        let tier = try t.person("Hélène", "Wamytan", born: "14/03/1985")
        XCTAssertThrowsError(try TierExporter(store: t.store).export(id: tier.id, by: t.counter))
    }
}
