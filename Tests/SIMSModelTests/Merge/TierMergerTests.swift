import Foundation
import GRDB
import XCTest
@testable import SIMSModel

/// Merging two records of one person, and undoing it: the better fact of each field current,
/// every fact kept, everything attached moved, the absorbed record a redirect, and both records
/// back as they were after the undo (their RGPD exports compared).
final class TierMergerTests: XCTestCase {
    var test: TestStore!
    var supervisor: Agent!
    var secondSupervisor: Agent!

    override func setUpWithError() throws {
        test = try TestStore(clock: SteppingClock().clock)
        let team = try TestReviewTeam(test)
        supervisor = team.supervisor
        secondSupervisor = team.secondSupervisor
    }

    override func tearDown() { test.remove() }

    private var merger: TierMerger { TierMerger(store: test.store) }

    /// The same mother keyed twice: the first record has her birth date verified on her identity
    /// card and an old phone; the second, keyed later, a new phone and an e-mail.
    private func twoRecords() throws -> (kept: TierSnapshot, other: TierSnapshot) {
        let kept = try test.person("Hélène", "Wamytan", born: "14/03/1985", [.phone: "25 12 34", .commune: "Nouméa", .postalCode: "98800"])
        let card = try DocumentService(store: test.store).register(type: .identityDocument, issuedOn: "2024-03-12",
                                                                    owners: [kept.id], by: test.counter)
        let verified = try FactVerificationService(store: test.store).verify(
            tierID: kept.id, expectedVersion: kept.version, fields: [.birthDate], documentID: card.id, by: test.counter)
        let other = try test.person("Hélène", "Wamytan", born: "15/03/1985", [.phone: "78 12 34", .email: "helene.w@mail.nc"])
        return (verified, other)
    }

