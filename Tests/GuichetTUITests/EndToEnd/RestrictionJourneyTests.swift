import Foundation
import XCTest

/// A person's restriction request, with the real binary in tmux: a superviseur limits Hélène
/// Wamytan's record (Ctrl-R, motif); the counter agent finds her by name only and opens her record
/// after giving the motif; back from it (F3) and found by her number (« n° N »), she shows by name
/// only again and opens after a new motif; `guichet rgpd consultations` then lists those
/// consultations and their motifs.
final class RestrictionJourneyTests: FamilyJourneyTestCase {

    func testASuperviseurLimitsTheAgentGivesTheMotifTheListingShowsIt() throws {
        let supervisor = try open(as: "asup")
        try supervisor.waitFor("Bonjour Anne Superviseure")
        try supervisor.openRecord(searching: "wamytan helene", name: "WAMYTAN Hélène")
        try supervisor.keys("C-r")
        try supervisor.waitFor("Limiter le traitement (RGPD)")
        try supervisor.type("Contestation de l'adresse, courrier du 28/11/2026")
        try supervisor.keys("Enter")
        try supervisor.waitFor("Fiche limitée (RGPD) : « Contestation de l'adresse, courrier du 28/11/2026 ».")
        let limited = try supervisor.waitFor("limitée (RGPD) · Personne n° \(family.parentID)")
        XCTAssertFalse(limited.contains("Limiter le traitement (RGPD)"), "the form closed: \(limited)")
        try quit(supervisor)

        let counter = try open(as: "accueil1")
        try counter.waitFor("Bonjour Marie Gorodey")
        try counter.keys("F5")
        try counter.type("wamytan")
        let found = try counter.waitFor("Traitement limité (RGPD)")
        XCTAssertTrue(found.contains("limitée"), found)
        XCTAssertFalse(found.contains("14/03/1985"), "her birth date is not shown: \(found)")
        XCTAssertTrue(found.contains("02/05/2016"), "Léa is not restricted: \(found)")
        try counter.keys("Enter")
        try counter.waitFor("Motif de la consultation")
        try counter.keys("Enter")
        try counter.waitFor("Motif : indiquez le motif de la consultation.")
        try counter.type("Dépôt d'une pièce au guichet")
        try counter.keys("Enter")
        let record = try counter.waitFor("Fiche : WAMYTAN Hélène")
        XCTAssertTrue(record.contains("14/03/1985"), record)
        try counter.waitFor("Fiche limitée : consultation enregistrée avec le motif « Dépôt d'une pièce au")
        // F3 back to the search, then her number: her name only, until the motif is given again.
        try counter.keys("F3")
        let back = try counter.waitFor("Rechercher : wamytan")
        XCTAssertFalse(back.contains("14/03/1985"), "back from the record, her data is hidden again: \(back)")
        for _ in 0..<7 { try counter.keys("BSpace") }
        try counter.type("n° \(family.parentID)")
        let numbered = try counter.waitFor("1 résultat")
        XCTAssertTrue(numbered.contains("WAMYTAN Hélène — personne n° \(family.parentID)"), numbered)
        XCTAssertTrue(numbered.contains("Traitement limité (RGPD)"), numbered)
        XCTAssertFalse(numbered.contains("14/03/1985"), "found by her number, her data is hidden: \(numbered)")
        try counter.keys("Enter")
        let asked = try counter.waitFor("Motif de la consultation")
        XCTAssertFalse(asked.contains("14/03/1985"), asked)
        try counter.type("Rendez-vous au guichet")
        try counter.keys("Enter")
        let reopened = try counter.waitFor("Fiche : WAMYTAN Hélène")
        XCTAssertTrue(reopened.contains("14/03/1985"), reopened)
        try quit(counter)

        let json = try guichet.run(["search", "--json", "n° \(family.parentID)"], as: "accueil1")
        XCTAssertEqual(json.status, 0, json.stderr)
        XCTAssertTrue(json.stdout.contains("\"restricted\" : true"), json.stdout)
        XCTAssertFalse(json.stdout.contains("1985-03-14"), json.stdout)

        let listing = try guichet.run(["rgpd", "consultations", String(family.parentID), "--motif", "Demande de la personne"],
                                      as: "asup")
        XCTAssertEqual(listing.status, 0, listing.stderr)
        XCTAssertTrue(listing.stdout.contains("Traitement limité le "), listing.stdout)
        XCTAssertTrue(listing.stdout.contains("Marie Gorodey (accueil1)      fiche\n"
                                              + "                  motif : « Dépôt d'une pièce au guichet »"), listing.stdout)
        XCTAssertTrue(listing.stdout.contains("Marie Gorodey (accueil1)      fiche\n"
                                              + "                  motif : « Rendez-vous au guichet »"), listing.stdout)
        XCTAssertTrue(listing.stdout.contains("Anne Superviseure (asup)      fiche\n"), "the superviseur's own opening: \(listing.stdout)")
        let check = try guichet.run(["check"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }
}
