import Foundation
import XCTest

/// A person's restriction request, with the real binary in tmux: a superviseur limits Hélène
/// Wamytan's record (Ctrl-R, motif); the counter agent finds her by name only and opens her record
/// after giving the motif; `guichet rgpd consultations` then lists that consultation and its motif.
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
        try quit(counter)

        let listing = try guichet.run(["rgpd", "consultations", String(family.parentID), "--motif", "Demande de la personne"],
                                      as: "asup")
        XCTAssertEqual(listing.status, 0, listing.stderr)
        XCTAssertTrue(listing.stdout.contains("Traitement limité le "), listing.stdout)
        XCTAssertTrue(listing.stdout.contains("Marie Gorodey (accueil1)      fiche\n"
                                              + "                  motif : « Dépôt d'une pièce au guichet »"), listing.stdout)
        XCTAssertTrue(listing.stdout.contains("Anne Superviseure (asup)      fiche\n"), "the superviseur's own opening: \(listing.stdout)")
        let check = try guichet.run(["check"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }
}
