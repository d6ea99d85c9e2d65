import Foundation
import XCTest

/// A person's erasure request handled at the counter, with the real binary in tmux: a superviseur
/// opens Hélène Wamytan's record, Ctrl-E lists what the law keeps (her grant under instruction, her
/// identity) and what goes (address, phone, the link to Léa), then erases with the request as
/// motif; a neighbour with no dossier is erased completely and only his number remains. The RGPD
/// export lists the erasure and `guichet check` stays sound.
final class ErasureJourneyTests: FamilyJourneyTestCase {
    override func setUpWithError() throws {
        try super.setUpWithError()
        let csv = guichet.write("voisin.csv", """
            type,nom_naissance,prenoms,sexe,date_naissance,commune,code_postal,telephone
            personne,Kaloi,Noé,M,10/10/1990,Dumbéa,98835,77 12 34

            """)
        XCTAssertEqual(try guichet.run(["import", "tiers", csv]).status, 0)
    }

    func testASuperviseurErasesWhatTheLawDoesNotKeep() throws {
        let session = try open(as: "asup")
        try session.waitFor("Bonjour Anne Superviseure")
        try session.openRecord(searching: "wamytan helene", name: "WAMYTAN Hélène")
        try session.keys("C-e")
        let form = try session.waitFor("Effacer les données de la personne (RGPD)")
        XCTAssertTrue(form.contains("Conservé (durée de conservation légale) :"), form)
        XCTAssertTrue(form.contains("- dossier BS-2026-000001 : en cours (déposé), conservé jusqu'à sa décision"), form)
        XCTAssertTrue(form.contains("- 4 faits et leur historique (adresse, commune, code postal, téléphone)"), form)
        XCTAssertTrue(form.contains("- 1 lien avec un autre tiers"), form)
        try session.type("Courrier de Mme Wamytan du 28/11/2026")
        try session.keys("Enter")
        let after = try session.waitFor("Données effacées, sauf ce que la loi conserve")
        XCTAssertFalse(after.contains("25.12.34") || after.contains("25 12 34"), "the phone is gone: \(after)")
        XCTAssertTrue(after.contains("14/03/1985"), "her identity stays: \(after)")
        XCTAssertTrue(after.contains("BS-2026-000001"), "her grant stays: \(after)")

        try session.keys("Escape")
        try session.waitFor("Recherche d'un tiers")
        try session.keys("C-u")
        try session.type("kaloi")
        try session.waitFor("KALOI Noé")
        try session.keys("Enter")
        try session.waitFor("Fiche : KALOI Noé")
        try session.keys("C-e")
        let whole = try session.waitFor("Effacer les données de la personne (RGPD)")
        XCTAssertTrue(whole.contains("Conservé (durée de conservation légale) : rien."), whole)
        XCTAssertTrue(whole.contains("- la fiche elle-même : il n'en restera que son numéro"), whole)
        try session.type("Demande au guichet, pièce d'identité vue")
        try session.keys("Enter")
        let back = try session.waitFor("reste que son numéro.")
        XCTAssertTrue(back.contains("Fiche n° 3 effacée le "), back)
        XCTAssertTrue(back.contains("Recherche d'un tiers"), back)
        XCTAssertFalse(back.contains("KALOI"), "the search no longer finds him: \(back)")
        try quit(session)

        let export = try guichet.run(["export", "tier", String(family.parentID)], as: "asup")
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(export.stdout.contains("\"effacements\""), export.stdout)
        XCTAssertTrue(export.stdout.contains("Courrier de Mme Wamytan du 28\\/11\\/2026") || export.stdout.contains("Courrier de Mme Wamytan du 28/11/2026"),
                      export.stdout)
        XCTAssertFalse(export.stdout.contains("Sébastopol"), export.stdout)
        let check = try guichet.run(["check"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        XCTAssertTrue(check.stdout.contains("effac"), check.stdout)
    }
}