    private func export(_ id: Int64) throws -> [String: Any] {
        let json = try TierExporter(store: test.store).export(id: id, by: supervisor)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    private func assertSound(file: StaticString = #filePath, line: UInt = #line) throws {
        let report = try ChainVerifier.verify(test.store)
        XCTAssertTrue(report.isSound, "\(report.rowProblems) \(report.schemaProblems) \(report.firstBreak ?? "")",
                      file: file, line: line)
    }

    func testEachFieldTakesTheBetterFactAndEveryFactStaysWithItsProvenance() throws {
        let (kept, other) = try twoRecords()
        let outcome = try merger.merge(survivorID: kept.id, absorbedID: other.id, by: supervisor, motif: "même CAFAT au dossier")
        XCTAssertEqual(outcome.fieldsTaken, [.email], "a value the survivor lacks; at the same level the survivor's stays")
        let after = try TierService(store: test.store).snapshot(id: kept.id)
        XCTAssertEqual(after.value(.birthDate), "1985-03-14", "the verified birth date beats the newer declared one")
        XCTAssertEqual(after.current[.birthDate]?.level, .checkedAgainstDocument)
        XCTAssertEqual(after.value(.phone), "251234", "the survivor's phone stays, though the other one is newer")
        XCTAssertEqual(after.value(.email), "helene.w@mail.nc")
        XCTAssertEqual(after.value(.commune), "Nouméa", "a field only the survivor has stays")
        XCTAssertEqual(Set(after.history(of: .phone).map(\.value)), ["781234", "251234"])
        XCTAssertEqual(after.history(of: .birthDate).map(\.value), ["1985-03-14", "1985-03-14", "1985-03-15"],
                       "every fact of both records stays in the history")
        let absorbedPhone = try XCTUnwrap(after.history(of: .phone).first { $0.value == "781234" })
        XCTAssertEqual(absorbedPhone.agentLogin, "accueil1")
        XCTAssertEqual(absorbedPhone.recordedAt, other.current[.phone]?.recordedAt, "provenance kept")
        XCTAssertEqual(after.version, kept.version + 1)
        XCTAssertTrue(outcome.message.hasPrefix("Fiche n° \(other.id) fusionnée dans n° \(kept.id) (WAMYTAN Hélène) : 1 valeur reprise (Courriel). Son historique"),
                      outcome.message)
        try assertSound()
    }

    /// ROUSSEL Jérôme, keyed at the counter, and « Rousel Jerome » imported later: the record kept
    /// keeps its spelling; a value it lacks comes from the other, a better verified one wins.
    func testAtTheSameLevelTheSurvivorsSpellingStaysWhicheverIsNewer() throws {
        let roussel = try test.person("Jérôme", "Roussel", born: "02/07/1979", [.phone: "27 33 66"])
        let imported = try test.person("Jerome", "Rousel", born: "02/07/1979", [.email: "j.roussel@mail.nc"])
        let card = try DocumentService(store: test.store).register(type: .identityDocument, issuedOn: "2024-03-12",
                                                                    owners: [imported.id], by: test.counter)
        try FactVerificationService(store: test.store).verify(tierID: imported.id, expectedVersion: imported.version,
                                                              fields: [.birthDate], documentID: card.id, by: test.counter)
        let survivor = try TierService(store: test.store).snapshot(id: roussel.id)
        let absorbed = try TierService(store: test.store).snapshot(id: imported.id)
        XCTAssertEqual(TierMerger.fieldsTaken(survivor: survivor, absorbed: absorbed), [.email, .birthDate], "the preview")
        let outcome = try merger.merge(survivorID: roussel.id, absorbedID: imported.id, by: supervisor, motif: nil)
        XCTAssertEqual(outcome.fieldsTaken, [.email, .birthDate])
        let after = try TierService(store: test.store).snapshot(id: roussel.id)
        XCTAssertEqual(after.value(.birthName), "Roussel")
        XCTAssertEqual(after.value(.givenNames), "Jérôme")
        XCTAssertEqual(after.value(.phone), "273366")
        XCTAssertEqual(after.value(.email), "j.roussel@mail.nc")
        XCTAssertEqual(after.current[.birthDate]?.level, .checkedAgainstDocument, "a higher level still wins")
        try assertSound()
    }

    func testTheAbsorbedRecordRedirectsAndLeavesTheSearch() throws {
        let (kept, other) = try twoRecords()
        try merger.merge(survivorID: kept.id, absorbedID: other.id, by: supervisor, motif: nil)
        let search = TierSearch(store: test.store)
        XCTAssertEqual(try search.search("wamytan helene").map(\.tierID), [kept.id], "one person, one row")
        let byNumber = try search.search("n° \(other.id)")
        XCTAssertEqual(byNumber.map(\.tierID), [kept.id])
        XCTAssertEqual(byNumber.first?.redirect?.notice, "Fiche n° \(other.id) fusionnée le 29/11/2026 dans n° \(kept.id).")
        XCTAssertEqual(try search.search("n°\(kept.id)").first?.redirect, nil)
        XCTAssertEqual(try search.search("helene.w@mail.nc").map(\.tierID), [kept.id], "the e-mail it brought finds the survivor")
        let exported = try export(other.id)
        XCTAssertEqual((exported["tiers"] as? [String: Any])?["id"] as? Int64, kept.id)
        XCTAssertEqual((exported["redirection"] as? [String: Any])?["dans"] as? Int64, kept.id)
        let intake = try DossierService(store: test.store).start(TestProcedures.schoolGrant, applicantID: other.id, by: test.counter)
        XCTAssertEqual(intake.applicant.id, kept.id, "a dossier started for the absorbed record is the survivor's")
    }

    func testUndoingPutsBothRecordsBackAsTheirExportsShowed() throws {
        let (kept, other) = try twoRecords()
        let tiers = TierService(store: test.store)
        let child = try test.person("Léa", "Wamytan", born: "02/05/2016")
        try tiers.relate(child.id, kind: .legalRepresentative, to: other.id, by: test.counter)
        try DocumentService(store: test.store).register(type: .proofOfAddress, issuedOn: "2026-10-01", owners: [other.id],
                                                        by: test.counter)
        let grant = try submittedGrant(applicant: other, child: child)
        _ = try tiers.open(id: other.id, by: test.counter)
        let keptBefore = try export(kept.id), otherBefore = try export(other.id)

        try merger.merge(survivorID: kept.id, absorbedID: other.id, by: supervisor, motif: nil)
        XCTAssertEqual(try DossierService(store: test.store).dossier(id: grant).applicantID, kept.id)
        XCTAssertEqual(try tiers.snapshot(id: child.id).relations.map(\.relatedID), [kept.id])
        XCTAssertEqual(try DocumentService(store: test.store).documents(ownedBy: kept.id).count, 2)
        let during = try export(kept.id)
        XCTAssertEqual((during["consultations"] as? [[String: Any]])?.count, 1, "the absorbed record's consultation moved")
        XCTAssertEqual((during["fusions"] as? [[String: Any]])?.first?["fiche_absorbee"] as? Int64, other.id)
        try assertSound()

        let undone = try merger.unmerge(absorbedID: other.id, by: supervisor, motif: "deux sœurs jumelles")
        XCTAssertEqual(undone.message, "Fusion défaite : n° \(other.id) et n° \(kept.id) sont rétablies comme avant la fusion du 29/11/2026.")
        try assertSound()
        var keptAfter = try export(kept.id)
        var keptTier = try XCTUnwrap(keptAfter["tiers"] as? [String: Any])
        XCTAssertEqual(keptTier["version"] as? Int, kept.version + 2, "merged, then undone: a version never goes back")
        keptTier["version"] = kept.version
        keptAfter["tiers"] = keptTier
        try assertSameExport(before: keptBefore, after: keptAfter,
                             newEvents: ["fusion de deux fiches", "export RGPD de fiche", "fusion défaite", "export RGPD de fiche"])
        try assertSameExport(before: otherBefore, after: try export(other.id), newEvents: ["export RGPD de fiche"])
        XCTAssertEqual(try TierSearch(store: test.store).search("helene wamytan").map(\.tierID).sorted(), [kept.id, other.id])
    }

    /// Everything is the same but the events recorded since: the exports themselves and, for the
    /// survivor, the merge and its undoing (the export lists every event of the record).
    private func assertSameExport(before: [String: Any], after: [String: Any], newEvents: [String],
                                  file: StaticString = #filePath, line: UInt = #line) throws {
        var stripped = after, kept = before
        let eventsBefore = try XCTUnwrap(before["evenements"] as? [[String: Any]])
        let eventsAfter = try XCTUnwrap(after["evenements"] as? [[String: Any]])
        stripped["evenements"] = nil
        kept["evenements"] = nil
        XCTAssertEqual(try Self.json(stripped), try Self.json(kept), file: file, line: line)
        XCTAssertEqual(try Self.json(Array(eventsAfter.prefix(eventsBefore.count))), try Self.json(eventsBefore),
                       file: file, line: line)
        XCTAssertEqual(eventsAfter.dropFirst(eventsBefore.count).compactMap { $0["type"] as? String }, newEvents,
                       file: file, line: line)
    }

    private static func json(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    private func submittedGrant(applicant: TierSnapshot, child: TierSnapshot) throws -> Int64 {
        var intake = try DossierService(store: test.store).start(TestProcedures.schoolGrant, applicantID: applicant.id,
                                                                beneficiaryID: child.id, by: test.counter)
        intake.dossier.answers.merge(["etablissement": "École Surleau", "classe": "CM1", "revenus_annuels": "1000000",
                                      "demandeur.adresse": "12 rue de Sébastopol", "demandeur.commune": "Nouméa",
                                      "demandeur.code_postal": "98800", "beneficiaire.sexe": "F"]) { $1 }
        return try DossierService(store: test.store).submit(intake.dossier, procedure: TestProcedures.schoolGrant,
                                                            by: test.counter).dossier.id
    }

    func testWhatWasAddedToTheSurvivorSinceTheMergeStaysThereAndTheMessageSaysSo() throws {
        let (kept, other) = try twoRecords()
        try merger.merge(survivorID: kept.id, absorbedID: other.id, by: supervisor, motif: nil)
        let merged = try TierService(store: test.store).snapshot(id: kept.id)
        try TierService(store: test.store).update(id: kept.id, expectedVersion: merged.version,
                                                  changes: [.address: "3 rue Jules Ferry"], by: test.counter)
        let undone = try merger.unmerge(absorbedID: other.id, by: supervisor, motif: nil)
        XCTAssertTrue(undone.message.hasSuffix("; n° \(kept.id) garde ce qui lui a été ajouté depuis (1 modification)."),
                      undone.message)
        let after = try TierService(store: test.store).snapshot(id: kept.id)
        XCTAssertEqual(after.value(.address), "3 rue Jules Ferry")
        XCTAssertEqual(after.value(.phone), "251234", "the absorbed record's phone went back with it")
        XCTAssertNil(after.value(.email))
        XCTAssertEqual(after.version, merged.version + 2, "a new version: an open form sees the change")
        try assertSound()
    }

    /// Agent A opens the merged record's form (version 2); the merge is undone; Lise saves a new
    /// phone; A's save, against version 2, is refused instead of overwriting Lise's phone.
    func testAFormOpenedOnTheMergedRecordIsRefusedAfterTheUndoingAndAColleaguesSave() throws {
        let (kept, other) = try twoRecords()
        try merger.merge(survivorID: kept.id, absorbedID: other.id, by: supervisor, motif: nil)
        let tiers = TierService(store: test.store)
        let openedByA = try tiers.snapshot(id: kept.id)
        try merger.unmerge(absorbedID: other.id, by: supervisor, motif: nil)
        let undone = try tiers.snapshot(id: kept.id)
        XCTAssertGreaterThan(undone.version, openedByA.version, "a version never goes back")
        let saved = try tiers.update(id: kept.id, expectedVersion: undone.version, changes: [.phone: "27 33 66"], by: test.counter)
        XCTAssertGreaterThan(saved.version, undone.version)
        XCTAssertThrowsError(try tiers.update(id: kept.id, expectedVersion: openedByA.version, changes: [.phone: "27 33 55"],
                                              by: test.counter)) { error in
            XCTAssertTrue(error is StaleTierError, "\(error)")
        }
        XCTAssertEqual(try tiers.snapshot(id: kept.id).value(.phone), "273366", "Lise's phone stays")
        try assertSound()
    }

    /// A tier form left in progress on the absorbed record moves to the survivor quoting a version
    /// below the merged one: saved, it is refused as stale; undone, it is back as it was.
    func testAFormInProgressOnTheAbsorbedRecordIsNeverTakenForAnEditOfTheMergedOne() throws {
        let (kept, keyed) = try twoRecords()
        // Two edits: the absorbed record's version is the one the merged record will have.
        let tiers = TierService(store: test.store)
        _ = try tiers.update(id: keyed.id, expectedVersion: keyed.version, changes: [.commune: "Dumbéa"], by: test.counter)
        let other = try tiers.update(id: keyed.id, expectedVersion: keyed.version + 1, changes: [.postalCode: "98835"], by: test.counter)
        XCTAssertEqual(other.version, kept.version + 1)
        let drafts = DraftStore(store: test.store)
        let draft = try drafts.save(TierDraft(agentID: test.counter.id, kind: .person, tierID: other.id, tierVersion: other.version,
                                              values: [.phone: "79 00 00"]))
        try merger.merge(survivorID: kept.id, absorbedID: other.id, by: supervisor, motif: nil)
        let moved = try XCTUnwrap(drafts.list(agentID: test.counter.id).first { $0.id == draft.id })
        XCTAssertEqual(moved.tierID, kept.id)
        let merged = try tiers.snapshot(id: kept.id)
        XCTAssertEqual(merged.version, other.version, "the same number, another record's version")
        XCTAssertLessThan(try XCTUnwrap(moved.tierVersion), merged.version)
        XCTAssertThrowsError(try tiers.update(id: kept.id, expectedVersion: try XCTUnwrap(moved.tierVersion),
                                                                       changes: [.phone: "79 00 00"], by: test.counter)) {
            XCTAssertTrue($0 is StaleTierError, "\($0)")
        }
        try merger.unmerge(absorbedID: other.id, by: supervisor, motif: nil)
        let back = try XCTUnwrap(drafts.list(agentID: test.counter.id).first { $0.id == draft.id })
        XCTAssertEqual(back.tierID, other.id)
        XCTAssertEqual(back.tierVersion, other.version)
    }

    func testARelationBetweenTheTwoAndAPieceOfBothComeBackAsTheyWere() throws {
        let (kept, other) = try twoRecords()
        let tiers = TierService(store: test.store)
        try tiers.relate(other.id, kind: .parent, to: kept.id, by: test.counter)   // keyed wrongly as her own mother
        let shared = try DocumentService(store: test.store).register(type: .familyRecordBook, issuedOn: "2020-01-01",
                                                                      owners: [kept.id, other.id], by: test.counter)
        let before = try test.store.sqlitePool.read { db in
            // As they were, each with a salt of its own (a row put back is written anew).
            try Row.fetchAll(db, sql: "SELECT tier_id, kind, related_id, created_at, event_id FROM relation ORDER BY tier_id, kind, related_id")
                + Row.fetchAll(db, sql: "SELECT tier_id, document_id FROM document_owner ORDER BY tier_id, document_id")
        }
        try merger.merge(survivorID: kept.id, absorbedID: other.id, by: supervisor, motif: nil)
        XCTAssertEqual(try tiers.snapshot(id: kept.id).relations, [], "no relation of a person to herself")
        XCTAssertEqual(try DocumentService(store: test.store).documents(ownedBy: kept.id).map(\.id).filter { $0 == shared.id }, [shared.id])
        try merger.unmerge(absorbedID: other.id, by: supervisor, motif: nil)
        let after = try test.store.sqlitePool.read { db in
            // As they were, each with a salt of its own (a row put back is written anew).
            try Row.fetchAll(db, sql: "SELECT tier_id, kind, related_id, created_at, event_id FROM relation ORDER BY tier_id, kind, related_id")
                + Row.fetchAll(db, sql: "SELECT tier_id, document_id FROM document_owner ORDER BY tier_id, document_id")
        }
        XCTAssertEqual(after, before)
        try assertSound()
    }

    /// The summary, the dashboard's « Qualité du registre » and the trainer's sample count one
    /// person once: the absorbed record and its fact records (copied to the survivor) leave
    /// them with the merge and come back with its undoing.
    func testTheRegisterFiguresCountAnAbsorbedRecordNoMore() throws {
        let (kept, other) = try twoRecords()
        let quality = { try RegisterQuality.read(self.test.store, today: self.test.store.clock.today()) }
        let before = try quality()
        XCTAssertEqual(try test.store.summary().persons, 2)
        XCTAssertEqual(before.personCount, 2)
        try merger.merge(survivorID: kept.id, absorbedID: other.id, by: supervisor, motif: nil)
        XCTAssertEqual(try test.store.summary().persons, 1)
        let merged = try quality()
        XCTAssertEqual(merged.personCount, 1)
        let survivorRecords = try test.store.sqlitePool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM fact_record WHERE tier_id = ?", arguments: [kept.id]) ?? 0
        }
        XCTAssertEqual(merged.factRecords.values.reduce(0, +), survivorRecords,
                       "the absorbed record's facts are counted once, as the survivor's copies")
        XCTAssertThrowsError(try MatchTrainer(store: test.store).train(by: supervisor),
                             "one person left: nothing to pair") { error in
            XCTAssertEqual((error as? ValidationError)?.message,
                           "Trop peu de personnes dans le registre pour estimer les paramètres (au moins 2).")
        }
        try merger.unmerge(absorbedID: other.id, by: supervisor, motif: nil)
        XCTAssertEqual(try test.store.summary().persons, 2)
        XCTAssertEqual(try quality().personCount, 2)
        XCTAssertEqual(try quality().factRecords, before.factRecords)
    }

    func testAnEditOfTheSurvivorFromBeforeTheMergeIsToldOfIt() throws {
        let kept = try test.person("Hélène", "Wamytan", born: "14/03/1985", [.phone: "25 12 34"])
        let other = try test.person("Hélène", "Wamytan", born: "14/03/1985")
        try merger.merge(survivorID: kept.id, absorbedID: other.id, by: supervisor, motif: nil)
        XCTAssertThrowsError(try TierService(store: test.store).update(id: kept.id, expectedVersion: kept.version,
                                                                      changes: [.phone: "79 00 00"], by: test.counter)) { error in
            XCTAssertEqual("\(error)".split(separator: "\n").dropFirst().first,
                           "Entre-temps, une fusion avec une autre fiche a été faite ou défaite sur celle-ci.")
        }
    }

    func testAnOpenBrouillonOfTheAbsorbedRecordIsSubmittedForTheSurvivor() throws {
        let (kept, other) = try twoRecords()
        let child = try test.person("Léa", "Wamytan", born: "02/05/2016")
        var intake = try DossierService(store: test.store).start(TestProcedures.schoolGrant, applicantID: other.id,
                                                                beneficiaryID: child.id, by: test.counter)
        try merger.merge(survivorID: kept.id, absorbedID: other.id, by: supervisor, motif: nil)
        intake.dossier.answers.merge(["etablissement": "École Surleau", "classe": "CM1", "revenus_annuels": "1000000",
                                      "demandeur.adresse": "12 rue de Sébastopol", "demandeur.commune": "Nouméa",
                                      "demandeur.code_postal": "98800", "beneficiaire.sexe": "F"]) { $1 }
        // The form still holds the absorbed record's birth date: the survivor's is verified, so the
        // agent is asked, as for any verified fact; keyed again as on the card, the dossier goes.
        XCTAssertThrowsError(try DossierService(store: test.store).submit(intake.dossier, procedure: TestProcedures.schoolGrant,
                                                                          by: test.counter)) { error in
            XCTAssertEqual((error as? VerifiedFactChange)?.facts.map(\.field), [.birthDate])
        }
        intake.dossier.answers["demandeur.date_naissance"] = "14/03/1985"
        let submitted = try DossierService(store: test.store).submit(intake.dossier, procedure: TestProcedures.schoolGrant,
                                                                     by: test.counter)
        XCTAssertEqual(submitted.dossier.applicantID, kept.id)
        XCTAssertEqual(try TierService(store: test.store).snapshot(id: kept.id).value(.address), "12 rue de Sébastopol")
        XCTAssertNil(try TierService(store: test.store).snapshot(id: other.id).value(.address), "nothing written on the absorbed record")
        try assertSound()
    }

    func testACounterAgentSavingAnEditOfARecordAbsorbedMeanwhileIsRefused() throws {
        let (kept, other) = try twoRecords()
        try merger.merge(survivorID: kept.id, absorbedID: other.id, by: supervisor, motif: nil)
        XCTAssertThrowsError(try TierService(store: test.store).update(id: other.id, expectedVersion: other.version,
                                                                      changes: [.phone: "79 00 00"], by: test.counter)) { error in
            XCTAssertTrue("\(error)".hasPrefix("Fiche fusionnée dans n° \(kept.id) le 29/11/2026 : rien n'a été enregistré"), "\(error)")
        }
        XCTAssertEqual(try TierService(store: test.store).snapshot(id: other.id).value(.phone), "781234")
    }

    func testRefusals() throws {
        let (kept, other) = try twoRecords()
        let company = try TierService(store: test.store).create(
            kind: .organisation, values: [.companyName: "Wamytan Transports", .ridet: "1234567.001"], by: test.counter)
        func refusal(_ body: () throws -> Any) -> String {
            do { _ = try body(); return "accepted" } catch { return "\(error)" }
        }
        XCTAssertEqual(refusal { try self.merger.merge(survivorID: kept.id, absorbedID: kept.id, by: self.supervisor, motif: nil) },
                       "Une fiche ne peut pas être fusionnée avec elle-même (n° \(kept.id)) : donnez deux numéros différents.")
        XCTAssertEqual(refusal { try self.merger.merge(survivorID: kept.id, absorbedID: company.id, by: self.supervisor, motif: nil) },
                       "n° \(kept.id) est une personne et n° \(company.id) une organisation : "
                        + "seules deux fiches de même nature se fusionnent.")
        XCTAssertThrowsError(try merger.merge(survivorID: kept.id, absorbedID: other.id, by: test.counter, motif: nil))
        XCTAssertEqual(refusal { try self.merger.unmerge(absorbedID: other.id, by: self.supervisor, motif: nil) },
                       "La fiche n° \(other.id) n'a été fusionnée avec aucune autre : rien à défaire.")

        try merger.merge(survivorID: kept.id, absorbedID: other.id, by: supervisor, motif: nil)
        // The second superviseur, deciding the same pair, is told what the first did.
        XCTAssertEqual(refusal { try self.merger.merge(survivorID: kept.id, absorbedID: other.id, by: self.secondSupervisor, motif: nil) },
                       "La fiche n° \(other.id) a déjà été fusionnée dans n° \(kept.id) le 29/11/2026 par sup1 : rien à faire.")
        XCTAssertEqual(refusal { try self.merger.merge(survivorID: other.id, absorbedID: kept.id, by: self.secondSupervisor, motif: nil) },
                       "La fiche n° \(other.id) a déjà été fusionnée dans n° \(kept.id) le 29/11/2026 par sup1 : rien à faire.")
        let third = try test.person("Hélène", "Wamytan", born: "14/03/1985")
        XCTAssertEqual(refusal { try self.merger.merge(survivorID: third.id, absorbedID: other.id, by: self.supervisor, motif: nil) },
                       "La fiche n° \(other.id) a été fusionnée dans n° \(kept.id) le 29/11/2026 par sup1 : "
                        + "fusionnez plutôt n° \(kept.id) avec n° \(third.id).")
        XCTAssertEqual(refusal { try self.merger.merge(survivorID: third.id, absorbedID: kept.id, by: self.supervisor, motif: nil) },
                       "n° \(kept.id) a déjà absorbé n° \(other.id) : gardez plutôt n° \(kept.id) (--garder \(kept.id)), "
                        + "ou défaites d'abord cette fusion-là.")
        XCTAssertEqual(refusal { try self.merger.merge(survivorID: kept.id, absorbedID: third.id, by: self.supervisor,
                                                       motif: String(repeating: "x", count: 201)) },
                       "Motif : au plus 200 caractères, sur une seule ligne ; rien n'a été fusionné.")
        try merger.unmerge(absorbedID: kept.id, by: supervisor, motif: nil)   // the survivor's number names its only merge
        XCTAssertEqual(refusal { try self.merger.unmerge(absorbedID: other.id, by: self.secondSupervisor, motif: nil) },
                       "La fusion de la fiche n° \(other.id) a déjà été défaite le 29/11/2026 : rien à faire.")
        try assertSound()
    }

    func testTwoSuperviseursMergingTheSamePairAtOnceOneWinsTheOtherIsTold() throws {
        let (kept, other) = try twoRecords()
        let second = try SIMSStore.open(path: test.path)
        let box = ResultsBox([nil, nil])
        let stores = [test.store, second], agents = [supervisor!, secondSupervisor!]
        let pairs = [(kept.id, other.id), (other.id, kept.id)]
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            box.set(index, Result { try TierMerger(store: stores[index]).merge(survivorID: pairs[index].0, absorbedID: pairs[index].1,
                                                                               by: agents[index], motif: nil) })
        }
        let outcomes = box.results.compactMap { try? $0?.get() }
        XCTAssertEqual(outcomes.count, 1)
        let refusals = box.results.compactMap { result -> String? in
            if case .failure(let error) = result { return "\(error)" } else { return nil }
        }
        XCTAssertEqual(refusals.count, 1)
        XCTAssertTrue(refusals[0].contains("a déjà été fusionnée dans n°"), refusals[0])
        XCTAssertEqual(try test.store.sqlitePool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM tier_merge") }, 1)
        try assertSound()
    }

    func testTheProposedSurvivorHasMoreVerifiedFactsElseIsTheOlder() throws {
        let (kept, other) = try twoRecords()
        XCTAssertEqual(try merger.proposedSurvivor(other.id, kept.id), kept.id, "the verified one")
        let third = try test.person("Hélène", "Wamytan", born: "14/03/1985")
        XCTAssertEqual(try merger.proposedSurvivor(third.id, other.id), other.id, "the older one")
    }
}

/// The results of concurrent attempts, one slot each.
private final class ResultsBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var results: [Result<TierMergeOutcome, Error>?]

    init(_ results: [Result<TierMergeOutcome, Error>?]) { self.results = results }

    func set(_ index: Int, _ result: Result<TierMergeOutcome, Error>) {
        lock.lock()
        results[index] = result
        lock.unlock()
    }
}
