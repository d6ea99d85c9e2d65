import Foundation
import GRDB
import XCTest
@testable import SIMSModel

/// « Who looked at my data »: the listing of a tier's consultations and exports, with where and
/// why, from a date, as text within 80 columns; older events without a context still listed.
final class ConsultationLogTests: XCTestCase {
    var test: TestStore!
    var supervisor: Agent!
    var instructor: Agent!

    override func setUpWithError() throws {
        test = try TestStore()
        let agents = AgentService(store: test.store)
        supervisor = try agents.add(login: "atein", fullName: "Anne Tein", roles: [.supervisor], services: [], by: test.admin)
        instructor = try agents.add(login: "jwayenece", fullName: "Jean Wayenece", roles: [.instructor], services: [], by: test.admin)
    }

    override func tearDown() { test.remove() }

    func testTheListingSaysWhoConsultedWhenWhereAndWhy() throws {
        let parent = try test.person("Hélène", "Wamytan", born: "14/03/1985",
                                     [.address: "12 rue de Sébastopol", .commune: "Nouméa", .postalCode: "98800", .phone: "25 12 34"])
        let child = try test.person("Léa", "Wamytan", born: "02/05/2016", [.sex: "F"])
        try TierService(store: test.store).relate(child.id, kind: .legalRepresentative, to: parent.id, by: test.counter)
        _ = try TierService(store: test.store).open(id: parent.id, by: test.counter)
        var intake = try DossierService(store: test.store).start(TestProcedures.schoolGrant, applicantID: parent.id,
                                                                 beneficiaryID: child.id, by: test.counter)
        intake.dossier.answers.merge(["etablissement": "École Surleau", "classe": "CM1", "revenus_annuels": "1000000"]) { $1 }
        let id = try DossierService(store: test.store).submit(intake.dossier, procedure: TestProcedures.schoolGrant,
                                                             by: test.counter).dossier.id
        _ = try DossierReviewReader(store: test.store).open(dossierID: id, by: instructor)
        try TierRestrictionService(store: test.store).restrict(tierID: parent.id, motif: "Contestation de l'adresse", by: supervisor)
        _ = try DossierService(store: test.store).start(TestProcedures.schoolGrant, applicantID: parent.id, beneficiaryID: child.id,
                                                        by: test.counter, motif: "Seconde demande")
        _ = try TierService(store: test.store).open(id: parent.id, by: instructor, motif: "Vérifier l'adresse du dossier")
        _ = try TierExporter(store: test.store).export(id: parent.id, by: supervisor, motif: "Demande d'accès")
        // An event written before contexts were recorded (a review: it names its dossier).
        try test.store.writeDatabase { db in
            try EventLog.append(SQLiteSession(db), kind: .tierConsulted, agentID: instructor.id, tierID: parent.id, payload: ["dossier": "BS-2025-000007"],
                                at: TestStore.now)
        }

        let log = ConsultationLog(store: test.store)
        XCTAssertThrowsError(try log.listing(tierID: parent.id, by: test.counter)) { error in
            XCTAssertEqual("\(error)", "Vous ne pouvez pas relever les consultations d'une fiche : il faut être superviseur ou administrateur.")
        }
        XCTAssertThrowsError(try log.listing(tierID: parent.id, by: supervisor)) { error in
            XCTAssertTrue(error is RestrictedTierRefusal, "a restricted tier's listing needs a motif too")
        }
        let listing = try log.listing(tierID: parent.id, by: supervisor, motif: "Demande de la personne au guichet")
        XCTAssertEqual(listing.entries.map(\.context), [.record, .review, .intake, .record, .export, .review])
        XCTAssertEqual(listing.entries.map(\.agentLogin), ["accueil1", "jwayenece", "accueil1", "jwayenece", "atein", "jwayenece"])
        let text = ConsultationListingText.render(listing)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 80 }, text)
        XCTAssertEqual(lines[0], "Consultations des données de WAMYTAN Hélène (fiche n° \(parent.id))")
        XCTAssertEqual(lines[1], "Relevé le 29/11/2026 10:00 par Anne Tein (atein)")
        XCTAssertEqual(lines[2], "Période : depuis la création de la fiche")
        XCTAssertTrue(text.contains("Traitement limité le 29/11/2026 10:00 par atein : « Contestation de l'adresse »"), text)
        XCTAssertTrue(text.contains("  en vigueur : chaque consultation donne son motif."), text)
        XCTAssertTrue(text.contains("29/11/2026 10:00  Marie Gorodey (accueil1)      fiche\n"), text)
        XCTAssertTrue(text.contains("29/11/2026 10:00  Jean Wayenece (jwayenece)     instruction BS-2026-000001\n"), text)
        XCTAssertTrue(text.contains("                  motif : « Vérifier l'adresse du dossier »"), text)
        XCTAssertTrue(text.contains("29/11/2026 10:00  Anne Tein (atein)             export RGPD\n"
                                    + "                  motif : « Demande d'accès »"), text)
        XCTAssertTrue(text.contains("instruction BS-2025-000007"), text)
        XCTAssertTrue(text.contains("Marie Gorodey (accueil1)      saisie de dossier brouillon n° 2\n"
                                    + "                  motif : « Seconde demande »"), text)
        XCTAssertTrue(text.hasSuffix("6 consultations.\n"), text)

        // The listing itself is recorded, and shows in the next one.
        let next = try log.listing(tierID: parent.id, by: supervisor, motif: "Second relevé")
        XCTAssertEqual(next.entries.last?.context, .listing)
        XCTAssertEqual(next.entries.last?.motif, "Demande de la personne au guichet")
        XCTAssertTrue(ConsultationListingText.render(next).contains("relevé des consultations"))
    }

    func testAGuillemetStaysWithTheMotifItOpens() throws {
        let parent = try test.person("Hélène", "Wamytan", born: "14/03/1985")
        try TierRestrictionService(store: test.store).restrict(tierID: parent.id, motif: "Opposition-du-parent-par-courrier du 28/11",
                                                              by: supervisor)
        let text = ConsultationListingText.render(try ConsultationLog(store: test.store).listing(tierID: parent.id, by: supervisor,
                                                                                                  motif: "Demande de la personne"))
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertFalse(lines.contains { $0.hasSuffix("«") || $0.hasPrefix("»") }, text)
        XCTAssertTrue(lines.contains("Traitement limité le 29/11/2026 10:00 par atein :"), text)
        XCTAssertTrue(lines.contains("« Opposition-du-parent-par-courrier du 28/11 »"), text)
    }

    func testFromADateOnly() throws {
        let parent = try test.person("Hélène", "Wamytan", born: "14/03/1985")
        _ = try TierService(store: test.store).open(id: parent.id, by: test.counter)
        let log = ConsultationLog(store: test.store)
        // 29/11/2026 10:00 in Nouméa is 28/11 23:00 UTC: the day is counted in Nouméa.
        XCTAssertEqual(try log.listing(tierID: parent.id, since: CalendarDate(iso: "2026-11-29"), by: supervisor).entries.count, 1)
        let later = try log.listing(tierID: parent.id, since: CalendarDate(iso: "2026-11-30"), by: supervisor)
        XCTAssertTrue(later.entries.isEmpty)
        XCTAssertTrue(ConsultationListingText.render(later).contains("Période : depuis le 30/11/2026"))
        XCTAssertTrue(ConsultationListingText.render(later).contains("Aucune consultation depuis cette date."))
    }
}
