import Foundation
import GRDB
import XCTest
@testable import SIMSModel

/// The restriction of a tier's processing: who may set and lift it, what it refuses without a
/// motif (record, dossier review, dossier form, export), what the search still shows, its events
/// and the attestation of its rows.
final class TierRestrictionTests: XCTestCase {
    var test: TestStore!
    var supervisor: Agent!
    var instructor: Agent!
    var parent: TierSnapshot!
    var child: TierSnapshot!

    override func setUpWithError() throws {
        test = try TestStore()
        let agents = AgentService(store: test.store)
        supervisor = try agents.add(login: "atein", fullName: "Anne Tein", roles: [.supervisor], services: [], by: test.admin)
        instructor = try agents.add(login: "jwayenece", fullName: "Jean Wayenece", roles: [.instructor], services: [], by: test.admin)
        parent = try test.person("Hélène", "Wamytan", born: "14/03/1985",
                                    [.address: "12 rue de Sébastopol", .commune: "Nouméa", .postalCode: "98800", .phone: "25 12 34"])
        child = try test.person("Léa", "Wamytan", born: "02/05/2016", [.sex: "F"])
        try TierService(store: test.store).relate(child.id, kind: .legalRepresentative, to: parent.id, by: test.counter)
    }

    override func tearDown() { test.remove() }

    var restrictions: TierRestrictionService { TierRestrictionService(store: test.store) }

    func events(_ kind: EventKind) throws -> [AuditEvent] {
        try test.store.sqlitePool.read { db in
            try AuditEvent.fetchAll(SQLiteSession(db), sql: "SELECT * FROM event WHERE kind = ? ORDER BY id", arguments: [kind.rawValue])
        }
    }

    func testOnlyASupervisorRestrictsAndTheMotifIsRequired() throws {
        XCTAssertThrowsError(try restrictions.restrict(tierID: parent.id, motif: "Contestation", by: test.counter)) { error in
            XCTAssertEqual("\(error)", "Vous ne pouvez pas limiter le traitement d'une fiche : il faut être superviseur.")
        }
        XCTAssertThrowsError(try restrictions.restrict(tierID: parent.id, motif: "   ", by: supervisor)) { error in
            XCTAssertTrue("\(error)".hasPrefix("Motif : indiquez le motif de la limitation"), "\(error)")
        }
        XCTAssertThrowsError(try restrictions.restrict(tierID: 999, motif: "Contestation", by: supervisor)) { error in
            XCTAssertTrue("\(error)".hasPrefix("Aucun tiers n° 999"), "\(error)")
        }
        XCTAssertNil(try restrictions.inForce(tierID: parent.id))
        XCTAssertTrue(try events(.tierRestricted).isEmpty)
    }

    func testRestrictingThenLiftingRecordsBothWithTheirMotifAndAgent() throws {
        let restricted = try restrictions.restrict(tierID: parent.id, motif: "Contestation de l'adresse (courrier du 28/11)",
                                                   by: supervisor)
        XCTAssertEqual(restricted.restrictedBy, "atein")
        XCTAssertTrue(restricted.inForce)
        XCTAssertThrowsError(try restrictions.restrict(tierID: parent.id, motif: "Encore", by: supervisor)) { error in
            XCTAssertTrue("\(error)".contains("est déjà limitée depuis le 29/11/2026 10:00"), "\(error)")
        }
        let lifted = try restrictions.lift(tierID: parent.id, motif: "Adresse vérifiée sur pièce", by: supervisor)
        XCTAssertEqual(lifted.liftedBy, "atein")
        XCTAssertEqual(lifted.liftMotif, "Adresse vérifiée sur pièce")
        XCTAssertNil(try restrictions.inForce(tierID: parent.id))
        XCTAssertThrowsError(try restrictions.lift(tierID: parent.id, motif: "Encore", by: supervisor)) { error in
            XCTAssertEqual("\(error)", "« WAMYTAN Hélène » n'est pas limitée : rien à lever.")
        }
        let restrictEvents = try events(.tierRestricted), liftEvents = try events(.tierRestrictionLifted)
        XCTAssertEqual(restrictEvents.map(\.tierID), [parent.id])
        XCTAssertEqual(EventLog.decodePayload(restrictEvents[0].payload)["motif"], "Contestation de l'adresse (courrier du 28/11)")
        XCTAssertEqual(restrictEvents[0].agentID, supervisor.id)
        XCTAssertEqual(EventLog.decodePayload(liftEvents[0].payload)["motif"], "Adresse vérifiée sur pièce")
        XCTAssertEqual(try restrictions.history(tierID: parent.id).count, 1)
        // A new restriction after the lift is a new row: both stay in the history.
        try restrictions.restrict(tierID: parent.id, motif: "Nouvelle contestation", by: supervisor)
        XCTAssertEqual(try restrictions.history(tierID: parent.id).map(\.inForce), [false, true])
        // Every row is attested: the check passes.
        let report = try ChainVerifier.verify(test.store)
        XCTAssertTrue(report.isSound, "\(report.rowProblems) \(report.schemaProblems) \(report.firstBreak ?? "")")
    }

