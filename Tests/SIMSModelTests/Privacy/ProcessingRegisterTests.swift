import Foundation
import XCTest
@testable import SIMSModel

/// The register of processing generated from the five shipped procedures: the lines a reader
/// needs for each, within 80 columns, and the same as Markdown.
final class ProcessingRegisterTests: XCTestCase {
    var register: ProcessingRegister!

    override func setUpWithError() throws {
        let catalog = try ProcedureCatalog.load(directory: ProcedureFixture.shippedDirectory)
        register = ProcessingRegister(catalog: catalog, storePath: "/nonexistent/sims.sqlite",
                                      madeOn: CalendarDate(iso: "2026-12-03")!)
    }

    func testThePlainTextNamesEachProcedureWithItsDataPiecesRolesAndRetention() throws {
        let text = ProcessingRegisterText.render(register, markdown: false)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(lines.allSatisfy { $0.count <= 80 }, lines.filter { $0.count > 80 }.joined(separator: "\n"))
        XCTAssertEqual(lines[0], "Registre des activités de traitement")
        XCTAssertTrue(lines.contains("Édité le 03/12/2026 à partir des 5 démarches du catalogue."), text)
        for heading in [". Demande de bourse scolaire (BS)", "Renouvellement de bourse scolaire (RBS)",
                        "Demande d'inscription scolaire (IS)", "Demande de bourse d'études supérieures (BES)",
                        "Demande de licence de débit de boissons (LDB)"] {
            XCTAssertTrue(lines.contains { $0.hasSuffix(heading) }, "missing « \(heading) »")
        }
        let grant = section(text, "Demande de bourse scolaire (BS)")
        XCTAssertTrue(grant.contains("Finalité : La bourse prend en charge une partie des frais de scolarité"), grant)
        XCTAssertTrue(grant.contains("Personnes concernées : le demandeur (une personne) ; bénéficiaire : enfant, dont\nle demandeur est représentant légal ou parent"), grant)
        XCTAssertTrue(grant.contains("Données du demandeur : Nom de naissance"), grant)
        XCTAssertTrue(grant.contains("Données du bénéficiaire :"), grant)
        XCTAssertTrue(grant.contains("- Justificatif de domicile (demandeur), de moins de 3 mois"), grant)
        XCTAssertTrue(grant.contains("- superviseurs : validation de la décision (second niveau)"), grant)
        XCTAssertTrue(grant.contains("Conservation : 10 ans après la clôture du dossier (décision), puis effacement."), grant)
        XCTAssertTrue(grant.contains("Défini par : bourse-scolaire.yaml"), grant)
        let licence = section(text, "Demande de licence de débit de boissons (LDB)")
        XCTAssertTrue(licence.contains("Personnes concernées : le demandeur (une organisation)"), licence)
        XCTAssertTrue(licence.contains("Données du demandeur : Raison sociale, RIDET"), licence)
        XCTAssertFalse(licence.contains("Données du bénéficiaire"), licence)
        XCTAssertTrue(licence.contains("  classe de licence : 3e classe ou 5e classe"), licence)
        XCTAssertTrue(licence.contains("\n  - 3e classe : commerce de détail, vente à emporter et à distance ;\n"), licence)
        let measures = section(text, "Mesures de sécurité")
        XCTAssertTrue(measures.contains("fichiers 0600"), measures)
        XCTAssertTrue(measures.contains("Journal d'audit chaîné (SHA-256)"), measures)
        XCTAssertTrue(measures.contains("tier_restriction"), "the attested tables are those of the code")
        XCTAssertTrue(measures.contains("guichet sauvegarde"), measures)
    }

    func testMarkdownHasTheSameContentAsHeadingsAndLists() throws {
        let markdown = ProcessingRegisterText.render(register, markdown: true)
        XCTAssertTrue(markdown.hasPrefix("# Registre des activités de traitement\n"))
        let lines = markdown.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.filter { $0.hasPrefix("## ") }.count, 6, "five procedures and the measures")
        XCTAssertTrue(lines.contains { $0.hasPrefix("## ") && $0.hasSuffix(". Demande de bourse scolaire (BS)") }, markdown)
        XCTAssertTrue(lines.contains { $0.hasPrefix("- **Finalité** : La bourse prend en charge une partie des frais de scolarité") })
        XCTAssertTrue(markdown.contains("- **Conservation** : 10 ans après la clôture du dossier (décision), puis effacement."))
        XCTAssertTrue(markdown.contains("- **Pièces justificatives** :\n  - "), markdown)
        XCTAssertTrue(markdown.contains("\n## Mesures de sécurité\n"), markdown)
    }

    /// The lines of one section of the plain text, from its heading to the next one.
    func section(_ text: String, _ heading: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasSuffix(heading) }) else { return "" }
        var end = start + 2
        while end < lines.count, !(end + 1 < lines.count && lines[end + 1].allSatisfy { $0 == "-" } && !lines[end + 1].isEmpty) {
            end += 1
        }
        return lines[start..<end].joined(separator: "\n")
    }
}
