import GRDB
import XCTest
@testable import SIMSModel

/// Intake: prefill from the tiers, brouillons, submission with write-back and its events.
final class DossierIntakeTests: XCTestCase {
    var test: TestStore!
    var family: TestFamily!
    var dossiers: DossierService { DossierService(store: test.store) }

    override func setUpWithError() throws {
        test = try TestStore()
        family = try TestFamily(test)
    }

    override func tearDown() { test.remove() }

    /// Fills the answers a first application needs beyond what the tiers hold.
    func completed(_ intake: Intake) -> Dossier {
        var dossier = intake.dossier
        dossier.answers["etablissement"] = "École Frédéric Surleau"
        dossier.answers["classe"] = "cm1"
        dossier.answers["revenus_annuels"] = "1 850 000"
        return dossier
    }

    func testBestFactPrefersTheHigherLevelThenTheNewer() throws {
        let tiers = TierService(store: test.store)
        var parent = try tiers.update(id: family.parent.id, expectedVersion: family.parent.version, changes: [.phone: "77 11 22"],
                                      by: test.counter)
        let supervisor = try AgentService(store: test.store).add(login: "sup1", fullName: "Anne Superviseure",
                                                                 roles: [.supervisor], services: [], by: test.admin)
        parent = try FactVerificationService(store: test.store).validate(
            tierID: parent.id, expectedVersion: parent.version, fields: [.phone], motif: "Rappelée à ce numéro", by: supervisor)
        parent = try tiers.update(id: parent.id, expectedVersion: parent.version, changes: [.phone: "78 99 00"],
                                  confirmingVerifiedChanges: true, by: test.counter)
        XCTAssertEqual(parent.value(.phone), "789900", "the newest fact is the current value")
        let best = try XCTUnwrap(IntakePrefill.bestFact(.phone, in: parent))
        XCTAssertEqual(best.value, "771122", "a validated fact is preferred to a newer declared one")
        XCTAssertEqual(best.level, .validated)
        XCTAssertEqual(IntakePrefill.bestFact(.email, in: parent)?.value, "helene.wamytan@example.nc")
        parent = try tiers.update(id: parent.id, expectedVersion: parent.version, changes: [.email: nil], by: test.counter)
        XCTAssertNil(IntakePrefill.bestFact(.email, in: parent), "an erased field prefills nothing")
    }

    func testStartFillsEveryBoundFieldAndKeepsABrouillon() throws {
        let intake = try dossiers.start(TestProcedures.schoolGrant, applicantID: family.parent.id,
                                        beneficiaryID: family.child.id, by: test.counter)
        XCTAssertEqual(intake.dossier.state, .draft)
        XCTAssertNil(intake.dossier.number, "a brouillon has no number yet")
        XCTAssertEqual(intake.prefill["demandeur.telephone"]?.text, "25.12.34")
        XCTAssertEqual(intake.prefill["demandeur.date_naissance"]?.text, "14/03/1985")
        XCTAssertEqual(intake.prefill["beneficiaire.prenoms"]?.text, "Léa")
        XCTAssertEqual(intake.prefill["demandeur.telephone"]?.origin.mark, "déclaré")
        XCTAssertNil(intake.prefill["etablissement"], "a first application has nothing to take local answers from")
        XCTAssertEqual(intake.dossier.answers["demandeur.commune"], "Nouméa")
        let drafts = try dossiers.drafts(agentID: test.counter.id)
        XCTAssertEqual(drafts.map(\.summary), ["BS · WAMYTAN Hélène (pour WAMYTAN Léa)"])
        XCTAssertTrue(try dossiers.drafts(agentID: test.admin.id).isEmpty, "brouillons are the agent's own")

        var typed = intake.dossier
        typed.answers["etablissement"] = "École Frédéric Surl"
        typed.focus = "etablissement"
        try dossiers.save(typed)
        let back = try dossiers.resume(dossierID: typed.id, procedures: [TestProcedures.schoolGrant])
        XCTAssertEqual(back.dossier.answers["etablissement"], "École Frédéric Surl")
        XCTAssertEqual(back.dossier.focus, "etablissement")
        XCTAssertEqual(back.prefill["demandeur.telephone"]?.text, "25.12.34")
    }

