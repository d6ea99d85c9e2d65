import Foundation
import GRDB
import GRDBSQLite
import XCTest
@testable import SIMSModel

/// « Effacement » at a person's request: what no retention keeps goes, in one transaction with
/// its event; what a retention keeps stays and is listed with its date; `check` stays sound and
/// the RGPD export lists the erasure.
final class TierErasureTests: ReviewTeamTestCase {
    private var erasure: TierErasure { TierErasure(store: test.store, retention: ["BS": 10]) }

    /// A person with an address, a phone, a scanned proof of address and a relation to a child.
    private func personWithPiece() throws -> (person: TierSnapshot, child: TierSnapshot, file: URL) {
        let person = try test.person("Hélène", "Wamytan", born: "14/03/1981",
                                     [.address: "3 rue de Sébastopol", .commune: "Nouméa", .postalCode: "98800", .phone: "25 12 34"])
        let child = try test.person("Léa", "Wamytan", born: "02/05/2016")
        try TierService(store: test.store).relate(child.id, kind: .parent, to: person.id, by: test.counter)
        let scan = URL(fileURLWithPath: test.directory + "/facture.pdf")
        try Data("%PDF-1.4 facture EEC".utf8).write(to: scan)
        let attached = try DocumentService(store: test.store).attach(fileAt: scan, type: .proofOfAddress, issuedOn: "2026-11-02",
                                                                     owners: [person.id], by: test.counter)
        let file = try XCTUnwrap(DocumentService(store: test.store).fileURL(of: attached.document))
        return (person, child, file)
    }

