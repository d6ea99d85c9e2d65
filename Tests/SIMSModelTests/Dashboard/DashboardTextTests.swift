import XCTest
@testable import SIMSModel

/// The dashboard as plain text (`guichet dashboard --once`), on the fixed set of dossiers.
final class DashboardTextTests: XCTestCase {
    func testTheFixedSetAsText() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let text = DashboardText.render(try DashboardService(store: fixture.store).figures(now: TestStore.now))
        XCTAssertEqual(text, """
            Tableau de bord des dossiers au 29/11/2026

            Dossiers par état et démarche
            Démarche  Déposé  Instr.  Pièces  À val.  Accepté  Refusé  S.suite  Total
            BS             2       1       1       0        6       3        1     14
            RBS            1       0       0       1        0       0        1      3
            Total          3       1       1       1        6       3        2     17

            Ancienneté des dossiers ouverts (jours depuis le dépôt)
            Démarche  0–7 j  8–15 j  16–30 j  31–60 j  > 60 j  Ouverts
            BS            1       0        1        1       1        4
            RBS           1       0        1        0       0        2
            Total         2       0        2        1       1        6

            Échéances des dossiers ouverts
            Démarche  Dépassées  Sous 7 jours
            BS                1             2  ! en retard
            RBS               1             0  ! en retard
            Total             2             2  ! en retard

            Délai de traitement des décisions (du 31/10/2026 au 29/11/2026)
            Démarche  Décisions  90e centile
            BS                9         50 j
            RBS               1          3 j
            Total            10         40 j

            Décisions par jour sur 30 jours (du 31/10/2026 au 29/11/2026)
            ▃▁▁▁▁▁▁▁▁▁▁▃▁▁▁▁▁▁▁▁▅▁▁▁▁█▃▁▁▃  10 décisions, au plus 4 par jour

            Charge par agent (dossiers ouverts)
            Agent              Déposé  Instr.  Pièces  À val.  Total
            non attribués           3       0       0       0      3
            Jean Instructeur        0       1       1       0      2
            Anne Superviseure       0       0       0       1      1

            Les 10 dossiers ouverts les plus anciens
            N°               Demandeur       État       Attribué à  Déposé le   Échéance
            BS-2026-000001   WAMYTAN Hélène  déposé     —           01/09/2026  16/10/2026 !
            BS-2026-000002   DUPONT Luc      en instr.  Jean Inst…  20/10/2026  04/12/2026
            RBS-2026-000001  WAMYTAN Hélène  à valider  Anne Supe…  10/11/2026  28/11/2026 !
            BS-2026-000004   DUPONT Luc      déposé     —           13/11/2026  29/11/2026
            BS-2026-000003   WAMYTAN Hélène  pièces     Jean Inst…  22/11/2026  06/01/2027
            RBS-2026-000002  DUPONT Luc      déposé     —           29/11/2026  13/01/2027
            ! : échéance dépassée

            """)
    }

    func testEveryLineFitsEightyColumnsAndLongNamesAreCut() throws {
        let fixture = try DashboardFixture()
        defer { fixture.remove() }
        let text = DashboardText.render(try DashboardService(store: fixture.store).figures(now: TestStore.now))
        for line in text.split(separator: "\n") {
            XCTAssertLessThanOrEqual(line.count, 80, String(line))
        }
        XCTAssertEqual(DashboardText.clipped("CLÉMENT née CHEVALIER Lucie", to: 13), "CLÉMENT née …")
        XCTAssertEqual(DashboardText.clipped("DUPONT Luc", to: 13), "DUPONT Luc")
        XCTAssertEqual(DashboardText.clipped("WAMYTAN Hélène", to: 14), "WAMYTAN Hélène")
    }

    func testAnEmptyStoreSaysSo() throws {
        let test = try TestStore()
        defer { test.remove() }
        let text = DashboardText.render(try DashboardService(store: test.store).figures(now: TestStore.now))
        XCTAssertTrue(text.contains("Dossiers par état et démarche\nAucun dossier déposé.\n"), text)
        XCTAssertTrue(text.contains("\n" + String(repeating: "▁", count: 30) + "  aucune décision\n"), text)
        XCTAssertTrue(text.hasSuffix("Les 10 dossiers ouverts les plus anciens\nAucun dossier ouvert.\n"), text)
    }

    func testTheSparklineScalesToTheBusiestDay() {
        XCTAssertEqual(DashboardText.sparkline([0, 1, 2, 3, 4, 5, 6, 7, 8]), "▁▂▃▄▅▆▇██")
        XCTAssertEqual(DashboardText.sparkline([0, 100, 1]), "▁█▂", "a quiet day still shows above an empty one")
        XCTAssertEqual(DashboardText.sparkline([0, 0]), "▁▁")
    }
}
