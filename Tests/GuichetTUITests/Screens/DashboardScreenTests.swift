import Foundation
import GRDB
import XCTest
import SIMSModel
@testable import GuichetTUI

/// Tableau de bord: the figures of a fixed set of dossiers on the 80×24 screen, its live refresh
/// after a decision, and the drill-down into the queues.
final class DashboardScreenTests: XCTestCase {
    var h: ScreenHarness!
    var instructor: Agent!
    var dashboard: DashboardScreen!
    /// The screen's monotonic clock, moved by the tests.
    private let ticker = Ticker()
    /// The filters the drill-down asked a queue for.
    var opened: [QueueFilter] = []

    override func setUpWithError() throws {
        h = try ScreenHarness(tiers: [(.person, [.birthName: "Wamytan", .givenNames: "Hélène", .birthDate: "14/03/1985"])])
        let admin = try AgentService(store: h.store).authenticate(login: "admin")
        instructor = try AgentService(store: h.store).add(login: "instr1", fullName: "Jean Instructeur", roles: [.instructor],
                                                          services: [], by: admin)
        // On 29/11/2026: one overdue (16/10) and one due on 04/12 for BS, one overdue (28/11) for RBS.
        try insert("BS-2026-000001", "BS", .submitted, assignee: nil, submitted: "2026-09-01T00:00:00.000Z", due: "2026-10-16")
        try insert("BS-2026-000002", "BS", .underReview, assignee: h.agent.id, submitted: "2026-11-20T00:00:00.000Z",
                   due: "2026-12-04")
        try insert("RBS-2026-000001", "RBS", .awaitingValidation, assignee: instructor.id, submitted: "2026-11-10T00:00:00.000Z",
                   due: "2026-11-28")
        try insert("BS-2026-000010", "BS", .accepted, assignee: h.agent.id, submitted: "2026-11-15T00:00:00.000Z", due: nil,
                   decided: "2026-11-25T00:00:00.000Z")
    }

