import XCTest
@testable import SIMSModel

final class AgentServiceTests: XCTestCase {
    func testInitMakesTheLoginAdministratorOnce() throws {
        let t = try TestStore()
        defer { t.remove() }
        XCTAssertEqual(t.admin.roles, [.administrator])
        XCTAssertThrowsError(try AgentService(store: t.store).initialise(login: "other", fullName: "Other")) { error in
            XCTAssertEqual(error as? StoreError, .alreadyInitialised(path: t.path))
        }
    }

    func testAnUnknownLoginCanDoNothingButReadWhy() throws {
        let t = try TestStore()
        defer { t.remove() }
        XCTAssertThrowsError(try AgentService(store: t.store).authenticate(login: "intrus")) { error in
            XCTAssertEqual(error as? AccessError, .unknownLogin("intrus"))
            XCTAssertTrue("\(error)".contains("n'a pas de compte Guichet"))
        }
    }

    func testDisabledAgentIsRefusedAndKeepsItsHistory() throws {
        let t = try TestStore()
        defer { t.remove() }
        let agents = AgentService(store: t.store)
        try agents.disable(login: "accueil1", by: t.admin)
        XCTAssertThrowsError(try agents.authenticate(login: "accueil1")) { error in
            XCTAssertEqual(error as? AccessError, .disabled("accueil1"))
        }
        XCTAssertEqual(try agents.list().first { $0.login == "accueil1" }?.active, false)
    }

    func testOnlyAdministratorsManageAgents() throws {
        let t = try TestStore()
        defer { t.remove() }
        XCTAssertThrowsError(try AgentService(store: t.store).add(login: "x", fullName: "X", roles: [.reception],
                                                                  services: [], by: t.counter)) { error in
            XCTAssertEqual("\(error)", "Vous ne pouvez pas ajouter un agent : il faut être administrateur.")
        }
    }

    func testSetRolesAndTheLastAdministratorIsKept() throws {
        let t = try TestStore()
        defer { t.remove() }
        let agents = AgentService(store: t.store)
        let changed = try agents.setRoles(login: "accueil1", roles: [.instructor, .supervisor], by: t.admin)
        XCTAssertEqual(changed.roles, [.instructor, .supervisor])
        XCTAssertThrowsError(try agents.setRoles(login: "admin", roles: [.reception], by: t.admin)) { error in
            XCTAssertTrue("\(error)".contains("dernier administrateur"))
        }
        XCTAssertThrowsError(try agents.add(login: "accueil1", fullName: "Doublon", roles: [.reception], services: [], by: t.admin)) { error in
            XCTAssertTrue("\(error)".contains("existe déjà"))
        }
    }

    func testEveryAgentChangeIsAnEvent() throws {
        let t = try TestStore()
        defer { t.remove() }
        let kinds = try t.store.sqlitePool.read { db in try String.fetchAll(db, sql: "SELECT kind FROM event ORDER BY id") }
        XCTAssertEqual(kinds, [EventKind.storeInitialised.rawValue, EventKind.agentAdded.rawValue])
    }

    func testRolesParseFromFrenchWords() {
        XCTAssertEqual(Role.parse("Accueil"), .reception)
        XCTAssertEqual(Role.parse("admin"), .administrator)
        XCTAssertNil(Role.parse("chef"))
    }
}
