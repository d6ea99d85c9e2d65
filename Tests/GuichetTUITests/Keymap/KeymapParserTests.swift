import Foundation
import XCTest
@testable import GuichetTUI

final class KeymapParserTests: XCTestCase {
    private func parseError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> KeymapError? {
        do {
            _ = try Keymap.parse(text, fileName: "keymap.conf")
            XCTFail("expected an error", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testAGoodFileWithCommentsAndBlankLines() throws {
        let keymap = try Keymap.parse("""
            # Raccourcis du guichet
            bind generic F1 aide

            \tbind   saisie   F10   enregistrer   # F10 enregistre
            bind recherche F2 nouvelle-personne
            bind generic C-q quitter
            bind fiche M-h historique
            bind accueil é rechercher
            bind generic S-Tab champ-precedent
            """, fileName: "keymap.conf")
        XCTAssertEqual(keymap.action(for: .function(1), in: .generic), .aide)
        XCTAssertEqual(keymap.action(for: .function(10), in: .saisie), .enregistrer)
        XCTAssertEqual(keymap.action(for: .function(2), in: .recherche), .nouvellePersonne)
        XCTAssertEqual(keymap.action(for: .ctrl("q"), in: .generic), .quitter)
        XCTAssertEqual(keymap.action(for: .alt("h"), in: .fiche), .historique)
        XCTAssertEqual(keymap.action(for: .character("é"), in: .accueil), .rechercher)
        XCTAssertEqual(keymap.action(for: .backTab, in: .generic), .champPrecedent)
        XCTAssertEqual(keymap.bindings(in: .generic).count, 3)
    }

    func testWindowsLineEndingsAreAccepted() throws {
        let keymap = try Keymap.parse("bind generic F3 retour\r\nbind generic F12 annuler\r\n", fileName: "keymap.conf")
        XCTAssertEqual(keymap.action(for: .function(12), in: .generic), .annuler)
    }

    func testUnknownActionNamesTheFileTheLineAndTheWord() {
        let text = (1...11).map { "# commentaire \($0)" }.joined(separator: "\n") + "\nbind saisie F10 sauver\n"
        let error = parseError(text)
        XCTAssertEqual(error?.line, 12)
        XCTAssertEqual(error?.kind, .unknownAction("sauver"))
        XCTAssertEqual(error?.message, "keymap.conf, ligne 12 : action inconnue « sauver »")
    }

    func testALineHoldingAnEscapeSequenceIsShownEscaped() {
        let error = parseError("bind \u{1B}]0;pwned\u{07}\u{1B}[2J F1 aide")
        XCTAssertEqual(error?.message, "keymap.conf, ligne 1 : contexte inconnu « \\x1B]0;pwned\\x07\\x1B[2J » (contextes possibles : "
                       + KeymapContext.allCases.map(\.name).joined(separator: ", ") + ")")
    }

    func testAKeymapFileTooLargeIsRefusedWithItsSize() throws {
        let home = NSTemporaryDirectory() + "guichet-keymap-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.createDirectory(atPath: home + "/guichet", withIntermediateDirectories: true)
        let line = "bind generic F1 aide # " + String(repeating: "x", count: 1000) + "\n"
        try Data(String(repeating: line, count: 200).utf8).write(to: URL(fileURLWithPath: home + "/guichet/keymap.conf"))
        guard case .failure(let error) = KeymapLoader.load(environment: ["XDG_CONFIG_HOME": home]) else {
            return XCTFail("a 200 kB keymap was read")
        }
        XCTAssertEqual(error.message, home + "/guichet/keymap.conf : lecture impossible (fichier trop gros : 200 ko, "
                       + "64 ko au plus pour des lignes bind ; est-ce bien le fichier des touches ?)")
    }

    func testUnknownContext() {
        let error = parseError("bind generic F1 aide\nbind caisse F1 aide")
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.kind, .unknownContext("caisse"))
        XCTAssertEqual(error?.message,
                       "keymap.conf, ligne 2 : contexte inconnu « caisse » (contextes possibles : generic, accueil, recherche, fiche, saisie, catalogue, dossier, recepisse, numerisation, arrivees, documents, tableau, file, instruction, doublons, inactifs, aide)")
    }

    func testUnknownKeys() {
        for name in ["F13", "F0", "Ctrl-q", "C-1", "C-Up", "S-a", "ab", "Entrée"] {
            let error = parseError("bind generic \(name) aide")
            XCTAssertEqual(error?.kind, .unknownKey(name), name)
            XCTAssertEqual(error?.message, "keymap.conf, ligne 1 : touche inconnue « \(name) »")
        }
    }

    func testMalformedLines() {
        XCTAssertEqual(parseError("\n\nbind generic F1")?.message,
                       "keymap.conf, ligne 3 : ligne incomplète (attendu : bind <contexte> <touche> <action>)")
        XCTAssertEqual(parseError("set generic F1 aide")?.message,
                       "keymap.conf, ligne 1 : commande inconnue « set » (attendu : bind <contexte> <touche> <action>)")
        XCTAssertEqual(parseError("bind generic F1 aide maintenant")?.message,
                       "keymap.conf, ligne 1 : texte en trop après l'action : « maintenant »")
    }

    func testSameKeyTwiceInOneContextIsAnError() {
        let error = parseError("bind generic F1 aide\n\nbind generic F1 retour")
        XCTAssertEqual(error?.kind, .duplicateBinding(key: "F1", context: .generic, firstLine: 1))
        XCTAssertEqual(error?.message,
                       "keymap.conf, ligne 3 : touche « F1 » déjà liée dans le contexte « generic » à la ligne 1")
    }

    func testSameKeyInTwoContextsIsFine() throws {
        let keymap = try Keymap.parse("bind generic F3 retour\nbind accueil F3 quitter", fileName: "keymap.conf")
        XCTAssertEqual(keymap.action(for: .function(3), in: .accueil), .quitter)
        XCTAssertEqual(keymap.action(for: .function(3), in: .fiche), .retour)
    }

    func testErrorMessageUsesTheGivenFileName() {
        do {
            _ = try Keymap.parse("bind generic F1 sauver", fileName: "/home/agent/.config/guichet/keymap.conf")
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error.fileName, "/home/agent/.config/guichet/keymap.conf")
            XCTAssertEqual(error.description,
                           "/home/agent/.config/guichet/keymap.conf, ligne 1 : action inconnue « sauver »")
        }
    }
}