    /// Writes a dossier row (the triggers keep the dashboard's tallies).
    @discardableResult
    func insert(_ number: String, _ code: String, _ state: DossierState, assignee: Int64?, submitted: String, due: String?,
                decided: String? = nil) throws -> Int64 {
        try h.store.fixtureWrite { db in
            try db.execute(sql: """
                INSERT INTO dossier (number, procedure_code, procedure_title, applicant_id, applicant_version, state, answers,
                    created_by, assignee_id, created_at, updated_at, submitted_at, due_on, decided_at)
                VALUES (?, ?, 'Bourse', (SELECT min(id) FROM tier), 1, ?, '{}', ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [number, code, state.rawValue, h.agent.id, assignee, submitted, submitted, submitted, due, decided])
            return db.lastInsertedRowID
        }
    }

    func open() {
        dashboard = DashboardScreen(session: h.session, openQueue: { [unowned self] filter in
            opened.append(filter)
            return QueueStub()
        }, uptime: { [ticker] in ticker.now })
        h.app.open(dashboard)
        h.app.renderFrame()
    }

    func testTheOverviewShowsStatesDeadlinesAndDecisionsOfTheFixedSet() throws {
        open()
        XCTAssertEqual(h.screen, """
             Guichet · Tableau de bord                           Marie Gorodey · 29/11/2026
             [Vue d'ensemble] │ Délais │ Agents │ Qualité du registre                 (Tab)
             Dossiers par état et échéance
             Démarche Déposé Instr. Pièces À val. Accepté Refusé S.suite Total Retard ≤ 7 j
            ▸BS            1      1      0      0       1      0       0     3    ! 1     1
             RBS           0      0      0      1       0      0       0     1    ! 1     0
             Total         1      1      0      1       1      0       0     4    ! 2     1

             Décisions par jour, du 31/10/2026 au 29/11/2026
             ▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁█▁▁▁▁  1 décision











             Entrée : file « à traiter · démarche BS »

            F1Aide  F3Retour  F7PgPréc  F8PgSuiv  F12Annuler
            """)
    }

    func testOverdueFiguresStandOutInTheErrorStyle() throws {
        open()
        let retard = h.line(3).range(of: "Retard").map { h.line(3).distance(from: h.line(3).startIndex, to: $0.upperBound) - 1 }
        let column = try XCTUnwrap(retard)
        XCTAssertEqual(h.terminal.screen[column, 5].style, Theme.standard.error, "RBS: 1 overdue")
        XCTAssertEqual(h.terminal.screen[column - 2, 5].grapheme, "!")
        XCTAssertFalse(h.terminal.screen[column + 6, 5].style.bold, "due within 7 days: not an error")
        h.press(.tab, .tab)
        XCTAssertTrue(h.screen.contains("""
             BS-2026-000001  WAMYTAN Hélène déposé     —           01/09/2026 16/10/2026 !
             RBS-2026-000001 WAMYTAN Hélène à valider  Jean Instr… 10/11/2026 28/11/2026 !
             BS-2026-000002  WAMYTAN Hélène en instr.  Marie Goro… 20/11/2026 04/12/2026
            """), h.screen)
    }

    func testATickAfterADecisionShowsTheNewCounts() throws {
        open()
        XCTAssertTrue(h.line(4).hasPrefix("▸BS            1      1      0      0       1"), h.line(4))
        let id = try XCTUnwrap(try h.store.sqlitePool.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM dossier WHERE number = 'BS-2026-000002'")
        })
        try WorkflowService(store: h.store).perform(.decide(.accepted, motif: "Ressources sous le plafond."), on: id,
                                                    reviewLevels: 1, by: h.agent)
        ticker.now = 0.5
        h.app.renderFrame()
        XCTAssertTrue(h.line(4).hasPrefix("▸BS            1      1      0      0       1"), "at most one look a second")
        XCTAssertTrue(dashboard.wantsTicks)
        ticker.now = 1.25
        h.app.renderFrame()
        XCTAssertTrue(h.line(4).hasPrefix("▸BS            1      0      0      0       2"), h.screen)
        XCTAssertTrue(h.screen.contains("▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁▁█▁▁▁█  2 décisions, au plus 1 par jour"), h.screen)
    }

    func testEnterOpensTheQueueOfTheSelectedCell() throws {
        open()
        h.press(.enter)
        XCTAssertEqual(opened.last, QueueFilter(procedureCode: "BS"), "the whole line: the procedure's open dossiers")
        h.press(.function(3))
        h.press(.down, .right, .right)
        XCTAssertTrue(h.screen.contains("Entrée : file « en instruction · démarche RBS »"), h.screen)
        XCTAssertEqual(h.terminal.screen[22, 5].style, Theme.standard.focusedField, "the chosen cell")
        for _ in 0..<7 { h.press(.right) }
        XCTAssertTrue(h.screen.contains("Entrée : file « à traiter · démarche RBS · échéance dépassée »"), h.screen)
        h.press(.enter)
        XCTAssertTrue(h.app.top is QueueStub)
        XCTAssertEqual(opened.last, QueueFilter(procedureCode: "RBS", deadline: .overdue))
        h.press(.function(3))
        h.press(.down, .right)
        XCTAssertTrue(h.screen.contains("Entrée : file « à traiter · toutes démarches · échéance sous 7 jours »"),
                      h.screen)
    }

    func testTheOtherPagesDrillDownByAgeAgentAndDossier() throws {
        open()
        h.press(.tab)
        XCTAssertTrue(h.line(1).contains("│ [Délais] │"), h.line(1))
        XCTAssertEqual(Array(h.screen.components(separatedBy: "\n")[2...6]), [
            " Dossiers ouverts par ancienneté · décisions des 30 derniers jours",
            " Démarche  0–7 j  8–15 j  16–30 j  31–60 j  > 60 j  Décisions 90e centile",
            "▸BS            0       1        0        0       1          1        10 j",
            " RBS           0       0        1        0       0          0           —",
            " Total         0       1        1        0       1          1        10 j",
        ])
        h.press(.right, .right, .right, .right, .right, .enter)
        XCTAssertEqual(opened.last, QueueFilter(procedureCode: "BS", olderThanDays: 61), "> 60 j")
        h.press(.function(3), .left, .left, .left)
        XCTAssertTrue(h.screen.contains("Entrée : file « à traiter · démarche BS · déposés il y a 8 à 15 j »"),
                      h.screen)
        h.press(.enter)
        XCTAssertEqual(opened.last, QueueFilter(procedureCode: "BS", olderThanDays: 8, newerThanDays: 15),
                       "the 8–15 j bucket, and only it")
        h.press(.function(3), .tab)
        XCTAssertEqual(Array(h.screen.components(separatedBy: "\n")[2...6]), [
            " Dossiers ouverts par agent",
            " Agent                    Déposé Instr. Pièces À val.  Total",
            "▸non attribués                 1      0      0      0      1",
            " Jean Instructeur              0      0      0      1      1",
            " Marie Gorodey                 0      1      0      0      1",
        ])
        h.press(.down, .down, .enter)
        XCTAssertEqual(opened.last, QueueFilter(assignee: .agent(h.agent.id)))
        h.press(.function(3), .right, .right, .enter)
        XCTAssertEqual(opened.last, QueueFilter(scope: .state(.underReview), assignee: .agent(h.agent.id)))
        h.press(.function(3), .down, .down)
        XCTAssertTrue(h.screen.contains("Entrée : file « à traiter · démarche RBS »"), h.screen)
        h.press(.enter)
        XCTAssertEqual(opened.last, QueueFilter(procedureCode: "RBS"), "an old dossier: its procedure's queue")
        h.press(.function(3), .backTab, .backTab)
        XCTAssertTrue(h.line(1).hasPrefix(" [Vue d'ensemble] │"), h.line(1))
    }

    func testTheQualityPageShowsVerifiedIdentitiesLevelsAndExpiredDocuments() throws {
        let documents = DocumentService(store: h.store)
        let card = try documents.register(type: .identityDocument, issuedOn: "2024-03-12", owners: [1], by: h.agent)
        try documents.register(type: .proofOfAddress, issuedOn: "2025-01-10", owners: [1], by: h.agent)
        try TierService(store: h.store).create(kind: .person, values: [.birthName: "Kaloï", .givenNames: "Lise",
                                                                      .birthDate: "04/07/1990"], by: h.agent)
        open()
        try FactVerificationService(store: h.store).verify(tierID: 1, expectedVersion: 1,
                                                           fields: [.birthName, .givenNames, .birthDate],
                                                           documentID: card.id, by: h.agent)
        h.press(.backTab)
        XCTAssertEqual(Array(h.screen.components(separatedBy: "\n")[1...14]), [
            " Vue d'ensemble │ Délais │ Agents │ [Qualité du registre]                 (Tab)",
            " Qualité du registre : niveaux de vérification",
            " Personnes à l'identité vérifiée : 1 sur 2 (50 %)",
            "",
            "                 déclaré            vérifié sur pièce  validé",
            " Personnes       · 1 (50 %)         ✓ 1 (50 %)         ✔ 0 (0 %)",
            " Organisations   · 0 (—)            ✓ 0 (—)            ✔ 0 (—)",
            " Faits écrits    · 2 (67 %)         ✓ 1 (33 %)         ✔ 0 (0 %)",
            "",
            " Pièces périmées : 1 sur 2 (50 %)",
            "   Justificatif de domicile       1",
            "",
            " Identité : le plus bas niveau des noms, sexe, date et lieu de naissance",
            " (raison sociale, RIDET). Faits écrits : historique compris.",
        ])
    }

    func testALongPageScrollsToTheSelectedLine() throws {
        let admin = try AgentService(store: h.store).authenticate(login: "admin")
        for index in 1...12 {
            let agent = try AgentService(store: h.store).add(login: "instr\(index + 1)", fullName: "Instructeur " + String(UnicodeScalar(UInt8(64 + index))),
                                                             roles: [.instructor], services: [], by: admin)
            try insert("IS-2026-0000\(index + 10)", "IS", .underReview, assignee: agent.id, submitted: "2026-11-2\(index % 8)T00:00:00.000Z",
                       due: "2027-01-10")
        }
        open()
        h.press(.tab, .tab)
        XCTAssertTrue(h.line(21).trimmingCharacters(in: .whitespaces).hasSuffix("↓"), h.screen)
        XCTAssertFalse(h.screen.contains("BS-2026-000001"), "the oldest dossiers are below the 15 agents")
        for _ in 0..<15 { h.press(.down) }
        XCTAssertTrue(h.screen.contains("Entrée : file « à traiter · démarche BS »"), "the first old dossier:\n\(h.screen)")
        let row = try XCTUnwrap(h.terminal.screenLines.firstIndex { $0.hasPrefix("▸BS-2026-000001") }, h.screen)
        XCTAssertTrue(h.terminal.screen[20, row].style.reverse, "the selected line is in view")
        h.assertSelection(row: row, reads: "BS-2026-000001")
        XCTAssertTrue(h.line(21).trimmingCharacters(in: .whitespaces).hasSuffix("↑↓"), h.line(21))
        for _ in 0..<20 { h.press(.up) }
        XCTAssertTrue(h.line(3).hasPrefix(" Agent"), "back to the top, header included:\n\(h.screen)")
    }

    func testAnAgentWhoIsNotSuperviseurIsRefused() throws {
        let counter = try ScreenHarness(roles: [.reception, .instructor])
        let screen = DashboardScreen(session: counter.session, openQueue: { _ in QueueStub() })
        counter.app.open(screen)
        counter.app.renderFrame()
        XCTAssertTrue(counter.screen.contains("✗ Vous ne pouvez pas consulter le tableau de bord : il faut être superviseur."),
                      counter.screen)
        XCTAssertFalse(counter.screen.contains("Démarche"))
        counter.press(.enter)
        XCTAssertTrue(counter.app.top === screen, "nothing to open")
        XCTAssertFalse(screen.wantsTicks)
    }

    /// The cursor is on the selected line, then on the figure ←/→ chose (Entrée opens its queue);
    /// a tick that brings nothing new writes nothing, so a braille display is not refreshed for
    /// nothing.
    func testTheCursorIsOnTheChosenFigureAndAnIdleTickWritesNothing() throws {
        open()
        h.assertSelection(row: 4, reads: "BS")
        h.press(.down)
        h.assertSelection(row: 5, reads: "RBS")
        h.press(.right)
        let cursor = try XCTUnwrap(h.cursor)
        XCTAssertEqual(cursor.y, 5)
        XCTAssertGreaterThan(cursor.x, 4, "on the figure, not the line's start")
        XCTAssertTrue(h.cursorText.first?.isNumber == true, "the cursor reads the figure: « \(h.cursorText) »")
        XCTAssertEqual(h.terminal.screen[cursor.x, cursor.y].style, Theme.standard.focusedField)
        ticker.now = 2
        h.app.renderFrame()
        XCTAssertEqual(h.terminal.lastChangedCellCount, 0, "nothing changed: nothing written")
        XCTAssertEqual(h.cursor, cursor, "the cursor stays where the reader is")
    }
}

/// A monotonic clock the tests move by hand.
private final class Ticker: @unchecked Sendable {
    var now: TimeInterval = 0
}

/// Stands for the queue screen the drill-down opens.
private final class QueueStub: Screen {
    var title: String { "File" }
    var context: KeymapContext { .generic }
    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? { nil }
    func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome { action == .retour ? .pop : .stay }

}
