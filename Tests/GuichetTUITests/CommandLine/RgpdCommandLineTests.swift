import Foundation
import XCTest

/// `guichet rgpd …`, `export tier --motif` and `search` on a restricted tier, against the real binary.
final class RgpdCommandLineTests: XCTestCase {
    private var guichet: GuichetProcess!

    private static var shippedProcedures: String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("procedures").path
    }

    override func setUpWithError() throws {
        guard getuid() == 0 else { throw XCTSkip("these tests act as several logins through GUICHET_LOGIN, which only root may") }
        guichet = try GuichetProcess()
        XCTAssertEqual(try guichet.run(["init", "--name", "Administratrice"]).status, 0)
        try guichet.run(["agent", "add", "atein", "--name", "Anne Tein", "--role", "superviseur"])
        try guichet.run(["agent", "add", "accueil1", "--name", "Marie Gorodey", "--role", "accueil"])
        let csv = guichet.write("tiers.csv", """
            type,nom_naissance,prenoms,sexe,date_naissance,commune,code_postal
            personne,Wamytan,Hélène,F,14/03/1985,Nouméa,98800
            personne,Wamytan,Noé,M,10/10/2015,Nouméa,98800

            """)
        XCTAssertEqual(try guichet.run(["import", "tiers", csv]).status, 0)
    }

    override func tearDown() { guichet?.remove() }

    func testARestrictedTierIsSearchedByNameExportedAndListedOnlyWithAMotif() throws {
        let denied = try guichet.run(["rgpd", "limiter", "1", "--motif", "Contestation"], as: "accueil1")
        XCTAssertEqual(denied.status, 1)
        XCTAssertTrue(denied.stderr.contains("il faut être superviseur"), denied.stderr)
        let restricted = try guichet.run(["rgpd", "limiter", "1", "--motif", "Contestation de l'adresse"], as: "atein")
        XCTAssertEqual(restricted.status, 0, restricted.stderr)
        XCTAssertTrue(restricted.stdout.hasPrefix("Fiche n° 1 limitée le "), restricted.stdout)

        let found = try guichet.run(["search", "wamytan"], as: "accueil1")
        let lines = found.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains("1\tWAMYTAN Hélène\tlimitée (RGPD)\t\t"), found.stdout)
        XCTAssertTrue(lines.contains("2\tWAMYTAN Noé\t10/10/2015\tNouméa\t·"), found.stdout)
        XCTAssertFalse(found.stdout.contains("14/03/1985"), found.stdout)
        let json = try guichet.run(["search", "--json", "wamytan"], as: "accueil1")
        XCTAssertFalse(json.stdout.contains("1985-03-14"), json.stdout)
        XCTAssertTrue(json.stdout.contains("\"restricted\" : true"), json.stdout)

        let refused = try guichet.run(["export", "tier", "1"], as: "atein")
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stdout, "")
        XCTAssertTrue(refused.stderr.contains("« WAMYTAN Hélène » : traitement limité (RGPD)."), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("Relancez avec --motif \"…\""), refused.stderr)
        let exported = try guichet.run(["export", "tier", "1", "--motif", "Demande d'accès du 28/11/2026"], as: "atein")
        XCTAssertEqual(exported.status, 0, exported.stderr)
        XCTAssertTrue(exported.stdout.contains("\"limitations\""), exported.stdout)
        XCTAssertTrue(exported.stdout.contains("Contestation de l'adresse"), exported.stdout)

        XCTAssertEqual(try guichet.run(["rgpd", "consultations", "1"], as: "atein").status, 1)
        let badDate = try guichet.run(["rgpd", "consultations", "1", "--depuis", "31/02/2026", "--motif", "x"], as: "atein")
        XCTAssertEqual(badDate.status, 1)
        XCTAssertTrue(badDate.stderr.contains("--depuis : le 31/02/2026 n'existe pas"), badDate.stderr)
        let listing = try guichet.run(["rgpd", "consultations", "1", "--depuis", "01/11/2026", "--motif", "Demande de la personne"],
                                      as: "atein")
        XCTAssertEqual(listing.status, 0, listing.stderr)
        let text = listing.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(text.allSatisfy { $0.count <= 80 }, listing.stdout)
        XCTAssertEqual(text[0], "Consultations des données de WAMYTAN Hélène (fiche n° 1)")
        XCTAssertEqual(text[2], "Période : depuis le 01/11/2026")
        XCTAssertTrue(listing.stdout.contains("Anne Tein (atein)             export RGPD\n"
                                              + "                  motif : « Demande d'accès du 28/11/2026 »"), listing.stdout)
        let lifted = try guichet.run(["rgpd", "lever", "1", "--motif", "Adresse vérifiée"], as: "atein")
        XCTAssertEqual(lifted.status, 0, lifted.stderr)
        XCTAssertTrue(try guichet.run(["search", "wamytan"], as: "accueil1").stdout.contains("1\tWAMYTAN Hélène\t14/03/1985"))
        let check = try guichet.run(["check"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }

    func testARestrictedTierFoundByItsNumberOrAMergedNumberPrintsItsNameAlone() throws {
        let csv = guichet.write("doublon.csv", """
            type,nom_naissance,prenoms,sexe,date_naissance,commune,code_postal,telephone
            personne,Ouamytan,Helene,F,14/03/1985,Nouméa,98800,79 88 77

            """)
        XCTAssertEqual(try guichet.run(["import", "tiers", csv]).status, 0)
        XCTAssertEqual(try guichet.run(["rgpd", "limiter", "1", "--motif", "Contestation de l'adresse"], as: "atein").status, 0)
        for query in ["n° 1", "#1", "no 1"] {
            let plain = try guichet.run(["search", query], as: "accueil1")
            XCTAssertEqual(plain.status, 0, plain.stderr)
            XCTAssertEqual(plain.stdout, "1\tWAMYTAN Hélène\tlimitée (RGPD)\t\t\n", query)
            let json = try guichet.run(["search", "--json", query], as: "accueil1")
            XCTAssertEqual(json.status, 0, json.stderr)
            let hits = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            guard hits.count == 1 else { XCTFail("one hit expected for \(query): \(json.stdout)"); continue }
            XCTAssertEqual(Set(hits[0].keys), ["tierID", "kind", "displayName", "restricted"], json.stdout)
            XCTAssertEqual(hits[0]["restricted"] as? Bool, true)
            XCTAssertEqual(hits[0]["displayName"] as? String, "WAMYTAN Hélène")
        }
        // The bulk analysis finds the pair, without the reasons that compare her data.
        let analysis = try guichet.run(["doublons", "analyser", "--json"], as: "atein")
        XCTAssertEqual(analysis.status, 0, analysis.stderr)
        let pairs = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(analysis.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(pairs.count, 1, analysis.stdout)
        XCTAssertEqual(Set(pairs[0].keys), ["tier_a", "tier_b", "probabilite", "limitee"], analysis.stdout)
        XCTAssertEqual(pairs[0]["limitee"] as? Bool, true)
        // The merge of a restricted record needs the motif, recorded.
        let refused = try guichet.run(["doublons", "fusionner", "1", "3", "--garder", "1"], as: "atein")
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("« WAMYTAN Hélène » : traitement limité (RGPD)."), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("Relancez avec --motif \"…\""), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("pour les fusionner ; rien n'a été fait."), refused.stderr)
        let merged = try guichet.run(["doublons", "fusionner", "1", "3", "--garder", "1", "--motif", "Doublon signalé par la personne"],
                                     as: "atein")
        XCTAssertEqual(merged.status, 0, merged.stderr)
        // The survivor kept its own names at the merge (the same level: the record kept wins).
        let plain = try guichet.run(["search", "n° 3"], as: "accueil1")
        XCTAssertEqual(plain.stdout, "1\tWAMYTAN Hélène\tlimitée (RGPD)\t\t\n")
        XCTAssertTrue(plain.stderr.contains("Fiche n° 3 fusionnée le "), plain.stderr)
        let json = try guichet.run(["search", "--json", "n° 3"], as: "accueil1")
        let hits = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(Set(try XCTUnwrap(hits.first, json.stdout + json.stderr).keys),
                       ["tierID", "kind", "displayName", "restricted", "redirect"], json.stdout)
        XCTAssertFalse(json.stdout.contains("79"), "the absorbed record's phone: \(json.stdout)")
        XCTAssertFalse(json.stdout.contains("1985"), json.stdout)
        // A tier not restricted prints its data as before.
        let other = try guichet.run(["search", "--json", "#2"], as: "accueil1")
        XCTAssertTrue(other.stdout.contains("\"birthDate\" : \"2015-10-10\""), other.stdout)
        XCTAssertTrue(other.stdout.contains("\"restricted\" : false"), other.stdout)
        let check = try guichet.run(["check"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }

    func testTheRegisterIsForAdministratorsAsTextOrMarkdown() throws {
        let denied = try guichet.run(["rgpd", "registre", "--procedures", Self.shippedProcedures], as: "atein")
        XCTAssertEqual(denied.status, 1)
        XCTAssertTrue(denied.stderr.contains("il faut être administrateur"), denied.stderr)
        let text = try guichet.run(["rgpd", "registre", "--procedures", Self.shippedProcedures])
        XCTAssertEqual(text.status, 0, text.stderr)
        let lines = text.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 80 }, text.stdout)
        XCTAssertEqual(lines.first, "Registre des activités de traitement")
        XCTAssertEqual(lines.filter { $0.hasPrefix("Conservation : ") }.count, 5, text.stdout)
        XCTAssertTrue(text.stdout.contains("Constaté à l'édition de ce registre : base en mode 0600"), text.stdout)
        let markdown = try guichet.run(["rgpd", "registre", "--markdown", "--procedures", Self.shippedProcedures])
        XCTAssertTrue(markdown.stdout.hasPrefix("# Registre des activités de traitement\n"), markdown.stdout)
        XCTAssertTrue(markdown.stdout.contains("\n## Mesures de sécurité\n"), markdown.stdout)
    }

    func testAnErasureIsSimulatedThenMadeWithTheRequestAndExported() throws {
        let simulated = try guichet.run(["rgpd", "effacer", "2", "--simuler", "--procedures", Self.shippedProcedures], as: "atein")
        XCTAssertEqual(simulated.status, 0, simulated.stderr)
        XCTAssertEqual(simulated.stdout, """
            Effacement de la fiche n° 2 (WAMYTAN Noé), simulé : rien n'a été effacé.
            Conservé (durée de conservation légale) : rien.
            Serait effacé :
              - 6 faits et leur historique (nom de naissance, prénoms, sexe, date de
                naissance, commune, code postal)
              - la fiche elle-même : il n'en restera que son numéro

            """)
        let noMotif = try guichet.run(["rgpd", "effacer", "2", "--procedures", Self.shippedProcedures], as: "atein")
        XCTAssertEqual(noMotif.status, 1)
        XCTAssertTrue(noMotif.stderr.contains("Indiquez la demande de la personne avec --motif"), noMotif.stderr)
        let denied = try guichet.run(["rgpd", "effacer", "2", "--motif", "Demande", "--procedures", Self.shippedProcedures], as: "accueil1")
        XCTAssertEqual(denied.status, 1)
        XCTAssertTrue(denied.stderr.contains("il faut être superviseur"), denied.stderr)
        let erased = try guichet.run(["rgpd", "effacer", "2", "--motif", "Courrier du 28/11/2026", "--procedures", Self.shippedProcedures], as: "atein")
        XCTAssertEqual(erased.status, 0, erased.stderr)
        XCTAssertTrue(erased.stdout.hasPrefix("Fiche n° 2 effacée le "), erased.stdout)
        XCTAssertFalse(try guichet.run(["search", "wamytan"], as: "accueil1").stdout.contains("Noé"))
        let export = try guichet.run(["export", "tier", "2"], as: "atein")
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(export.stdout.contains("\"effacements\""), export.stdout)
        XCTAssertFalse(export.stdout.contains("10/10/2015") || export.stdout.contains("2015-10-10"), export.stdout)
        let listing = try guichet.run(["rgpd", "consultations", "2", "--motif", "Demande de la personne"], as: "atein")
        XCTAssertEqual(listing.status, 0, listing.stderr)
        XCTAssertTrue(listing.stdout.contains("Données effacées à la demande de la personne le "), listing.stdout)
        XCTAssertTrue(listing.stdout.contains("Courrier du 28/11/2026 » ; les consultations d'avant ont été"), listing.stdout)
        XCTAssertTrue(listing.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, listing.stdout)
        let again = try guichet.run(["rgpd", "effacer", "2", "--motif", "encore", "--procedures", Self.shippedProcedures], as: "atein")
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("Rien d'autre à effacer."), again.stderr)
        let check = try guichet.run(["check"])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
    }
}