    func testARestrictedRecordOpensOnlyWithAMotifRecordedInItsConsultation() throws {
        try restrictions.restrict(tierID: parent.id, motif: "Contestation", by: supervisor)
        let tiers = TierService(store: test.store)
        let before = try events(.tierConsulted).count
        XCTAssertThrowsError(try tiers.open(id: parent.id, by: test.counter)) { error in
            XCTAssertEqual(error as? RestrictedTierRefusal, RestrictedTierRefusal(tierIDs: [parent.id], names: ["WAMYTAN Hélène"]))
            XCTAssertEqual("\(error)", "« WAMYTAN Hélène » : traitement limité (RGPD). Ses données ne se consultent qu'avec "
                + "un motif, qui est enregistré : indiquez-le.")
        }
        XCTAssertThrowsError(try tiers.open(id: parent.id, by: test.counter, motif: "  "))
        XCTAssertEqual(try events(.tierConsulted).count, before, "a refused consultation records nothing")
        let opened = try tiers.open(id: parent.id, by: test.counter, motif: "Dossier BS déposé au guichet")
        XCTAssertEqual(opened.id, parent.id)
        let payload = EventLog.decodePayload(try events(.tierConsulted).last!.payload)
        XCTAssertEqual(payload["motif"], "Dossier BS déposé au guichet")
        XCTAssertEqual(payload["ecran"], "fiche")
        XCTAssertEqual(payload["limitee"], "oui")
        // Another tier opens as before, its context recorded.
        _ = try tiers.open(id: child.id, by: test.counter)
        XCTAssertEqual(EventLog.decodePayload(try events(.tierConsulted).last!.payload)["ecran"], "fiche")
    }

    func testADossierOfARestrictedTierNeedsAMotifToStartOrReview() throws {
        try restrictions.restrict(tierID: child.id, motif: "Opposition du parent", by: supervisor)
        let dossiers = DossierService(store: test.store)
        XCTAssertThrowsError(try dossiers.start(TestProcedures.schoolGrant, applicantID: parent.id, beneficiaryID: child.id,
                                                by: test.counter)) { error in
            XCTAssertEqual((error as? RestrictedTierRefusal)?.tierIDs, [child.id])
        }
        XCTAssertTrue(try dossiers.dossiers(ofTier: parent.id).isEmpty, "nothing was written")
        var intake = try dossiers.start(TestProcedures.schoolGrant, applicantID: parent.id, beneficiaryID: child.id,
                                        by: test.counter, motif: "Demande de bourse au guichet")
        let atIntake = try events(.tierConsulted).last!
        XCTAssertEqual(atIntake.tierID, child.id)
        XCTAssertEqual(EventLog.decodePayload(atIntake.payload)["ecran"], "saisie")
        // Resuming the brouillon asks again.
        XCTAssertThrowsError(try dossiers.resume(dossierID: intake.dossier.id, procedures: [TestProcedures.schoolGrant],
                                                 by: test.counter))
        XCTAssertNoThrow(try dossiers.resume(dossierID: intake.dossier.id, procedures: [TestProcedures.schoolGrant],
                                             by: test.counter, motif: "Reprise du brouillon"))
        intake.dossier.answers.merge(["etablissement": "École Surleau", "classe": "CM1", "revenus_annuels": "1000000"]) { $1 }
        let id = try dossiers.submit(intake.dossier, procedure: TestProcedures.schoolGrant, by: test.counter).dossier.id
        let reader = DossierReviewReader(store: test.store)
        XCTAssertThrowsError(try reader.open(dossierID: id, by: instructor)) { error in
            XCTAssertEqual((error as? RestrictedTierRefusal)?.names, ["WAMYTAN Léa"])
        }
        _ = try reader.open(dossierID: id, by: instructor, motif: "Instruction du dossier")
        let review = try events(.tierConsulted).suffix(2)
        XCTAssertEqual(review.map(\.tierID), [parent.id, child.id])
        XCTAssertEqual(review.map { EventLog.decodePayload($0.payload)["motif"] }, ["Instruction du dossier", "Instruction du dossier"])
        XCTAssertEqual(review.map { EventLog.decodePayload($0.payload)["ecran"] }, ["instruction", "instruction"])
        XCTAssertTrue(try ChainVerifier.verify(test.store).isSound)
    }

