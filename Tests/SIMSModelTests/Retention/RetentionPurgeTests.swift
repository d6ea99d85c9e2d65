import GRDB
import XCTest
@testable import SIMSModel

/// The purge erases closed dossiers whose retention (as recorded at the decision) ran out, keeps
/// the others, leaves a tombstone, erases the personal content of their events, and `check`
/// still proves the chain whole.
final class RetentionPurgeTests: ReviewTeamTestCase {
    /// Two grants decided now, one kept 1 year (recorded at the decision), one 10 years.
    private func decidedGrants() throws -> [Int64] {
        let ids = try test.submittedGrants(3)
        let workflow = WorkflowService(store: test.store)
        for (id, years) in zip(ids.prefix(2), [1, 10]) {
            try workflow.perform(.claim, on: id, reviewLevels: 1, by: instructor)
            try workflow.perform(.decide(.accepted, motif: "Ressources sous le plafond."), on: id, reviewLevels: 1,
                                 retentionYears: years, by: instructor)
        }
        return ids
    }

    /// The same store opened on a later day.
    private func storeOn(_ iso: String) throws -> SIMSStore {
        let day = try XCTUnwrap(CalendarDate(iso: iso))
        var components = DateComponents(year: day.year, month: day.month, day: day.day, hour: 12)
        components.timeZone = TimeZone(identifier: "Pacific/Noumea")
        let date = try XCTUnwrap(Calendar(identifier: .gregorian).date(from: components))
        return try SIMSStore.open(path: test.path, clock: .fixed(date))
    }

