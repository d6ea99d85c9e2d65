import Foundation
import GRDB
import XCTest
@testable import SIMSModel

/// Each kind of change made behind the application's back (found by trying them with the sqlite3
/// shell) makes `check` fail and names the row; and what the application writes always passes.
final class RowAttestationTests: ReviewTeamTestCase {
    private var dossierID: Int64 = 0
    private var parentID: Int64 = 0
    private var documentID: Int64 = 0
    private var noteID: Int64 = 0

    /// A refused grant with a note and a document: every attested table holds rows.
    override func setUpWithError() throws {
        try super.setUpWithError()
        dossierID = try test.submittedGrants(2)[0]
        let dossier = try DossierService(store: test.store).dossier(id: dossierID)
        parentID = dossier.applicantID
        try TierService(store: test.store).relate(parentID, kind: .legalRepresentative, to: try XCTUnwrap(dossier.beneficiaryID),
                                                  by: test.counter)
        documentID = try DocumentService(store: test.store)
            .register(type: .proofOfAddress, issuedOn: "2026-10-01", owners: [parentID], by: test.counter).id
        let workflow = WorkflowService(store: test.store)
        try workflow.perform(.claim, on: dossierID, reviewLevels: 2, by: instructor)
        noteID = try DossierNoteService(store: test.store).add("Avis d'imposition lu.", to: dossierID, by: instructor).id
        try workflow.perform(.propose(.refused, motif: "Ressources au-dessus du plafond."), on: dossierID, reviewLevels: 2, by: instructor)
        try workflow.perform(.decide(.refused, motif: "Ressources au-dessus du plafond."), on: dossierID, reviewLevels: 2, by: supervisor)
    }

