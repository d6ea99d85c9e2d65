import Foundation
import XCTest
@testable import GuichetTUI

final class KeymapLoaderTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-keymap-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func writeUserKeymap(_ text: String, under configHome: URL) throws -> String {
        let folder = configHome.appendingPathComponent("guichet")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("keymap.conf")
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file.path
    }

    func testUserFilePath() {
        XCTAssertEqual(KeymapLoader.userKeymapPath(environment: ["XDG_CONFIG_HOME": "/etc/xdg", "HOME": "/home/a"]),
                       "/etc/xdg/guichet/keymap.conf")
        XCTAssertEqual(KeymapLoader.userKeymapPath(environment: ["HOME": "/home/a"]),
                       "/home/a/.config/guichet/keymap.conf")
        XCTAssertEqual(KeymapLoader.userKeymapPath(environment: ["XDG_CONFIG_HOME": "relatif", "HOME": "/home/a"]),
                       "/home/a/.config/guichet/keymap.conf", "a relative XDG_CONFIG_HOME is ignored")
        XCTAssertNil(KeymapLoader.userKeymapPath(environment: [:]))
    }

    func testWithoutUserFileTheDefaultsApply() throws {
        let keymap = try KeymapLoader.load(environment: ["XDG_CONFIG_HOME": directory.path]).get()
        XCTAssertEqual(keymap, DefaultKeymap.keymap)
    }

    func testUserFileInXDGConfigHomeOverridesTheDefaults() throws {
        _ = try writeUserKeymap("# mes touches\nbind saisie F9 enregistrer\nbind generic F1 aucune\n", under: directory)
        let keymap = try KeymapLoader.load(environment: ["XDG_CONFIG_HOME": directory.path, "HOME": "/nonexistent"]).get()
        XCTAssertEqual(keymap.action(for: .function(9), in: .saisie), .enregistrer)
        XCTAssertEqual(keymap.action(for: .function(10), in: .saisie), .enregistrer)
        XCTAssertNil(keymap.action(for: .function(1), in: .saisie))
    }

    func testUserFileInHomeConfig() throws {
        _ = try writeUserKeymap("bind fiche F9 historique\n", under: directory.appendingPathComponent(".config"))
        let keymap = try KeymapLoader.load(environment: ["HOME": directory.path]).get()
        XCTAssertEqual(keymap.action(for: .function(9), in: .fiche), .historique)
    }

    func testABrokenUserFileIsReportedWithItsPathAndLine() throws {
        let path = try writeUserKeymap("bind saisie F9 enregistrer\nbind saisie F10 sauver\n", under: directory)
        switch KeymapLoader.load(environment: ["XDG_CONFIG_HOME": directory.path]) {
        case .success:
            XCTFail("expected an error")
        case .failure(let error):
            XCTAssertEqual(error.fileName, path)
            XCTAssertEqual(error.line, 2)
            XCTAssertEqual(error.message, "\(path), ligne 2 : action inconnue « sauver »")
        }
    }

    func testAFileThatIsNotUTF8IsReported() throws {
        let path = try writeUserKeymap("", under: directory)
        try Data([0x62, 0x69, 0x6E, 0x64, 0x20, 0xE9, 0xFF]).write(to: URL(fileURLWithPath: path))
        let result = KeymapLoader.load(environment: ["XDG_CONFIG_HOME": directory.path])
        XCTAssertEqual(result.failureMessage, "\(path) : lecture impossible (le fichier n'est pas en UTF-8)")
    }
}

private extension Result where Failure == KeymapError {
    var failureMessage: String? {
        if case .failure(let error) = self { return error.message }
        return nil
    }
}