    func testOnlyTheDossierWhoseRecordedRetentionRanOutIsErased() throws {
        let ids = try decidedGrants()
        let later = try storeOn("2028-01-10")
        // The procedure file now says 10 years for BS: the 1 year recorded at the decision applies.
        let purge = RetentionPurge(store: later, retention: ["BS": 10])
        var report = RetentionPurgeReport()
        let expired = try purge.expired(report: &report)
        XCTAssertEqual(expired.map(\.id), [ids[0]])
        XCTAssertEqual(expired.first?.term.until.french, "29/11/2027")
        let admin = test.admin
        try purge.purge(expired, by: admin, into: &report)
        XCTAssertEqual(report.erasedDossiers, 1)
        XCTAssertGreaterThan(report.erasedEvents, 3)

        try later.sqlitePool.read { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM dossier WHERE id = ?", arguments: [ids[0]]), 0)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM dossier WHERE id IN (?, ?)", arguments: [ids[1], ids[2]]), 2)
            let tomb = try XCTUnwrap(Row.fetchOne(db, sql: "SELECT * FROM erased_dossier WHERE id = ?", arguments: [ids[0]]))
            XCTAssertEqual(tomb["number"] as String?, "BS-2026-000001")
            XCTAssertEqual(tomb["retention_years"] as Int?, 1)
            XCTAssertEqual(tomb["until"] as String?, "2027-11-29")
            let leftovers = try Row.fetchAll(db, sql: "SELECT payload, tier_id FROM event WHERE dossier_id = ?", arguments: [ids[0]])
            XCTAssertFalse(leftovers.isEmpty)
            for row in leftovers {
                XCTAssertEqual(row["payload"] as String, "", "the personal content is erased")
                XCTAssertNil(row["tier_id"] as Int64?)
            }
            let kept = try Row.fetchAll(db, sql: "SELECT payload FROM event WHERE dossier_id = ?", arguments: [ids[1]])
            XCTAssertTrue(kept.allSatisfy { !($0["payload"] as String).isEmpty }, "the dossier under retention is untouched")
        }
        let report2 = try ChainVerifier.verify(later)
        XCTAssertTrue(report2.isSound, "\(report2)")
        XCTAssertEqual(report2.erasedEvents, report.erasedEvents)
        XCTAssertEqual(report2.erasures.count, 1)
        XCTAssertTrue(report2.erasures[0].line.hasPrefix("contenu de \(report.erasedEvents) événements effacé le 10/01/2028"), report2.erasures[0].line)
        // Nothing left to do the next night.
        var again = RetentionPurgeReport()
        XCTAssertTrue(try purge.expired(report: &again).isEmpty)
    }

    func testAPurgeInSeveralBatchesKeepsEachDossiersRetentionAndFreesOnlyThePiecesNoLiveDossierNeeds() throws {
        let ids = try test.submittedGrants(3)
        let documents = DocumentService(store: test.store)
        func attach(_ name: String, _ content: String, to dossierID: Int64) throws -> Document {
            let file = URL(fileURLWithPath: test.directory + "/" + name)
            try Data(content.utf8).write(to: file)
            let owner = try XCTUnwrap(test.store.sqlitePool.read { db in
                try Int64.fetchOne(db, sql: "SELECT applicant_id FROM dossier WHERE id = ?", arguments: [dossierID])
            })
            return try documents.attach(fileAt: file, type: .proofOfAddress, issuedOn: "2026-10-01", owners: [owner],
                                        dossierID: dossierID, pieceKey: "justificatif_domicile", by: test.counter).document
        }
        let own = try attach("a.pdf", "%PDF-1.4 domicile du premier dossier", to: ids[0])
        let shared = try attach("b.pdf", "%PDF-1.4 pièce reprise par un dossier conservé", to: ids[2])
        _ = try attach("c.pdf", "%PDF-1.4 pièce reprise par un dossier conservé", to: ids[1])
        let workflow = WorkflowService(store: test.store)
        // Decided last, erased too: the third grant kept 2 years; the second 10 years.
        for (id, years) in [(ids[1], 10), (ids[2], 2), (ids[0], 1)] {
            try workflow.perform(.claim, on: id, reviewLevels: 1, by: instructor)
            try workflow.perform(.decide(.refused, motif: "Ressources au-dessus du plafond."), on: id, reviewLevels: 1,
                                 retentionYears: years, by: instructor)
        }
        let later = try storeOn("2029-01-10")
        var purge = RetentionPurge(store: later, retention: ["BS": 10])
        purge.batch = 1
        var report = RetentionPurgeReport()
        let expired = try purge.expired(report: &report)
        XCTAssertEqual(Set(expired.map(\.id)), [ids[0], ids[2]])
        var steps: [Int] = []
        try purge.purge(expired, by: test.admin, into: &report) { done, _ in steps.append(done) }
        XCTAssertEqual(steps, [1, 2], "one transaction per dossier")
        XCTAssertEqual(report.erasedDossiers, 2)
        XCTAssertEqual(report.erasedDocuments, 1, "the piece a kept dossier still links stays")
        XCTAssertEqual(report.erasedFiles, 1)

        let files = DocumentFileStore(storePath: later.path)
        XCTAssertFalse(FileManager.default.fileExists(atPath: files.url(sha256: try XCTUnwrap(own.sha256), extension: "pdf").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: files.url(sha256: try XCTUnwrap(shared.sha256), extension: "pdf").path))
        try later.sqlitePool.read { db in
            let tombs = try Row.fetchAll(db, sql: "SELECT id, retention_years, until, state FROM erased_dossier ORDER BY id")
            XCTAssertEqual(tombs.map { $0["id"] as Int64 }, [ids[0], ids[2]])
            XCTAssertEqual(tombs.map { $0["retention_years"] as Int }, [1, 2])
            XCTAssertEqual(tombs.map { $0["until"] as String }, ["2027-11-29", "2028-11-29"])
            XCTAssertEqual(tombs.map { $0["state"] as String }, ["refuse", "refuse"])
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM document WHERE id = ?", arguments: [own.id]), 0)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM dossier_document WHERE document_id = ?",
                                            arguments: [shared.id]), 1, "the kept dossier's link")
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM dossier WHERE id = ?", arguments: [ids[1]]), 1)
            XCTAssertEqual(try Int.fetchOne(db, sql: """
                SELECT count(*) FROM event WHERE dossier_id IN (?, ?) AND payload <> ''
                """, arguments: [ids[0], ids[2]]), 0)
        }
        let checked = try ChainVerifier.verify(later)
        XCTAssertTrue(checked.isSound, "\(checked)")
        XCTAssertEqual(checked.erasures.count, 2)
        XCTAssertEqual(checked.erasedEvents, report.erasedEvents)
    }

    func testAReopenedOrJustConsultedDossierIsSkippedAndReported() throws {
        let ids = try decidedGrants()
        let later = try storeOn("2028-01-10")
        let purge = RetentionPurge(store: later, retention: ["BS": 10])
        var report = RetentionPurgeReport()
        let expired = try purge.expired(report: &report)
        // Consulted by an instructeur a minute before the purge reaches it.
        _ = try DossierReviewReader(store: later).open(dossierID: ids[0], by: instructor)
        let admin = test.admin
        try purge.purge(expired, by: admin, into: &report)
        XCTAssertEqual(report.erasedDossiers, 0)
        XCTAssertEqual(report.skipped, ["BS-2026-000001 : consulté il y a moins de 30 minutes, laissé pour la prochaine purge"])
        XCTAssertTrue(try ChainVerifier.verify(later).isSound)
    }

    func testADossierReopenedAfterTheListingIsKeptWhileTheRestOfItsBatchIsErased() throws {
        let ids = try decidedGrants()
        try WorkflowService(store: test.store).perform(.claim, on: ids[2], reviewLevels: 1, by: instructor)
        try WorkflowService(store: test.store).perform(.decide(.accepted, motif: "Ressources sous le plafond."), on: ids[2],
                                                       reviewLevels: 1, retentionYears: 1, by: instructor)
        let later = try storeOn("2028-01-10")
        let purge = RetentionPurge(store: later, retention: ["BS": 10])
        var report = RetentionPurgeReport()
        let expired = try purge.expired(report: &report)
        XCTAssertEqual(Set(expired.map(\.id)), [ids[0], ids[2]])
        // A superviseur reopens the first one (a recourse) between the listing and the purge.
        try WorkflowService(store: later).perform(.reopen(motif: "Recours gracieux du parent."), on: ids[0], reviewLevels: 1,
                                                  by: supervisor)
        try purge.purge(expired, by: test.admin, into: &report)
        XCTAssertEqual(report.erasedDossiers, 1)
        XCTAssertEqual(report.skipped, ["BS-2026-000001 : rouvert entre-temps, conservé"])
        try later.sqlitePool.read { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "SELECT state FROM dossier WHERE id = ?", arguments: [ids[0]]), "en_instruction")
            XCTAssertEqual(try Int64.fetchAll(db, sql: "SELECT id FROM erased_dossier"), [ids[2]])
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE dossier_id = ? AND payload = ''",
                                            arguments: [ids[0]]), 0, "the reopened dossier's events keep their content")
        }
        XCTAssertTrue(try ChainVerifier.verify(later).isSound)
    }

    func testErasedContentPutBackOrErasedWithoutAnErasureIsCaught() throws {
        let ids = try decidedGrants()
        let later = try storeOn("2028-01-10")
        let purge = RetentionPurge(store: later, retention: ["BS": 10])
        var report = RetentionPurgeReport()
        let admin = test.admin
        try purge.purge(try purge.expired(report: &report), by: admin, into: &report)
        let erased = try XCTUnwrap(later.sqlitePool.read { db in
            try Int64.fetchOne(db, sql: "SELECT min(event_id) FROM event_erasure")
        })
        // Someone removes an erasure from the list, then files it under another event: both are caught.
        try later.sqlitePool.write { db in try db.execute(sql: "DELETE FROM event_erasure WHERE event_id = ?", arguments: [erased]) }
        let broken = try ChainVerifier.verify(later)
        XCTAssertEqual(broken.firstBreak, "Événement n° \(erased) : son contenu a été effacé sans effacement enregistré (hors de l'application).")
        try later.sqlitePool.write { db in
            try db.execute(sql: "INSERT INTO event_erasure (event_id, erasure_event_id, erased_at) VALUES (?, 1, '')",
                           arguments: [erased])
        }
        XCTAssertFalse(try ChainVerifier.verify(later).isSound)
        // Content of a living event erased by hand, without an erasure.
        let living = try XCTUnwrap(later.sqlitePool.read { db in
            try Int64.fetchOne(db, sql: "SELECT min(id) FROM event WHERE dossier_id = ?", arguments: [ids[1]])
        })
        try later.sqlitePool.write { db in
            try db.execute(sql: "DELETE FROM event_erasure WHERE event_id = ?", arguments: [erased])
            try db.execute(sql: "INSERT INTO event_erasure SELECT ?, erasure_event_id, erased_at FROM event_erasure LIMIT 1",
                           arguments: [erased])
            try db.execute(sql: "UPDATE event SET payload = '', tier_id = NULL, content_salt = NULL WHERE id = ?", arguments: [living])
        }
        XCTAssertEqual(try ChainVerifier.verify(later).firstBreak,
                       "Événement n° \(living) : son contenu a été effacé sans effacement enregistré (hors de l'application).")
    }

    func testAnEventChangedAfterItsDigestIsCaught() throws {
        _ = try decidedGrants()
        try test.store.sqlitePool.write { db in
            try db.execute(sql: "UPDATE event SET payload = replace(payload, 'plafond', 'PLAFOND') WHERE kind = 'dossier.decide'")
        }
        let report = try ChainVerifier.verify(test.store)
        XCTAssertTrue(report.firstBreak?.hasSuffix("son contenu a été modifié hors de l'application.") == true, "\(report)")
    }
}
