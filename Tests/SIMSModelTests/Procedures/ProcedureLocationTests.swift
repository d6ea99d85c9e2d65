import Foundation
import XCTest
@testable import SIMSModel

final class ProcedureLocationTests: XCTestCase {
    func testTheFolderIsTheOptionThenTheVariableThenTheLocalFolderThenTheDataFolder() throws {
        let work = try ProcedureFixture.temporaryDirectory("travail")
        defer { ProcedureFixture.remove(work) }
        let environment = ["GUICHET_PROCEDURES": "/srv/demarches", "XDG_DATA_HOME": "/var/donnees", "HOME": "/home/agent"]

        XCTAssertEqual(ProcedureLocation.resolve(explicit: "/etc/demarches", environment: environment, currentDirectory: work.path).path,
                       "/etc/demarches")
        XCTAssertEqual(ProcedureLocation.resolve(explicit: "mes-demarches", environment: environment, currentDirectory: work.path).path,
                       work.appendingPathComponent("mes-demarches").path)
        XCTAssertEqual(ProcedureLocation.resolve(explicit: nil, environment: environment, currentDirectory: work.path).path,
                       "/srv/demarches")
        XCTAssertEqual(ProcedureLocation.resolve(explicit: "", environment: environment, currentDirectory: work.path).path,
                       "/srv/demarches")

        var withoutVariable = environment
        withoutVariable["GUICHET_PROCEDURES"] = nil
        XCTAssertEqual(ProcedureLocation.resolve(explicit: nil, environment: withoutVariable, currentDirectory: work.path).path,
                       "/var/donnees/guichet/procedures")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("procedures"), withIntermediateDirectories: false)
        XCTAssertEqual(ProcedureLocation.resolve(explicit: nil, environment: withoutVariable, currentDirectory: work.path).path,
                       work.appendingPathComponent("procedures").path)

        let elsewhere = work.deletingLastPathComponent().path
        XCTAssertEqual(ProcedureLocation.resolve(explicit: nil, environment: ["HOME": "/home/agent"], currentDirectory: elsewhere).path,
                       "/home/agent/.local/share/guichet/procedures")
    }
}
