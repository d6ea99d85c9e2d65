import Foundation
import SIMSModel
import XCTest

/// A merge with the real binary in tmux: Hélène Wamytan was keyed twice; a superviseur merges the
/// two records on the command line, opens the absorbed one by its old number on the screen, is
/// led to the survivor, and undoes the merge from the history of the e-mail it brought. And an
/// edit form opened on the merged record is refused once the merge is undone and a colleague saved.
final class MergeJourneyTests: FamilyJourneyTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        let store = try SIMSStore.open(path: guichet.database)
        defer { try? store.close() }
        let agent = try AgentService(store: store).authenticate(login: "accueil1")
        let twin = try TierService(store: store).create(kind: .person, values: [
            .birthName: "Wamytan", .givenNames: "Hélène", .birthDate: "14/03/1985", .email: "helene.w@mail.nc",
        ], by: agent)
        XCTAssertEqual(twin.id, 3)
    }

    func testASuperviseurMergesFindsTheRedirectAndUndoesFromTheHistory() throws {
        let merged = try guichet.run(["doublons", "fusionner", "3", "\(family.parentID)", "--motif", "saisie en double"], as: "asup")
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertTrue(merged.stdout.hasPrefix("Fiche n° 3 fusionnée dans n° 1 (WAMYTAN Hélène) : 1 valeur reprise (Courriel)"),
                      merged.stdout)

        let screen = try openTheAbsorbedRecord()
        try screen.waitFor("helene.w@mail.nc")
        // Down to the e-mail, whose history shows (each line's history tells which field is selected).
        for _ in 0..<16 {
            try screen.keys("F5")   // nothing on the « Renouveler » line at the top
            Thread.sleep(forTimeInterval: 0.3)
            let shown = try screen.screen()
            if shown.contains("Historique : Courriel") { break }
            if shown.contains("Historique : ") {
                try screen.keys("F3")
                try screen.waitFor("Personne n° 1 · version 2")
            }
            try screen.keys("Down")
        }
        try screen.waitFor("Historique : Courriel")
        try screen.waitFor("Fusionnée avec n° 3 le")
        try screen.waitFor("n° 3 · déclaré au guic…")
        try screen.keys("C-d")
        try screen.waitFor("Défaire la fusion avec n° 3 ?")
        try screen.type("deux homonymes")
        try screen.keys("Enter")
        try screen.waitFor("Fusion défaite : n° 3 et n° 1 sont rétablies")
        try screen.waitFor("Aucune valeur n'a jamais été saisie.")
        try screen.keys("F3")
        try screen.waitFor("Personne n° 1 · version 3")   // a version never goes back
        try quit(screen)
        let found = try guichet.run(["search", "n° 3"], as: "asup")
        XCTAssertTrue(found.stdout.hasPrefix("3\tWAMYTAN Hélène\t14/03/1985"), found.stdout)
        let check = try guichet.run(["check"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }

    /// Anne opens the edit form of the merged record (version 2); the merge is undone and Lise
    /// saves the phone 27 33 66; Anne's save of 27 33 55 is refused, Lise's phone stays.
    func testAFormOpenedOnTheMergedRecordIsRefusedAfterTheUndoingAndAColleaguesSave() throws {
        XCTAssertEqual(try guichet.run(["doublons", "fusionner", "3", "\(family.parentID)"], as: "asup").status, 0)
        let screen = try openTheAbsorbedRecord()
        try screen.keys("F6")
        try screen.waitFor("Modification : WAMYTAN Hélène")

        let undone = try guichet.run(["doublons", "defaire-fusion", "3", "--motif", "deux homonymes"], as: "asup")
        XCTAssertEqual(undone.status, 0, undone.stderr)
        let store = try SIMSStore.open(path: guichet.database)
        let lise = try AgentService(store: store).authenticate(login: "accueil1")
        let tiers = TierService(store: store)
        let current = try tiers.snapshot(id: family.parentID)
        XCTAssertGreaterThan(current.version, 2, "the undoing gave a new version")
        try tiers.update(id: family.parentID, expectedVersion: current.version, changes: [.phone: "27 33 66"], by: lise)
        try store.close()

        for _ in 0..<9 { try screen.keys("Tab") }   // to Téléphone
        try screen.keys("C-u")
        try screen.type("27 33 55")
        try screen.keys("F10")
        try screen.waitFor("modifiée par quelqu'un d'autre")
        try screen.waitFor("Téléphone : « 27.33.66 » par accueil1")
        try quit(screen)
        let after = try SIMSStore.open(path: guichet.database)
        defer { try? after.close() }
        XCTAssertEqual(try TierService(store: after).snapshot(id: family.parentID).value(.phone), "273366", "Lise's phone stays")
        let check = try guichet.run(["check"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }

    /// Anne searches the absorbed record by its old number and is led to the merged one (version 2).
    private func openTheAbsorbedRecord() throws -> TmuxSession {
        let screen = try open(as: "asup")
        try screen.waitFor("Bonjour Anne Superviseure")
        try screen.keys("F5")
        try screen.type("n° 3")
        try screen.waitFor("Fiche n° 3 fusionnée le")
        try screen.waitFor("WAMYTAN Hélène — personne n° 1")
        try screen.keys("Enter")
        try screen.waitFor("Personne n° 1 · version 2")
        return screen
    }
}