    func testTheSearchShowsARestrictedTierByItsNameOnly() throws {
        try restrictions.restrict(tierID: parent.id, motif: "Contestation", by: supervisor)
        let hits = try TierSearch(store: test.store).search("wamytan")
        let restricted = try XCTUnwrap(hits.first { $0.tierID == parent.id })
        XCTAssertTrue(restricted.restricted)
        XCTAssertEqual(restricted.displayName, "WAMYTAN Hélène")
        XCTAssertNil(restricted.birthDate)
        XCTAssertNil(restricted.commune)
        XCTAssertNil(restricted.phone)
        let other = try XCTUnwrap(hits.first { $0.tierID == child.id })
        XCTAssertFalse(other.restricted)
        XCTAssertEqual(other.birthDate, "2016-05-02")
    }

    func testTheExportNeedsAMotifForARestrictedTierAndListsTheRestrictions() throws {
        let exporter = TierExporter(store: test.store)
        let plain = try JSONSerialization.jsonObject(with: Data(try exporter.export(id: parent.id, by: supervisor).utf8)) as! [String: Any]
        XCTAssertEqual((plain["limitations"] as? [Any])?.count, 0)
        try restrictions.restrict(tierID: parent.id, motif: "Contestation", by: supervisor)
        XCTAssertThrowsError(try exporter.export(id: parent.id, by: supervisor)) { error in
            XCTAssertTrue(error is RestrictedTierRefusal)
        }
        _ = try TierService(store: test.store).open(id: parent.id, by: test.counter, motif: "Rendez-vous")
        let json = try exporter.export(id: parent.id, by: supervisor, motif: "Demande d'accès du 28/11/2026")
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let limitations = try XCTUnwrap(object["limitations"] as? [[String: Any]])
        XCTAssertEqual(limitations.count, 1)
        XCTAssertEqual(limitations[0]["motif"] as? String, "Contestation")
        XCTAssertEqual(limitations[0]["en_vigueur"] as? Bool, true)
        XCTAssertEqual(limitations[0]["par"] as? String, "atein")
        let consultations = try XCTUnwrap(object["consultations"] as? [[String: Any]])
        XCTAssertEqual(consultations.last?["motif"] as? String, "Rendez-vous")
        XCTAssertEqual(consultations.last?["ecran"] as? String, "fiche")
        let exportEvent = try events(.tierExported).last!
        XCTAssertEqual(EventLog.decodePayload(exportEvent.payload)["motif"], "Demande d'accès du 28/11/2026")
    }