    /// Writes as a tamperer who knows the schema: on a connection of their own, with a do-nothing
    /// `sims_attest` so that the triggers let the write through.
    private func tamper(_ sql: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: test.path, configuration: configuration)
        try queue.writeWithoutTransaction { db in
            db.add(function: DatabaseFunction("sims_attest", argumentCount: nil, pure: false) { _ in nil })
            try db.execute(sql: sql)
        }
    }

    private func problems() throws -> [String] {
        let report = try ChainVerifier.verify(test.store)
        XCTAssertNil(report.firstBreak, "the chain itself is untouched")
        return report.rowProblems
    }

    private func assertNamed(_ sql: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try problems(), [], "sound before the change", file: file, line: line)
        try tamper(sql)
        let found = try problems()
        XCTAssertFalse(found.isEmpty, "\(sql) went unnoticed", file: file, line: line)
        XCTAssertTrue(found.contains { $0.contains(expected) }, "\(sql): \(found)", file: file, line: line)
    }

    func testWhatTheApplicationWroteIsSound() throws {
        let report = try ChainVerifier.verify(test.store)
        XCTAssertTrue(report.isSound, "\(report.rowProblems) \(report.schemaProblems)")
        XCTAssertGreaterThan(report.attestedRows, 20)
    }

    /// The digest of every attested row computed from the seam's values (as an engine without C
    /// access to its values will) is the one SQLite's triggers and `check` compute.
    func testARowsDigestFromTheSeamsValuesIsSQLites() throws {
        try test.store.read { db in
            for table in AttestedTable.all {
                var scanned = RowSum(), fromValues = RowSum()
                try AttestedRowScanner.scan(db, table: table) { _, _, leaf in scanned.add(leaf) }
                for row in try StoreRow.fetchAll(db, sql: table.selectSQL) {
                    fromValues.add(RowLeaf(table: table, values: row.values))
                }
                if ["tier", "fact_record", "relation", "dossier", "document", "dossier_note", "agent"].contains(table.name) {
                    XCTAssertGreaterThan(scanned.count, 0, "\(table.name): the test's store holds such rows")
                }
                XCTAssertEqual(fromValues, scanned, table.name)
            }
        }
    }

    func testAFactsLevelRaised() throws {
        try assertNamed("UPDATE fact_record SET level = 2 WHERE tier_id = \(parentID)", "Faits n° 1 de la fiche n° \(parentID)")
    }

    func testAFactsValueOrSourceChanged() throws {
        try assertNamed("UPDATE fact_record SET field_values = replace(field_values, 'Hélène', 'Hélèna') WHERE tier_id = \(parentID)",
                        "Faits n° 1 de la fiche n° \(parentID) : son contenu")
    }

    func testAFactsSourceChanged() throws {
        try assertNamed("UPDATE fact_record SET source = 'valide' WHERE tier_id = \(parentID)", "de la fiche n° \(parentID)")
    }

    func testADeletedFact() throws {
        try assertNamed("DELETE FROM fact_record WHERE tier_id = \(parentID)", "elle manque")
    }

    func testATierRowEditedInsertedOrDeleted() throws {
        try assertNamed("UPDATE tier SET display_name = 'PIRATE Jean' WHERE id = \(parentID)", "Fiche n° \(parentID)")
    }

    func testATierRowInserted() throws {
        try assertNamed("""
            INSERT INTO tier (kind, version, created_at, updated_at, display_name) VALUES ('personne', 1, '2026-01-01', '2026-01-01', 'FANTÔME Jean')
            """, "aucun événement ne l'atteste")
    }

    func testADeletedRelation() throws {
        try assertNamed("DELETE FROM relation", "Relation « representant_legal » de la fiche n° \(parentID)")
    }

    func testADossiersStateAssigneeAnswersOrDeletion() throws {
        try assertNamed("UPDATE dossier SET state = 'accepte' WHERE id = \(dossierID)", "Dossier n° \(dossierID)")
    }

    func testADossiersAssignee() throws {
        try assertNamed("UPDATE dossier SET assignee_id = \(colleague.id) WHERE id = \(dossierID)", "Dossier n° \(dossierID)")
    }

    func testADossiersAnswers() throws {
        try assertNamed("UPDATE dossier SET answers = replace(answers, 'CM1', 'CM2') WHERE id = \(dossierID)", "Dossier n° \(dossierID)")
    }

    func testADeletedDossier() throws {
        try assertNamed("DELETE FROM dossier WHERE id = \(dossierID)", "Dossier n° \(dossierID)")
    }

    func testANotesText() throws {
        try assertNamed("UPDATE dossier_note SET text = 'Rien à signaler.'", "Note interne n° \(noteID)")
    }

    func testAnAgentsRoles() throws {
        try assertNamed("UPDATE agent SET roles = 'administrateur' WHERE id = \(test.counter.id)", "Agent n° \(test.counter.id)")
    }

    func testADocumentsTypeOwnerOrDigest() throws {
        try assertNamed("UPDATE document SET type = 'piece_identite' WHERE id = \(documentID)", "Pièce n° \(documentID)")
    }

    func testADocumentsOwner() throws {
        try assertNamed("UPDATE document_owner SET tier_id = \(dossierID + 100) WHERE document_id = \(documentID)",
                        "Pièce n° \(documentID) de la fiche n° \(dossierID + 100) : aucun événement ne l'atteste")
    }

    func testADocumentsDigest() throws {
        try assertNamed("UPDATE document SET sha256 = '\(String(repeating: "b", count: 64))' WHERE id = \(documentID)",
                        "Pièce n° \(documentID)")
    }

    func testAPieceOfTheDossier() throws {
        try assertNamed("UPDATE dossier_piece SET status = 'fournie' WHERE dossier_id = \(dossierID)", "du dossier n° \(dossierID)")
    }

    func testAnOrphanIsReported() throws {
        try tamper("DELETE FROM dossier WHERE id = \(dossierID)")
        let report = try ChainVerifier.verify(test.store)
        XCTAssertTrue(report.schemaProblems.contains { $0.contains("orpheline") && $0.contains("dossier") }, "\(report.schemaProblems)")
    }

    func testDeletingEveryEventAndTheChainHeadIsNoticed() throws {
        try tamper("DELETE FROM event; DELETE FROM chain_head")
        let report = try ChainVerifier.verify(test.store)
        XCTAssertFalse(report.isSound)
        XCTAssertTrue(report.rowProblems.contains { $0.contains("aucun événement ne l'atteste") }, "\(report.rowProblems)")
    }

    func testADroppedTriggerIsReported() throws {
        try tamper("DROP TRIGGER attest_tier_update")
        let report = try ChainVerifier.verify(test.store)
        XCTAssertEqual(report.schemaProblems.first?.contains("attest_tier_update supprimé"), true, "\(report.schemaProblems)")
    }

    func testAWriteWithoutEventIsRefusedAtCommit() throws {
        XCTAssertThrowsError(try test.store.writeDatabase { db in
            try db.execute(sql: "UPDATE dossier SET state = 'accepte' WHERE id = ?", arguments: [dossierID])
        }) { XCTAssertTrue("\($0)".contains("écriture non attestée"), "\($0)") }
        XCTAssertEqual(try DossierService(store: test.store).dossier(id: dossierID).state, .refused, "nothing written")
    }

    func testTheSqliteShellCannotWriteAnAttestedTable() throws {
        let shell = "/usr/bin/sqlite3"
        guard FileManager.default.isExecutableFile(atPath: shell) else { throw XCTSkip("sqlite3 is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: shell)
        process.arguments = [test.path, "UPDATE agent SET roles = 'administrateur'"]
        process.standardError = Pipe()
        try process.run()
        process.waitUntilExit()
        XCTAssertNotEqual(process.terminationStatus, 0)
        XCTAssertEqual(try AgentService(store: test.store).authenticate(login: "accueil1").roles, [.reception])
    }

    func testAnAnchorProvesThePastAndARewriteBreaksIt() throws {
        let report = try ChainVerifier.verify(test.store)
        let head = try XCTUnwrap(report.head)
        let anchor = ChainAnchor(events: head.id, hash: head.hash, at: "2026-11-29T10:00:00Z")
        XCTAssertEqual(try ChainAnchor.parse(anchor.line).get(), anchor)
        XCTAssertNil(try anchor.verify(test.store))
        _ = try test.person("Jean", "Kaudre", born: "01/02/1990")   // later events leave the anchor valid
        XCTAssertNil(try anchor.verify(test.store))
        try tamper("UPDATE event SET hash = '\(String(repeating: "c", count: 64))' WHERE id = \(head.id)")
        XCTAssertEqual(try anchor.verify(test.store)?.contains("réécrit"), true)
        try tamper("DELETE FROM event WHERE id >= \(head.id)")
        XCTAssertEqual(try anchor.verify(test.store)?.contains("n'existe plus"), true)
        if case .success = ChainAnchor.parse("SIMS-ANCRE hier n=12 h=zz") { XCTFail("a malformed anchor is refused") }
    }
}
