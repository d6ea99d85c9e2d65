import Foundation
import XCTest
@testable import SIMSModel

/// Procedure files for the tests: a small valid one with known line numbers, edited line by line.
enum ProcedureFixture {
    /// A valid procedure using every feature of the format; the comments give the line numbers.
    static let valid = """
        code: BS
        titre: Demande de bourse scolaire
        demandeur: personne
        beneficiaire:
          libelle: Enfant
          relations: [representant_legal, parent]
        renouvelle: [BS]
        niveaux_validation: 2
        delai_jours: 45
        conservation_ans: 10
        fiche:
          qui_peut_demander: |
            Le parent d'un enfant scolarisé.
          ce_que_la_demarche_apporte: Une aide aux frais de scolarité.
          pieces_a_fournir: Un justificatif de domicile.
          delais: Réponse en 45 jours.
        champs:
          - lie_a: demandeur.nom_naissance
            obligatoire: oui
          - lie_a: beneficiaire.prenoms
            libelle: Prénoms de l'enfant
            aide: Tous les prénoms, dans l'ordre de l'état civil.
          - nom: etablissement
            libelle: Établissement scolaire
            type: texte
            longueur_max: 80
            obligatoire: oui
          - nom: classe
            libelle: Classe
            type: choix
            choix: [CP, CE1, CE2]
          - nom: enfants
            libelle: Enfants à charge
            type: entier
            min: 1
            max: 20
          - nom: revenus
            libelle: Revenus
            type: montant
          - nom: rentree
            libelle: Date de rentrée
            type: date
          - nom: internat
            libelle: Interne
            type: oui_non
          - nom: remarque
            libelle: Remarque
            type: texte
        pieces:
          - cle: domicile
            type: justificatif_domicile
            age_max_mois: 3
          - cle: scolarite
            type: certificat_scolarite
            libelle: Certificat de scolarité de l'enfant
            age_max_jours: 200
            concerne: beneficiaire
            obligatoire: non

        """

    /// `valid` with line `number` (1-based) replaced by `lines` (none removes it).
    static func editing(_ number: Int, _ lines: String..., in text: String = valid) -> String {
        var all = text.components(separatedBy: "\n")
        all.replaceSubrange((number - 1)..<number, with: lines)
        return all.joined(separator: "\n")
    }

    /// `valid` with lines `range` (1-based, inclusive) replaced by `lines`.
    static func editing(_ range: ClosedRange<Int>, _ lines: String..., in text: String = valid) -> String {
        var all = text.components(separatedBy: "\n")
        all.replaceSubrange((range.lowerBound - 1)..<range.upperBound, with: lines)
        return all.joined(separator: "\n")
    }

    /// The repository's root, found from this file's path.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent() // Procedures
            .deletingLastPathComponent() // SIMSModelTests
            .deletingLastPathComponent() // Tests
            .deletingLastPathComponent()
    }

    /// The procedures shipped in `procedures/`.
    static var shippedDirectory: URL { repositoryRoot.appendingPathComponent("procedures", isDirectory: true) }

    /// A new empty temporary folder named `name` (its parent is unique).
    static func temporaryDirectory(_ name: String = "procedures") throws -> URL {
        let url = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("guichet-procedures-" + UUID().uuidString)
            .appendingPathComponent(name, isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` into `directory/name`.
    static func write(_ text: String, _ name: String, in directory: URL) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }

    /// Removes a folder made by ``temporaryDirectory(_:)`` with its parent.
    static func remove(_ directory: URL) {
        try? FileManager.default.removeItem(at: directory.deletingLastPathComponent())
    }
}

extension XCTestCase {
    /// Parses `text` expecting an error at `line` on `field` whose message holds every one of
    /// `fragments`; returns the error.
    @discardableResult
    func assertProcedureError(
        _ text: String, line: Int?, field: String?, _ fragments: String...,
        file: StaticString = #filePath, testLine: UInt = #line
    ) -> ProcedureFileError? {
        do {
            let procedure = try ProcedureFileParser.parse(text, file: "procedures/test.yaml")
            XCTFail("parsed without error: \(procedure.code)", file: file, line: testLine)
            return nil
        } catch {
            XCTAssertEqual(error.file, "procedures/test.yaml", file: file, line: testLine)
            XCTAssertEqual(error.line, line, "\(error)", file: file, line: testLine)
            XCTAssertEqual(error.field, field, "\(error)", file: file, line: testLine)
            for fragment in fragments {
                XCTAssertTrue(error.message.contains(fragment), "« \(fragment) » not in: \(error.message)", file: file, line: testLine)
            }
            XCTAssertTrue(error.message.hasSuffix("."), error.message, file: file, line: testLine)
            return error
        }
    }
}
