import Foundation
import SIMSModel
import XCTest

/// Duplicates with the real binary in tmux: a file imported with `--doublons signaler` brings
/// Hélène Wamytan a second time; the superviseur's `doublons analyser --json` lists the pair; in
/// « Doublons » she opens it side by side and decides « personnes différentes », or « même
/// personne »: then she finds the absorbed record by its old number, is led to the survivor,
/// undoes the merge from it, and both records are back; `check` passes.
final class DuplicateJourneyTests: FamilyJourneyTestCase {

    func testASuperviseurReviewsAPairFoundByTheImportSideBySideAndDecides() throws {
        let csv = guichet.write("ecoles.csv", "type,nom_naissance,prenoms,date_naissance,telephone\npersonne,Ouamytan,Helene,14/03/1985,25 12 34\n")
        let imported = try guichet.run(["import", "tiers", csv, "--doublons", "signaler"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("1 paire de doublons probables dans la file « Doublons » (1 nouvelle) ; rien n'a été fusionné."),
                      imported.stdout)

        let analysed = try guichet.run(["doublons", "analyser", "--json"], as: "asup")
        XCTAssertEqual(analysed.status, 0, analysed.stderr)
        let pairs = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(analysed.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(pairs.count, 1, analysed.stdout)
        XCTAssertEqual(pairs.first?["tier_a"] as? Int, Int(family.parentID))
        XCTAssertEqual((pairs.first?["raisons"] as? [String])?.contains("même téléphone"), true, analysed.stdout)

        let session = try open(as: "asup")
        try session.waitFor("Doublons probables à revoir")
        try session.keys("D")
        try session.waitFor("1 paire à revoir")
        try session.waitFor("OUAMYTAN Helene")
        try session.keys("Enter")
        try session.waitFor("Paire n° 1 · probabilité")
        let side = try session.waitFor("Nom de naissance  ◂ · Wamytan")   // the arrow: what F5 would keep
        XCTAssertTrue(side.contains("Prénoms             · Hélène"), "accents aside, the given names are the same: \(side)")
        try session.keys("F6")
        try session.waitFor("Personnes différentes : n° 1 et n° 3 ?")
        try session.keys("Enter")
        try session.waitFor("enregistrée ; elle ne sera plus proposée")
        try session.waitFor("Aucune paire à revoir")
        try quit(session)

        let check = try guichet.run(["check"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        let again = try guichet.run(["doublons", "analyser"], as: "asup")
        XCTAssertTrue(again.stdout.contains("1 paire déjà décidée n'est pas reproposée."), again.stdout)
    }

    func testASuperviseurMergesAPairFromTheQueueFollowsTheRedirectAndUndoesTheMerge() throws {
        let csv = guichet.write("ecoles.csv", "type,nom_naissance,prenoms,date_naissance,telephone,courriel\n"
            + "personne,Ouamytan,Helene,14/03/1985,25 12 34,helene.w@mail.nc\n")
        let imported = try guichet.run(["import", "tiers", csv, "--doublons", "signaler"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("1 paire de doublons probables dans la file « Doublons »"), imported.stdout)

        let session = try open(as: "asup")
        try session.waitFor("Doublons probables à revoir")
        try session.keys("D")
        try session.waitFor("1 paire à revoir")
        try session.waitFor("Paire n° 1 : fiche n° 1 WAMYTAN Hélène et fiche n° 3 OUAMYTAN Helene")
        try session.waitFor("F5 « même personne » fusionnera n° 3 dans n° 1 (F4 : l'inverse).")
        try session.keys("Enter")
        try session.waitFor("Paire n° 1 · probabilité")
        try session.waitFor("Courriel          ▸ —                             · helene.w@mail.nc")
        try session.waitFor("◂ ▸ valeur gardée par F5 : de n° 1, sauf de n° 3 : courriel")
        try session.waitFor("F5 « même personne » fusionnera n° 3 dans n° 1 (F4 : l'inverse) ;")
        try session.keys("F5")
        try session.waitFor("Paire n° 1 : même personne. Fiche n° 3 fusionnée dans n° 1")
        try session.waitFor("what the merge took, and how to undo it") { screen in
            screen.replacingOccurrences(of: "\n ", with: " ")
                .contains("(WAMYTAN Hélène) ; 1 valeur reprise de n° 3 : courriel ; Ctrl+D sur la fiche n° 1 la défait.")
        }
        try session.waitFor("Aucune paire à revoir")

        // The absorbed record, looked up by its old number, leads to the survivor.
        try session.keys("F3")
        try session.waitFor("Bonjour Anne Superviseure")
        try session.keys("F5")
        try session.type("n° 3")
        try session.waitFor("Fiche n° 3 fusionnée le")
        try session.waitFor("dans n° 1. Entrée : ouvrir n° 1")
        try session.waitFor("— personne n° 1")
        try session.keys("Enter")
        try session.waitFor("Personne n° 1 · version 2")
        try session.waitFor("helene.w@mail.nc")
        try session.waitFor("Mineur représenté → WAMYTAN Léa")

        // Undone from the survivor: both records as they were.
        try session.keys("C-d")
        try session.waitFor("Défaire la fusion avec n° 3 ?")
        try session.type("pas la même personne")
        try session.keys("Enter")
        try session.waitFor("Fusion défaite : n° 3 et n° 1 sont rétablies comme avant la fusion du")
        try session.keys("F3")
        let survivor = try session.waitFor("Fiche : WAMYTAN Hélène")
        XCTAssertFalse(survivor.contains("helene.w@mail.nc"), "the e-mail went back with n° 3: \(survivor)")
        try session.keys("F3")
        let search = try session.waitFor("OUAMYTAN Helene — personne n° 3")
        XCTAssertFalse(search.contains("fusionnée"), "back from the record, the search says what stands now: \(search)")
        try quit(session)

        let found = try guichet.run(["search", "n° 3"], as: "asup")
        XCTAssertTrue(found.stdout.hasPrefix("3\tOUAMYTAN Helene\t14/03/1985"), found.stdout)
        let parent = try guichet.run(["search", "wamytan hélène"], as: "asup")
        XCTAssertTrue(parent.stdout.hasPrefix("1\tWAMYTAN Hélène\t14/03/1985"), parent.stdout)
        let check = try guichet.run(["check"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }
}