    func testAbandonDeletesTheBrouillonAndRecordsIt() throws {
        let intake = try dossiers.start(TestProcedures.schoolGrant, applicantID: family.parent.id,
                                        beneficiaryID: family.child.id, by: test.counter)
        try dossiers.abandon(dossierID: intake.dossier.id, by: test.counter)
        XCTAssertTrue(try dossiers.drafts(agentID: test.counter.id).isEmpty)
        let kinds = try test.store.sqlitePool.read { db in
            try String.fetchAll(db, sql: "SELECT kind FROM event WHERE dossier_id = ? ORDER BY id", arguments: [intake.dossier.id])
        }
        XCTAssertEqual(kinds, ["dossier.start", "dossier.abandon"])
        XCTAssertThrowsError(try dossiers.save(intake.dossier)) { error in
            XCTAssertTrue("\(error)".contains("n'existe plus"), "\(error)")
        }
    }

    /// The leak seen at the counter: a piece scanned into A's abandoned brouillon, then B's new
    /// dossier listed it and A's history, because the deleted row's id was handed out again.
    func testANewDossierNeverInheritsAnAbandonedBrouillonsPiecesOrHistory() throws {
        let other = try test.person("Jean", "Kaudre", born: "01/02/1980")
        let abandoned = try dossiers.start(TestProcedures.schoolGrant, applicantID: family.parent.id,
                                           beneficiaryID: family.child.id, by: test.counter)
        let file = URL(fileURLWithPath: test.directory + "/domicile.pdf")
        try Data("%PDF-1.4 justificatif de domicile de la famille A".utf8).write(to: file)
        let scanned = try DocumentService(store: test.store).attach(
            fileAt: file, type: .proofOfAddress, issuedOn: "2026-10-01", owners: [family.parent.id],
            dossierID: abandoned.dossier.id, pieceKey: "justificatif_domicile", by: test.counter)
        try dossiers.abandon(dossierID: abandoned.dossier.id, by: test.counter)

        let next = try dossiers.start(TestProcedures.schoolGrant, applicantID: other.id, beneficiaryID: nil, by: test.counter)
        XCTAssertGreaterThan(next.dossier.id, abandoned.dossier.id, "an id is never handed out twice")
        XCTAssertTrue(try DocumentService(store: test.store).documents(ofDossier: next.dossier.id).isEmpty)
        XCTAssertEqual(try DocumentService(store: test.store).documents(ownedBy: family.parent.id).map(\.id),
                       [scanned.document.id], "the scan stays on its owner's file")
        let kinds = try test.store.sqlitePool.read { db in
            try String.fetchAll(db, sql: "SELECT kind FROM event WHERE dossier_id = ? ORDER BY id", arguments: [next.dossier.id])
        }
        XCTAssertEqual(kinds, ["dossier.start"])
        XCTAssertTrue(try ChainVerifier.verify(test.store).isSound)
    }