    func testAPersonWithoutDossierIsErasedCompletelyAndOnlyTheNumberRemains() throws {
        let (person, child, file) = try personWithPiece()
        XCTAssertTrue(FileManager.default.fileExists(atPath: file.path))
        let plan = try erasure.plan(tierID: person.id, by: supervisor)
        XCTAssertTrue(plan.isComplete)
        XCTAssertEqual(plan.kept, [])
        XCTAssertEqual(plan.erasedLines.first, "7 faits et leur historique (nom de naissance, prénoms, date de naissance, adresse, "
                       + "commune, code postal, téléphone)")
        XCTAssertTrue(plan.erasedLines.contains("1 pièce (fichiers compris)"), "\(plan.erasedLines)")
        XCTAssertTrue(plan.erasedLines.contains("1 lien avec un autre tiers"), "\(plan.erasedLines)")
        XCTAssertEqual(plan.erasedLines.last, "la fiche elle-même : il n'en restera que son numéro")

        let persons = try test.store.summary().persons
        let record = try erasure.erase(tierID: person.id, motif: "Demande écrite du 28/11/2026", by: supervisor)
        XCTAssertTrue(record.complete)
        XCTAssertEqual(try test.store.summary().persons, persons - 1, "an erased record is no longer counted as a person")
        XCTAssertEqual(record.notice, "Fiche n° \(person.id) effacée le 29/11/2026 à la demande de la personne (RGPD).")

        XCTAssertFalse(FileManager.default.fileExists(atPath: file.path), "the scan's file is removed")
        try test.store.sqlitePool.read { db in
            let tier = try XCTUnwrap(Row.fetchOne(db, sql: "SELECT * FROM tier WHERE id = ?", arguments: [person.id]))
            XCTAssertEqual(tier["display_name"] as String, TierErasure.erasedName)
            for column in ["birth_date", "commune", "phone", "email"] { XCTAssertNil(tier[column] as String?, column) }
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM fact_record WHERE tier_id = ?", arguments: [person.id]), 0)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM search_token WHERE tier_id = ?", arguments: [person.id]), 0)
            // « wamytan » still names the child; « helene » named only her and is forgotten, variants too.
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT tiers FROM search_word WHERE word = 'wamytan'"), 1)
            XCTAssertNil(try Int.fetchOne(db, sql: "SELECT tiers FROM search_word WHERE word = 'helene'"))
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM search_word_variant WHERE word = 'helene'"), 0)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM relation WHERE related_id = ?", arguments: [person.id]), 0)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM document"), 0)
            let leftovers = try String.fetchAll(db, sql: """
                SELECT payload FROM event WHERE id IN (SELECT event_id FROM event_erasure) ORDER BY id
                """)
            XCTAssertGreaterThan(leftovers.count, 1)
            XCTAssertTrue(leftovers.allSatisfy(\.isEmpty))
            let texts = try String.fetchAll(db, sql: "SELECT payload FROM event WHERE tier_id = ? OR tier_id IS NULL", arguments: [person.id])
            XCTAssertFalse(texts.contains { $0.contains("Sébastopol") || $0.contains("25 12 34") }, "no event still holds the address or phone")
        }
        // The child keeps its record, without the link.
        XCTAssertEqual(try TierService(store: test.store).snapshot(id: child.id).displayName, "WAMYTAN Léa")
        XCTAssertFalse(try TierSearch(store: test.store).search("Hélène Wamytan").contains { $0.tierID == person.id })

        // Opening or changing the record is refused with the notice; a second erasure too.
        XCTAssertThrowsError(try TierService(store: test.store).open(id: person.id, by: test.counter)) { error in
            XCTAssertEqual("\(error)", "Fiche n° \(person.id) effacée le 29/11/2026 à la demande de la personne (RGPD). "
                           + "Il n'en reste que son numéro : rien à consulter ni à modifier.")
        }
        XCTAssertThrowsError(try erasure.erase(tierID: person.id, motif: "encore", by: supervisor)) { error in
            XCTAssertTrue("\(error)".hasSuffix("Rien d'autre à effacer."), "\(error)")
        }
        let report = try ChainVerifier.verify(test.store)
        XCTAssertTrue(report.isSound, "\(report)")
        XCTAssertEqual(report.erasures.count, 1)

        // The export answers the person: the erasure, with its motif, what went.
        let json = try TierExporter(store: test.store).export(id: person.id, by: supervisor)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let erasures = try XCTUnwrap(object["effacements"] as? [[String: Any]])
        XCTAssertEqual(erasures.count, 1)
        XCTAssertEqual(erasures[0]["motif"] as? String, "Demande écrite du 28/11/2026")
        XCTAssertEqual(erasures[0]["par"] as? String, supervisor.login)
        XCTAssertEqual(erasures[0]["complet"] as? Bool, true)
        XCTAssertEqual((object["historique"] as? [Any])?.count, 0)
        XCTAssertFalse(json.contains("Sébastopol"))
    }

    /// An erasure for inactivity is said to be one wherever the erasure is: the record's notice,
    /// the export, the consultations listing and `check`; the person's request stays the default.
    func testAnErasureForInactivityIsRecordedAndSaidAsInactivity() throws {
        let person = try test.person("Paul", "Ancien", born: "01/02/1950", [.phone: "25 12 34"])
        let record = try erasure.erase(tierID: person.id, motif: "Inactivité depuis le 14/03/2019", ground: .inactivity,
                                       by: supervisor)
        XCTAssertEqual(record.ground, .inactivity)
        XCTAssertEqual(record.notice, "Fiche n° \(person.id) effacée le 29/11/2026 pour inactivité (RGPD).")
        XCTAssertThrowsError(try TierService(store: test.store).open(id: person.id, by: test.counter)) { error in
            XCTAssertTrue("\(error)".hasPrefix("Fiche n° \(person.id) effacée le 29/11/2026 pour inactivité"), "\(error)")
        }
        XCTAssertEqual(try erasure.history(tierID: person.id).map(\.ground), [.inactivity], "read back as stored")
        let json = try TierExporter(store: test.store).export(id: person.id, by: supervisor)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual((object["effacements"] as? [[String: Any]])?.first?["fondement"] as? String, "inactivité")
        XCTAssertFalse(json.contains("à la demande de la personne"), json)
        let listing = try ConsultationLog(store: test.store).listing(tierID: person.id, by: supervisor)
        let text = ConsultationListingText.render(listing).replacingOccurrences(of: "\n", with: " ")
        XCTAssertTrue(text.contains("Données effacées pour inactivité"), text)
        let report = try ChainVerifier.verify(test.store)
        XCTAssertTrue(report.isSound, "\(report)")
        XCTAssertTrue(report.erasures.first?.line.contains("(effacement pour inactivité : "
                                                           + "Inactivité depuis le 14/03/2019)") == true, "\(report.erasures)")

        let other = try test.person("Léa", "Wamytan", born: "02/05/2016")
        XCTAssertEqual(try erasure.erase(tierID: other.id, motif: "Courrier du 28/11/2026", by: supervisor).ground, .request)
        XCTAssertTrue(try ChainVerifier.verify(test.store).erasures.last?.line.contains("(effacement à la demande de la personne : ") == true)
    }

    func testADossierUnderRetentionStaysWithTheIdentityThatNamesThePerson() throws {
        let ids = try test.submittedGrants(2)
        let workflow = WorkflowService(store: test.store)
        try workflow.perform(.claim, on: ids[0], reviewLevels: 1, by: instructor)
        try workflow.perform(.decide(.accepted, motif: "Ressources sous le plafond."), on: ids[0], reviewLevels: 1,
                             retentionYears: 10, by: instructor)
        let parent = try test.store.sqlitePool.read { db in
            try XCTUnwrap(Int64.fetchOne(db, sql: "SELECT applicant_id FROM dossier WHERE id = ?", arguments: [ids[0]]))
        }
        let dossierEvents = try test.store.sqlitePool.read { db in
            try String.fetchAll(db, sql: "SELECT payload FROM event WHERE dossier_id = ? ORDER BY id", arguments: [ids[0]])
        }

        let plan = try erasure.plan(tierID: parent, by: supervisor)
        XCTAssertFalse(plan.isComplete)
        XCTAssertEqual(plan.kept, ["dossier BS-2026-000001 : conservation 10 ans, jusqu'au 29/11/2036",
                                   "identité (nom de naissance, nom d'usage, prénoms, sexe, date de naissance, lieu de naissance) : "
                                   + "les dossiers conservés désignent la personne"])
        XCTAssertEqual(plan.erasedFields, [.address, .commune, .postalCode, .phone])

        let record = try erasure.erase(tierID: parent, motif: "Courriel du 27/11/2026", by: supervisor)
        XCTAssertFalse(record.complete)
        let after = try TierService(store: test.store).snapshot(id: parent)
        XCTAssertEqual(after.displayName, "WAMYTAN Hélène")
        XCTAssertEqual(after.current[.birthDate]?.value, "1980-03-14")
        XCTAssertNil(after.current[.phone]?.value)
        XCTAssertNil(after.current[.address]?.value)
        XCTAssertFalse(after.history.contains { !$0.field.isIdentity }, "the history of the erased fields goes too")
        // The dossier under retention is untouched, its events included.
        try test.store.sqlitePool.read { db in
            XCTAssertEqual(try String.fetchAll(db, sql: "SELECT payload FROM event WHERE dossier_id = ? ORDER BY id", arguments: [ids[0]]),
                           dossierEvents)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM dossier WHERE id = ?", arguments: [ids[0]]), 1)
        }
        // Still open to consultation, with what stays; a second request later erases what is new.
        XCTAssertNoThrow(try TierService(store: test.store).open(id: parent, by: test.counter))
        XCTAssertTrue(try ChainVerifier.verify(test.store).isSound)
        let json = try TierExporter(store: test.store).export(id: parent, by: supervisor)
        XCTAssertTrue(json.contains("conservation 10 ans, jusqu'au 29\\/11\\/2036") || json.contains("conservation 10 ans, jusqu'au 29/11/2036"),
                      json)
    }

    func testASubmittedDossierStaysUntilItsDecisionAndABrouillonGoes() throws {
        let ids = try test.submittedGrants(1)
        let child = try test.store.sqlitePool.read { db in
            try XCTUnwrap(Int64.fetchOne(db, sql: "SELECT beneficiary_id FROM dossier WHERE id = ?", arguments: [ids[0]]))
        }
        let brouillon = try DossierService(store: test.store).start(TestProcedures.schoolGrant, applicantID: child, by: test.counter)
        // The brouillon holds the parent's piece: it stays hers when the child's data is erased.
        let parent = try test.store.sqlitePool.read { db in
            try XCTUnwrap(Int64.fetchOne(db, sql: "SELECT applicant_id FROM dossier WHERE id = ?", arguments: [ids[0]]))
        }
        let scan = URL(fileURLWithPath: test.directory + "/livret.pdf")
        try Data("%PDF-1.4 livret de famille".utf8).write(to: scan)
        let piece = try DocumentService(store: test.store).attach(fileAt: scan, type: .familyRecordBook, owners: [parent],
                                                                  dossierID: brouillon.dossier.id, by: test.counter)
        let plan = try erasure.plan(tierID: child, by: supervisor)
        XCTAssertEqual(plan.kept.first, "dossier BS-2026-000001 : en cours (déposé), conservé jusqu'à sa décision puis 10 ans après la décision")
        XCTAssertEqual(plan.erasedDossiers, ["n° \(brouillon.dossier.id) (brouillon jamais déposé)"])
        try erasure.erase(tierID: child, motif: "Demande du représentant légal", by: supervisor)
        try test.store.sqlitePool.read { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT reason FROM erased_dossier WHERE id = ?", arguments: [brouillon.dossier.id]),
                           "effacement")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM dossier WHERE id = ?", arguments: [ids[0]]), 1)
            XCTAssertEqual(try Int64.fetchAll(db, sql: "SELECT tier_id FROM document_owner WHERE document_id = ?",
                                              arguments: [piece.document.id]), [parent])
        }
        XCTAssertTrue(try ChainVerifier.verify(test.store).isSound)
    }

    func testRefusals() throws {
        let (person, _, _) = try personWithPiece()
        XCTAssertThrowsError(try erasure.erase(tierID: person.id, motif: "Demande", by: instructor)) { error in
            XCTAssertTrue("\(error)".contains("effacer les données d'une personne"), "\(error)")
        }
        XCTAssertThrowsError(try erasure.erase(tierID: person.id, motif: "  ", by: supervisor)) { error in
            XCTAssertEqual("\(error)", "Motif : indiquez le motif de l'effacement (la demande de la personne, sa date).")
        }
        XCTAssertThrowsError(try erasure.plan(tierID: 9_999, by: supervisor))
        let copy = try test.person("Hélène", "Wamytan", born: "14/03/1981")
        try TierMerger(store: test.store).merge(survivorID: person.id, absorbedID: copy.id, by: supervisor, motif: "même personne")
        XCTAssertThrowsError(try erasure.erase(tierID: copy.id, motif: "Demande", by: supervisor)) { error in
            XCTAssertTrue("\(error)".contains("Effacez la fiche n° \(person.id)"), "\(error)")
        }
        XCTAssertThrowsError(try erasure.erase(tierID: person.id, motif: "Demande", by: supervisor)) { error in
            XCTAssertTrue("\(error)".contains("défaites d'abord la fusion"), "\(error)")
        }
        // Nothing was written by the refusals.
        XCTAssertEqual(try erasure.history(tierID: person.id), [])
        XCTAssertTrue(try ChainVerifier.verify(test.store).isSound)
    }

    /// The digest an older event carries of the erased row, and the digest someone guessing the
    /// phone number would compute: without the row's salt, gone with the erasure, they never meet.
    func testAnErasedPhoneCannotBeGuessedFromTheOlderEventsRowDigests() throws {
        let person = try test.person("Hélène", "Wamytan", born: "14/03/1981", [.phone: "25 12 34"])
        let table = try XCTUnwrap(AttestedTable.named("tier"))
        // What a guesser would hash: the row as it was, every value right, but no salt.
        let (salt, saltedLeaf, unsaltedLeaf) = try test.store.sqlitePool.read { db -> (Data, String, String) in
            let statement = try db.makeStatement(sql: table.selectSQL + " WHERE id = \(person.id)")
            let handle = statement.sqliteStatement
            XCTAssertEqual(sqlite3_step(handle), SQLITE_ROW)
            let salted = RowLeaf(table: table, count: table.columns.count) { sqlite3_column_value(handle, Int32($0)) }
            let unsalted = RowLeaf(table: table, count: table.columns.count - 1) { sqlite3_column_value(handle, Int32($0)) }
            sqlite3_reset(handle)
            let salt = try XCTUnwrap(Data.fetchOne(db, sql: "SELECT row_salt FROM tier WHERE id = ?", arguments: [person.id]))
            return (salt, salted.hex, unsalted.hex)
        }
        XCTAssertEqual(salt.count, 16)
        let creation = try test.store.sqlitePool.read { db in
            try XCTUnwrap(String.fetchOne(db, sql: """
                SELECT attestation FROM event WHERE kind = 'tier.create' AND attestation LIKE '%+ tier \(person.id) %'
                """))
        }
        XCTAssertTrue(creation.contains(saltedLeaf), "the event attests the salted row")
        XCTAssertFalse(creation.contains(unsaltedLeaf), "the row's digest is not the digest of its values alone")

        try erasure.erase(tierID: person.id, motif: "Demande écrite du 28/11/2026", by: supervisor)
        try test.store.sqlitePool.read { db in
            for name in AttestedTable.all.map(\.name) {
                let left = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(name) WHERE row_salt = ?", arguments: [salt])
                XCTAssertEqual(left, 0, "the salt of the erased row is gone from \(name)")
            }
            XCTAssertNil(try String.fetchOne(db, sql: "SELECT phone FROM tier WHERE id = ?", arguments: [person.id]))
        }
        XCTAssertTrue(try ChainVerifier.verify(test.store).isSound, "the renewed salt is attested by the erasure")
    }
}
