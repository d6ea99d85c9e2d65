import Foundation
import SIMSModel
import XCTest

/// « Prendre le suivant » from eight processes at once: no dossier is ever claimed twice.
final class ClaimRaceTests: XCTestCase {
    private var guichet: GuichetProcess!

    override func setUpWithError() throws {
        guard getuid() == 0 else { throw XCTSkip("the processes act as several logins through GUICHET_LOGIN, which only root may") }
        guichet = try GuichetProcess()
        XCTAssertEqual(try guichet.run(["init"]).status, 0)
        for index in 1...8 {
            XCTAssertEqual(try guichet.run(["agent", "add", "instr\(index)", "--name", "Instructeur " + String(UnicodeScalar(UInt8(64 + index))),
                                            "--role", "instructeur"]).status, 0)
        }
        XCTAssertEqual(try guichet.run(["agent", "add", "accueil1", "--name", "Marie Gorodey", "--role", "accueil"]).status, 0)
    }

    override func tearDown() { guichet?.remove() }

    func testEightProcessesTakingTheNextNeverGetTheSameDossier() throws {
        let deposited = try guichet.depositGrants(30)
        let outputs = Outputs()
        let guichet = self.guichet!
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            let result = try? guichet.run(["dossier", "suivant", "--count", "6"], as: "instr\(index + 1)")
            outputs.add(result?.stdout ?? "", status: result?.status ?? -1)
        }
        XCTAssertEqual(outputs.statuses, Array(repeating: 0, count: 8))
        let taken = outputs.lines.filter { $0.hasPrefix("BS-") }.map { String($0.split(separator: "\t")[0]) }
        XCTAssertEqual(taken.count, 30, "48 attempts for 30 dossiers: each taken once")
        XCTAssertEqual(Set(taken), Set(deposited), "no dossier claimed twice, none left")
        let empty = try guichet.run(["dossier", "suivant"], as: "instr1")
        XCTAssertEqual(empty.stdout, "File vide : aucun dossier déposé à prendre.\n")
        let refused = try guichet.run(["dossier", "suivant"], as: "accueil1")
        XCTAssertTrue(refused.stderr.contains("il faut être instructeur ou superviseur"), refused.stderr)
    }
}

/// What the concurrent processes printed, collected under a lock.
private final class Outputs: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []
    private var codes: [Int32] = []

    func add(_ stdout: String, status: Int32) {
        lock.lock()
        collected += stdout.split(separator: "\n").map(String.init)
        codes.append(status)
        lock.unlock()
    }

    var lines: [String] { lock.lock(); defer { lock.unlock() }; return collected }
    var statuses: [Int32] { lock.lock(); defer { lock.unlock() }; return codes }
}
