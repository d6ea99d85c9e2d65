import Foundation
import XCTest
import SIMSModel

/// Inactive persons, with the real binary in tmux: Paul Ancien, keyed at the counter in 2019 and
/// not seen since, is listed by `guichet rgpd inactifs` and on the superviseur's screen (i on the
/// home screen); Enter opens his record; F5 « Conserver » with a motif takes him off the list;
/// `check` still passes.
final class InactiveTierJourneyTests: FamilyJourneyTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        var components = DateComponents(year: 2019, month: 3, day: 14, hour: 9)
        components.timeZone = TimeZone(identifier: "Pacific/Noumea")
        let then = try SIMSStore.open(path: guichet.database, clock: .fixed(try XCTUnwrap(Calendar(identifier: .gregorian).date(from: components))))
        defer { try? then.close() }
        let counter = try AgentService(store: then).authenticate(login: "accueil1")
        _ = try TierService(store: then).create(kind: .person, values: [.birthName: "Ancien", .givenNames: "Paul",
                                                                        .birthDate: "01/02/1950"], by: counter)
    }

    func testASuperviseurFindsTheInactivePersonOpensHimAndKeepsHim() throws {
        let listing = try guichet.run(["rgpd", "inactifs", "--procedures", JourneyFamily.proceduresDirectory], as: "asup")
        XCTAssertEqual(listing.status, 0, listing.stderr)
        XCTAssertTrue(listing.stdout.contains("ANCIEN Paul" + String(repeating: " ", count: 13) + "14/03/2019     aucun dossier\n"), listing.stdout)
        XCTAssertTrue(listing.stdout.contains("\n1 fiche inactive.\nPour chacune : « Effacement » sur sa fiche"), listing.stdout)
        XCTAssertFalse(listing.stdout.contains("WAMYTAN"), "the family came this year: \(listing.stdout)")
        let refused = try guichet.run(["rgpd", "inactifs", "--annees", "0"], as: "asup")
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("--annees = 0 : donnez un nombre d'années entre 1 et 100 (par défaut 5)."), refused.stderr)
        let counterRefused = try guichet.run(["rgpd", "inactifs"], as: "accueil1")
        XCTAssertEqual(counterRefused.status, 1, counterRefused.stdout)

        let session = try open(as: "asup")
        try session.waitFor("Bonjour Anne Superviseure")
        try session.waitFor("Fiches inactives à effacer ou conserver")
        try session.keys("i")
        try session.waitFor("1 fiche inactive : sans activité depuis le")
        let list = try session.waitFor("ANCIEN Paul")
        XCTAssertTrue(list.contains("14/03/2019      aucun dossier"), list)
        XCTAssertTrue(list.contains("F5Conserv."), list)
        try session.keys("Enter")
        try session.waitFor("Fiche : ANCIEN Paul")
        try session.keys("F3")
        try session.waitFor("1 fiche inactive : sans activité depuis le")
        try session.keys("F5")
        try session.waitFor("Conserver : ANCIEN Paul")
        try session.type("Contentieux en cours")
        try session.keys("Enter")
        let kept = try session.waitFor("« ANCIEN Paul » conservée : hors de la liste jusqu'au")
        XCTAssertTrue(kept.contains("0 fiche") || kept.contains("Aucune fiche inactive"), kept)
        XCTAssertTrue(kept.contains("Aucune fiche inactive"), kept)
        try quit(session)

        let after = try guichet.run(["rgpd", "inactifs", "--json", "--procedures", JourneyFamily.proceduresDirectory], as: "asup")
        XCTAssertEqual(after.status, 0, after.stderr)
        XCTAssertTrue(after.stdout.contains("\"total\":0"), after.stdout)
        let check = try guichet.run(["check"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }
}
