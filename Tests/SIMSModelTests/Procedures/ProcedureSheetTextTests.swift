import XCTest
@testable import SIMSModel

final class ProcedureSheetTextTests: XCTestCase {
    func testTheFicheIsRenderedWithItsSectionsPiecesAndInstruction() throws {
        let procedure = try ProcedureFileParser.parse(ProcedureFixture.valid, file: "procedures/test.yaml")
        XCTAssertEqual(ProcedureSheetText.render(procedure, width: 100), """
            Demande de bourse scolaire
            Code de la démarche : BS
            Demandeur : une personne ; bénéficiaire : Enfant
            Renouvelle les dossiers : BS
            ================================================

            Qui peut demander
            -----------------
            Le parent d'un enfant scolarisé.

            Ce que la démarche apporte
            --------------------------
            Une aide aux frais de scolarité.

            Pièces à fournir
            ----------------
            Un justificatif de domicile.

            Délais
            ------
            Réponse en 45 jours.

            Pièces vérifiées au guichet
            ---------------------------
            - Justificatif de domicile (demandeur), de moins de 3 mois
            - Certificat de scolarité de l'enfant (enfant), de moins de 200 jours, facultative

            Instruction
            -----------
            Validation : 2 niveaux (un instructeur propose, un superviseur valide).
            Délai de décision : 45 jours après le dépôt du dossier complet.
            Conservation : 10 ans après la clôture du dossier.

            """)
    }

    func testLongLinesAreWrappedWithTheirIndent() {
        XCTAssertEqual(ProcedureSheetText.wrap("- un deux trois quatre", width: 12), ["- un deux", "  trois", "  quatre"])
        XCTAssertEqual(ProcedureSheetText.wrap("  suite d'une liste", width: 10), ["  suite", "  d'une", "  liste"])
        XCTAssertEqual(ProcedureSheetText.wrap("anticonstitutionnellement oui", width: 10), ["anticonstitutionnellement", "oui"])
        XCTAssertEqual(ProcedureSheetText.wrap("court", width: 10), ["court"])
    }

    func testTheShippedGrantFichePrintsWithinEightyColumns() throws {
        let catalog = try ProcedureCatalog.load(directory: ProcedureFixture.shippedDirectory)
        for procedure in catalog.procedures {
            let text = ProcedureSheetText.render(procedure)
            for line in text.split(separator: "\n") {
                XCTAssertLessThanOrEqual(line.count, 78, "\(procedure.code): \(line)")
            }
        }
        let grant = ProcedureSheetText.render(try XCTUnwrap(catalog.procedure(code: "BS")))
        XCTAssertTrue(grant.hasPrefix("Demande de bourse scolaire\nCode de la démarche : BS\n"), grant)
        for expected in ["Qui peut demander\n", "Pièces à fournir\n", "- Justificatif de domicile (demandeur), de moins de 3 mois\n",
                         "- Certificat de scolarité de l'enfant (enfant), de moins de 12 mois\n",
                         "- Avis d'imposition ou de non-imposition du foyer (demandeur), de moins de 18\n  mois\n",
                         "Validation : 2 niveaux", "Délai de décision : 45 jours"] {
            XCTAssertTrue(grant.contains(expected), "« \(expected) » not in:\n\(grant)")
        }
        let enrolment = ProcedureSheetText.render(try XCTUnwrap(catalog.procedure(code: "IS")))
        XCTAssertTrue(enrolment.contains("Validation : 1 niveau (un instructeur décide)."), enrolment)
    }
}
