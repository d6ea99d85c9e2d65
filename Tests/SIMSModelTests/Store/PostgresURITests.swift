import Foundation
import XCTest
@testable import SIMSModel

final class PostgresURITests: XCTestCase {
    func testASocketFolderGivenAsAParameter() throws {
        let uri = try PostgresURI.parse("postgresql:///sims?host=/run/postgresql")
        XCTAssertEqual(uri.endpoints, [.socket(folder: "/run/postgresql", port: 5432)])
        XCTAssertEqual(uri.database, "sims")
        XCTAssertNil(uri.user)
    }

    func testUserHostPortAndDatabase() throws {
        let uri = try PostgresURI.parse("postgres://guichet:s%40cret@db1:5433/sims?application_name=guichet")
        XCTAssertEqual(uri.endpoints, [.tcp(host: "db1", port: 5433)])
        XCTAssertEqual(uri.user, "guichet")
        XCTAssertEqual(uri.password, "s@cret")
        XCTAssertEqual(uri.database, "sims")
        XCTAssertEqual(uri.parameters["application_name"], "guichet")
    }

    func testSeveralHostsWithTheirPortsAndTheWritableOneWanted() throws {
        let uri = try PostgresURI.parse("postgresql:///sims?host=/run/a,/run/b&port=5432,5433&target_session_attrs=read-write")
        XCTAssertEqual(uri.endpoints, [.socket(folder: "/run/a", port: 5432), .socket(folder: "/run/b", port: 5433)])
        XCTAssertEqual(uri.parameters["target_session_attrs"], "read-write")
        let inline = try PostgresURI.parse("postgresql://db1:5432,[2001:db8::1]:5433,db3/sims")
        XCTAssertEqual(inline.endpoints, [.tcp(host: "db1", port: 5432), .tcp(host: "2001:db8::1", port: 5433),
                                          .tcp(host: "db3", port: 5432)])
        XCTAssertEqual(inline.endpoints[1].shown, "[2001:db8::1]:5433")
    }

    func testWhatLibpqWouldRefuseIsRefusedInFrenchWithThePasswordHidden() {
        XCTAssertThrowsError(try PostgresURI.parse("postgresql://u:secret@db1:99999/sims")) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("port « 99999 » invalide (1 à 65535)"), message)
            XCTAssertFalse(message.contains("secret"), message)
            XCTAssertTrue(message.contains("u:***@db1"), message)
        }
        XCTAssertThrowsError(try PostgresURI.parse("postgresql:///sims?hots=/run/postgresql")) { error in
            XCTAssertTrue("\(error)".contains("paramètre inconnu « hots »"), "\(error)")
        }
        XCTAssertThrowsError(try PostgresURI.parse("postgresql:///sims?host=/a,/b&port=1,2,3")) { error in
            XCTAssertTrue("\(error)".contains("2 serveurs mais 3 ports"), "\(error)")
        }
        XCTAssertThrowsError(try PostgresURI.parse("postgresql:///sims?target_session_attrs=standby")) { error in
            XCTAssertTrue("\(error)".contains("any, read-write ou primary"), "\(error)")
        }
        XCTAssertEqual(PostgresURI.redacted("postgresql:///sims?user=a&password=b&host=/x"),
                       "postgresql:///sims?user=a&password=***&host=/x")
    }

    func testAURIIsNeverTakenForAFileAndNothingIsCreated() throws {
        let folder = try TemporaryFolder.make("guichet-uri-")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(folder)
        defer { FileManager.default.changeCurrentDirectoryPath(before) }
        // Opened as a PostgreSQL register: no server there, nothing created, neither here nor in its local folder.
        let absent = "postgresql:///sims?host=\(folder)/aucun-serveur"
        XCTAssertThrowsError(try SIMSStore.open(path: absent, create: true,
                                                environment: ["GUICHET_DONNEES": folder + "/donnees"])) { error in
            guard case PostgresStoreError.serverUnreachable = error else { return XCTFail("\(error)") }
            XCTAssertTrue("\(error)".contains("Rien n'a été modifié"), "\(error)")
        }
        XCTAssertThrowsError(try StoreSessions.enter(storePath: "postgresql:///sims"))
        XCTAssertThrowsError(try SIMSStore.open(path: "mysql://db1/sims", create: true)) { error in
            XCTAssertTrue("\(error)".contains("n'est ni un fichier ni une adresse PostgreSQL"), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
        XCTAssertEqual(try StoreLocation.filePath("/srv/guichet/sims.sqlite"), "/srv/guichet/sims.sqlite")
        XCTAssertEqual(try StoreLocation.filePath("C:guichet"), "C:guichet")
    }
}
