import Foundation
import SIMSModel
import XCTest

/// A `guichet` started while `guichet restaurer` swaps the store waits for the restored store,
/// instead of opening the one being put aside.
final class RestoreRaceTests: XCTestCase {
    private var guichet: GuichetProcess!

    override func setUpWithError() throws {
        guichet = try GuichetProcess()
        XCTAssertEqual(try guichet.run(["init"]).status, 0)
    }

    override func tearDown() { guichet?.remove() }

    func testAGuichetStartingDuringTheSwapWaitsThenOpensTheRestoredStore() throws {
        let other = try GuichetProcess()
        defer { other.remove() }
        XCTAssertEqual(try other.run(["init"]).status, 0)
        XCTAssertEqual(try other.run(["demo-data", "--tiers", "3"]).status, 0)

        let err = Pipe(), out = Pipe()
        let starting = Process()
        try StoreSessions.exclusively(storePath: guichet.database, action: "Restauration") {
            starting.executableURL = URL(fileURLWithPath: GuichetProcess.executable)
            starting.arguments = ["summary", "--db", guichet.database]
            starting.environment = ProcessInfo.processInfo.environment.merging(["GUICHET_LOGIN": "admin"]) { $1 }
            starting.standardOutput = out
            starting.standardError = err
            try starting.run()
            Thread.sleep(forTimeInterval: 1)
            XCTAssertTrue(starting.isRunning, "a guichet must wait while the store is swapped")
            // The swap: the store put aside, another put in its place.
            for suffix in ["", "-wal", "-shm"] {
                rename(guichet.database + suffix, guichet.database + ".avant" + suffix)
                rename(other.database + suffix, guichet.database + suffix)
            }
        }
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let said = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        starting.waitUntilExit()
        XCTAssertEqual(starting.terminationStatus, 0, said)
        XCTAssertTrue(said.contains("La base est en cours de restauration : Guichet attend la fin de la remise en place…"), said)
        XCTAssertTrue(printed.contains("personnes"), printed)
        XCTAssertFalse(printed.contains("0 personne, 0 organisation"), "the restored store's figures, not the old one's: \(printed)")
    }
}