    func testARestrictedTierFoundByItsNumberOrAMergedNumberShowsItsNameOnly() throws {
        let duplicate = try test.person("Helene", "Ouamytan", born: "14/03/1985", [.phone: "79 88 77"])
        try restrictions.restrict(tierID: parent.id, motif: "Contestation", by: supervisor)
        let search = TierSearch(store: test.store)
        for query in ["n° \(parent.id)", "#\(parent.id)", "no \(parent.id)"] {
            let hit = try XCTUnwrap(try search.search(query).first, query)
            XCTAssertEqual(hit, SearchHit(tierID: parent.id, kind: .person, displayName: "WAMYTAN Hélène", minLevel: .declared,
                                          score: 1, restricted: true), query)
        }
        XCTAssertThrowsError(try TierMerger(store: test.store).merge(survivorID: parent.id, absorbedID: duplicate.id,
                                                                      by: supervisor, motif: "même personne")) { error in
            XCTAssertEqual(error as? RestrictedTierRefusal, RestrictedTierRefusal(tierIDs: [parent.id], names: ["WAMYTAN Hélène"]))
        }
        XCTAssertNil(try TierMerger(store: test.store).redirect(of: duplicate.id), "nothing merged without the motif")
        try TierMerger(store: test.store).merge(survivorID: parent.id, absorbedID: duplicate.id, by: supervisor,
                                                motif: "même personne", consultationMotif: "Doublon signalé par la personne")
        let merged = try XCTUnwrap(try search.search("n° \(duplicate.id)").first)
        XCTAssertEqual(merged.tierID, parent.id)
        XCTAssertTrue(merged.restricted)
        XCTAssertNil(merged.phone, "the absorbed record's phone is the survivor's now, and hidden")
        XCTAssertEqual(merged.redirect?.absorbedID, duplicate.id)
        let payload = EventLog.decodePayload(try events(.tiersMerged).last!.payload)
        XCTAssertEqual(payload["limitee"], "oui")
        XCTAssertEqual(payload["motif_consultation"], "Doublon signalé par la personne")
        XCTAssertEqual(payload["motif"], "même personne")
    }

    func testARecordThatAbsorbsARestrictedOneIsRestrictedUntilLiftedOrUnmerged() throws {
        let duplicate = try test.person("Helene", "Ouamytan", born: "14/03/1985", [.phone: "79 88 77"])
        try restrictions.restrict(tierID: duplicate.id, motif: "Opposition", by: supervisor)
        let merger = TierMerger(store: test.store)
        try merger.merge(survivorID: parent.id, absorbedID: duplicate.id, by: supervisor, motif: "même personne",
                         consultationMotif: "Doublon signalé")
        XCTAssertEqual(try restrictions.inForce(tierID: parent.id)?.motif, "Opposition", "the person's restriction follows the merge")
        XCTAssertThrowsError(try TierService(store: test.store).open(id: parent.id, by: test.counter)) { error in
            XCTAssertTrue(error is RestrictedTierRefusal)
        }
        XCTAssertTrue(try TierSearch(store: test.store).search("wamytan helene").first { $0.tierID == parent.id }?.restricted == true)
        XCTAssertThrowsError(try restrictions.restrict(tierID: parent.id, motif: "Encore", by: supervisor)) { error in
            XCTAssertTrue("\(error)".contains("est déjà limitée"), "\(error)")
        }
        // Undone, the merge gives each record back its own restriction.
        try merger.unmerge(absorbedID: duplicate.id, by: supervisor, motif: "erreur")
        XCTAssertNil(try restrictions.inForce(tierID: parent.id))
        XCTAssertNotNil(try restrictions.inForce(tierID: duplicate.id))
        // Merged again, lifting on the survivor lifts the person's restriction.
        try merger.merge(survivorID: parent.id, absorbedID: duplicate.id, by: supervisor, motif: "même personne",
                         consultationMotif: "Doublon signalé")
        try restrictions.lift(tierID: parent.id, motif: "Demande retirée", by: supervisor)
        XCTAssertNil(try restrictions.inForce(tierID: parent.id))
        XCTAssertEqual(try restrictions.history(tierID: parent.id).map(\.liftMotif), ["Demande retirée"])
        XCTAssertNoThrow(try TierService(store: test.store).open(id: parent.id, by: test.counter))
        XCTAssertTrue(try ChainVerifier.verify(test.store).isSound)
    }
}
