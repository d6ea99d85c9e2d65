import Foundation
import SIMSModel
import XCTest

/// At the counter, the agent scans a parent's proof of address straight into her renewal: the
/// real binary in tmux, SANE's test backend as the scanner (its feeder set to give 2 pages).
final class ScanJourneyTests: XCTestCase {
    private var guichet: GuichetProcess!
    private var tmux: TmuxSession?
    private var parentID: Int64 = 0

    static func installed(_ command: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(command)") }
    }

    override func setUpWithError() throws {
        guard TmuxSession.tmux != nil else { throw XCTSkip("tmux is not installed (.ci/setup installs it)") }
        guard getuid() == 0 else { throw XCTSkip("the journey acts as a counter login through GUICHET_LOGIN, which only root may") }
        guard Self.installed("scanimage"), Self.installed("img2pdf") else { throw XCTSkip("scanimage and img2pdf are needed") }
        guichet = try GuichetProcess()
        parentID = try JourneyFamily.file(in: guichet).parentID
        // SANE with only its test backend: a virtual scanner, /etc/sane.d untouched.
        let sane = guichet.directory + "/sane.d"
        try FileManager.default.createDirectory(atPath: sane, withIntermediateDirectories: true)
        _ = guichet.write("sane.d/dll.conf", "test\n")
        _ = guichet.write("sane.d/test.conf", "number_of_devices 1\n")
    }

    override func tearDown() {
        tmux?.kill()
        guichet?.remove()
    }

    func testTheAgentScansAProofOfAddressIntoARenewal() throws {
        let scanner = ["SANE_CONFIG_DIR": guichet.directory + "/sane.d", "GUICHET_SCANNER": "test",
                       "GUICHET_SCANNER_SOURCE": "Automatic Document Feeder", "GUICHET_SCANNER_PAGES": "2"]
        let tmux = try TmuxSession([GuichetProcess.executable],
                                   environment: JourneyFamily.environment(guichet, login: "accueil1").merging(scanner) { $1 })
        self.tmux = tmux
        try JourneyFamily.startRenewal(in: tmux)
        try tmux.keys("Enter")
        try tmux.waitFor("reprend BS-")
        try tmux.keys("F5")
        try tmux.waitFor("Pièces demandées et leur état")
        try tmux.waitFor("✗ Justificatif de domicile")
        try tmux.keys("F9")                                     // the selected piece: Justificatif de domicile
        try tmux.waitFor("Pièce jointe : Justificatif de domicile (2 pages)", timeout: 20)
        try tmux.keys("F3")
        let pieces = try tmux.waitFor("jointe au dossier : Justificatif de domicile")
        XCTAssertTrue(pieces.contains("✓ Justificatif de domicile"), pieces)
        XCTAssertTrue(pieces.contains("Pièce jointe : Justificatif de domicile (2 pages)."), pieces)
        try tmux.keys("C-q")
        try tmux.waitFor("the application quits", { _ in (try? tmux.hasExited()) == true })

        let store = try SIMSStore.open(path: guichet.database)
        let agent = try AgentService(store: store).authenticate(login: "accueil1")
        let draft = try XCTUnwrap(DossierService(store: store).drafts(agentID: agent.id).first)
        let documents = try DocumentService(store: store).documents(ofDossier: draft.dossierID)
        XCTAssertEqual(documents.count, 1)
        XCTAssertEqual(documents.first?.type, .proofOfAddress)
        XCTAssertEqual(documents.first?.pages, 2)
        XCTAssertEqual(documents.first?.ownerIDs, [parentID])
        let dossier = try DossierService(store: store).dossier(id: draft.dossierID)
        XCTAssertEqual(dossier.pieces["domicile"], .reused(documentID: documents[0].id))
        let file = try XCTUnwrap(documents.first.flatMap { DocumentService(store: store).fileURL(of: $0) })
        XCTAssertEqual(try Data(contentsOf: file).prefix(4), Data("%PDF".utf8))
    }
}