    func testSubmitWritesTheDossierTheChangedFactsAndTheEventsTogether() throws {
        let intake = try dossiers.start(TestProcedures.schoolGrant, applicantID: family.parent.id,
                                        beneficiaryID: family.child.id, by: test.counter)
        var dossier = completed(intake)
        dossier.answers["demandeur.telephone"] = "78 45 12"
        dossier.answers["demandeur.adresse"] = "4 rue Jules Garnier"
        let submitted = try dossiers.submit(dossier, procedure: TestProcedures.schoolGrant, by: test.counter)

        XCTAssertEqual(submitted.dossier.state, .submitted)
        XCTAssertEqual(submitted.dossier.number, "BS-2026-000001")
        let code = try XCTUnwrap(submitted.dossier.trackingCode)
        XCTAssertNotNil(code.wholeMatch(of: /[A-Z0-9]{3}-[A-Z0-9]{3}/), code)
        XCTAssertEqual(submitted.dossier.dueOn, "2027-01-13", "29/11/2026 + 45 days")
        XCTAssertEqual(submitted.dossier.answers["classe"], "CM1", "answers are kept in their checked form")
        XCTAssertEqual(submitted.dossier.answers["revenus_annuels"], "1850000")

        let parent = try TierService(store: test.store).snapshot(id: family.parent.id)
        XCTAssertEqual(parent.value(.phone), "784512")
        XCTAssertEqual(parent.value(.address), "4 rue Jules Garnier")
        let phone = try XCTUnwrap(parent.current[.phone])
        XCTAssertEqual(phone.source, .dossier)
        XCTAssertEqual(phone.reference, "BS-2026-000001")
        XCTAssertEqual(parent.history(of: .phone).map(\.value), ["784512", "251234"], "the old phone stays in the history")
        XCTAssertEqual(parent.current[.email]?.source, .counter, "unchanged answers are not written again")
        let child = try TierService(store: test.store).snapshot(id: family.child.id)
        XCTAssertEqual(child.version, family.child.version, "the child's record did not change")

        let events = try test.store.sqlitePool.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, tier_id FROM event WHERE dossier_id = ? ORDER BY id",
                             arguments: [dossier.id]).map { "\($0["kind"] as String) \($0["tier_id"] as Int64)" }
        }
        XCTAssertEqual(events, ["dossier.start \(family.parent.id)", "tier.update \(family.parent.id)",
                                "dossier.submit \(family.parent.id)"])
        XCTAssertNil(try ChainVerifier.verify(test.store).firstBreak)
        XCTAssertTrue(try dossiers.drafts(agentID: test.counter.id).isEmpty, "a submitted dossier is no longer a brouillon")
        XCTAssertThrowsError(try dossiers.submit(dossier, procedure: TestProcedures.schoolGrant, by: test.counter),
                             "a dossier is submitted once")

        let second = try dossiers.start(TestProcedures.schoolGrant, applicantID: family.parent.id,
                                        beneficiaryID: family.child.id, by: test.counter)
        let next = try dossiers.submit(completed(second), procedure: TestProcedures.schoolGrant, by: test.counter)
        XCTAssertEqual(next.dossier.number, "BS-2026-000002")
        XCTAssertNotEqual(next.dossier.trackingCode, code)
    }

    func testAChangedDossierIDBreaksTheChain() throws {
        let intake = try dossiers.start(TestProcedures.schoolGrant, applicantID: family.parent.id,
                                        beneficiaryID: family.child.id, by: test.counter)
        try dossiers.submit(completed(intake), procedure: TestProcedures.schoolGrant, by: test.counter)
        try test.store.sqlitePool.write { db in
            try db.execute(sql: "UPDATE event SET dossier_id = 999 WHERE kind = 'dossier.submit'")
        }
        let report = try ChainVerifier.verify(test.store)
        XCTAssertTrue(report.firstBreak?.contains("dépôt d'un dossier") == true, report.firstBreak ?? "no break found")
    }

    func testInvalidAnswersAreAllNamedAndNothingIsWritten() throws {
        let intake = try dossiers.start(TestProcedures.schoolGrant, applicantID: family.parent.id,
                                        beneficiaryID: family.child.id, by: test.counter)
        var dossier = completed(intake)
        dossier.answers["demandeur.telephone"] = "12"
        dossier.answers["classe"] = "CM3"
        dossier.answers["etablissement"] = ""
        dossier.answers["demandeur.code_postal"] = "98835"
        XCTAssertThrowsError(try dossiers.submit(dossier, procedure: TestProcedures.schoolGrant, by: test.counter)) { error in
            let failed = error as! DossierValidationFailed
            XCTAssertEqual(failed.errors.map(\.key), ["demandeur.telephone", "etablissement", "classe", "demandeur.code_postal"])
            XCTAssertEqual(failed.errors[1].message, "Établissement scolaire : champ obligatoire.")
            XCTAssertTrue(failed.errors[2].message.hasPrefix("Classe : « CM3 » ne fait pas partie des choix : CP, CE1"),
                          failed.errors[2].message)
            XCTAssertTrue(failed.errors[3].message.contains("98835"), failed.errors[3].message)
        }
        let parent = try TierService(store: test.store).snapshot(id: family.parent.id)
        XCTAssertEqual(parent.version, family.parent.version)
        XCTAssertEqual(try dossiers.dossier(id: dossier.id).state, .draft)
        let numbers = try test.store.sqlitePool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM dossier_number") }
        XCTAssertEqual(numbers, 0, "no number is used up by a refused submission")
    }

    func testChangingAVerifiedFactNeedsConfirmationAndKeepsTheOldOne() throws {
        let tiers = TierService(store: test.store)
        let moved = try tiers.update(id: family.parent.id, expectedVersion: family.parent.version,
                                     changes: [.address: "3 rue Higginson"], by: test.counter)
        let proof = try DocumentService(store: test.store).register(type: .proofOfAddress, issuedOn: "2026-11-02",
                                                                    owners: [moved.id], by: test.counter)
        let checked = try FactVerificationService(store: test.store).verify(
            tierID: moved.id, expectedVersion: moved.version, fields: [.address], documentID: proof.id, by: test.counter)
        let intake = try dossiers.start(TestProcedures.schoolGrant, applicantID: family.parent.id,
                                        beneficiaryID: family.child.id, by: test.counter)
        XCTAssertEqual(intake.prefill["demandeur.adresse"]?.origin.mark, "vérifié")
        var dossier = completed(intake)
        dossier.answers["demandeur.adresse"] = "8 avenue Foch"
        XCTAssertThrowsError(try dossiers.submit(dossier, procedure: TestProcedures.schoolGrant, by: test.counter)) { error in
            let change = error as! VerifiedFactChange
            XCTAssertEqual(change.facts.map(\.field), [.address])
        }
        XCTAssertEqual(try tiers.snapshot(id: family.parent.id).version, checked.version, "nothing written before confirmation")
        XCTAssertEqual(try dossiers.dossier(id: dossier.id).state, .draft)

        try dossiers.submit(dossier, procedure: TestProcedures.schoolGrant, confirmingVerifiedChanges: true, by: test.counter)
        let after = try tiers.snapshot(id: family.parent.id)
        XCTAssertEqual(after.value(.address), "8 avenue Foch")
        XCTAssertEqual(after.history(of: .address).map(\.value),
                       ["8 avenue Foch", "3 rue Higginson", "3 rue Higginson", "12 rue de Sébastopol"], "declared, then verified")
        XCTAssertEqual(after.history(of: .address)[1].level, .checkedAgainstDocument)
    }

    func testAColleaguesChangeToTheSameFieldIsNeverOverwritten() throws {
        let intake = try dossiers.start(TestProcedures.schoolGrant, applicantID: family.parent.id,
                                        beneficiaryID: family.child.id, by: test.counter)
        let tiers = TierService(store: test.store)
        let other = try AgentService(store: test.store).add(login: "accueil2", fullName: "Paul Néaoutyine",
                                                            roles: [.reception], services: ["DPASS"], by: test.admin)
        let colleague = try tiers.update(id: family.parent.id, expectedVersion: family.parent.version,
                                         changes: [.phone: "79 00 11"], by: other)
        var dossier = completed(intake)
        dossier.answers["demandeur.telephone"] = "78 45 12"
        XCTAssertThrowsError(try dossiers.submit(dossier, procedure: TestProcedures.schoolGrant, by: test.counter)) { error in
            XCTAssertTrue(error is StaleTierError, "\(error)")
            XCTAssertTrue("\(error)".contains("Téléphone"), "\(error)")
        }
        XCTAssertEqual(try tiers.snapshot(id: family.parent.id).value(.phone), "790011")

        // A change to another field meanwhile does not block the dossier.
        try tiers.update(id: colleague.id, expectedVersion: colleague.version, changes: [.email: "h.w@example.nc"], by: other)
        dossier.answers["demandeur.telephone"] = "79 00 11"
        dossier.answers["demandeur.courriel"] = "h.w@example.nc"
        let submitted = try dossiers.submit(dossier, procedure: TestProcedures.schoolGrant, by: test.counter)
        XCTAssertEqual(submitted.dossier.state, .submitted)
    }

    func testANewBeneficiaryIsCreatedAndLinkedToTheApplicant() throws {
        let intake = try dossiers.start(TestProcedures.schoolGrant, applicantID: family.parent.id, by: test.counter)
        XCTAssertTrue(intake.hasNewBeneficiary)
        XCTAssertNil(intake.prefill["beneficiaire.prenoms"])
        var dossier = completed(intake)
        dossier.answers["beneficiaire.nom_naissance"] = "Wamytan"
        dossier.answers["beneficiaire.prenoms"] = "Tom"
        dossier.answers["beneficiaire.date_naissance"] = "11/09/2019"
        dossier.answers["beneficiaire.sexe"] = "M"
        let submitted = try dossiers.submit(dossier, procedure: TestProcedures.schoolGrant, by: test.counter)
        let childID = try XCTUnwrap(submitted.dossier.beneficiaryID)
        let child = try TierService(store: test.store).snapshot(id: childID)
        XCTAssertEqual(child.displayName, "WAMYTAN Tom")
        XCTAssertEqual(child.current[.birthDate]?.reference, submitted.dossier.number)
        XCTAssertEqual(child.relations.map(\.relatedID), [family.parent.id])
        XCTAssertEqual(submitted.receipt.beneficiaryName, "WAMYTAN Tom")
    }

    func testARenewalStartsFromThePreviousDossiersAnswers() throws {
        let first = try dossiers.start(TestProcedures.schoolGrant, applicantID: family.parent.id,
                                       beneficiaryID: family.child.id, by: test.counter)
        var answers = completed(first)
        answers.answers["internat"] = "o"
        let previous = try dossiers.submit(answers, procedure: TestProcedures.schoolGrant, by: test.counter)

        let renewal = try dossiers.start(TestProcedures.renewal, applicantID: family.parent.id,
                                         beneficiaryID: family.child.id, by: test.counter)
        XCTAssertEqual(renewal.previous?.number, previous.dossier.number)
        XCTAssertEqual(renewal.prefill["classe"], PrefilledAnswer(text: "CM1", origin: .previousDossier("BS-2026-000001")))
        XCTAssertEqual(renewal.prefill["revenus_annuels"]?.text, "1 850 000 F")
        XCTAssertEqual(renewal.prefill["internat"]?.text, "oui")
        XCTAssertEqual(renewal.dossier.answers["etablissement"], "École Frédéric Surleau")
        var next = renewal.dossier
        next.answers["classe"] = "CM2"
        let submitted = try dossiers.submit(next, procedure: TestProcedures.renewal, by: test.counter)
        XCTAssertEqual(submitted.dossier.number, "RBS-2026-000001")
        XCTAssertEqual(submitted.dossier.answers["revenus_annuels"], "1850000", "a displayed amount is read back as typed")
        XCTAssertEqual(submitted.dossier.previousID, previous.dossier.id)

        let otherChild = try test.person("Noa", "Wamytan", born: "01/01/2018")
        try TierService(store: test.store).relate(otherChild.id, kind: .parent, to: family.parent.id, by: test.counter)
        let forSibling = try dossiers.start(TestProcedures.renewal, applicantID: family.parent.id,
                                            beneficiaryID: otherChild.id, by: test.counter)
        XCTAssertNil(forSibling.previous, "a renewal is for the same child")
    }
}
