import Foundation
import GRDB
@testable import SIMSModel

/// A fresh store in a temporary folder, with an administrator and a counter agent, and a fixed clock.
public struct TestStore {
    public let directory: String
    public let store: SIMSStore
    public let admin: Agent
    public let counter: Agent

    /// 29/11/2026 10:00 in Nouméa.
    public static let now = Date(timeIntervalSince1970: 1_795_906_800)

    /// A store in a new folder named `prefix`…, whose counter agent (« Marie Gorodey », service
    /// DPASS) has `login` and `roles`.
    /// `directory`: where the store is made (a folder on a small file system, say); a new
    /// temporary folder named from `prefix` when nil.
    public init(clock: SIMSClock = .fixed(TestStore.now), prefix: String = "guichet-tests-", login: String = "accueil1",
                roles: Set<Role> = [.reception], directory: String? = nil) throws {
        self.directory = directory ?? NSTemporaryDirectory() + prefix + UUID().uuidString
        try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
        store = try SIMSStore.open(path: self.directory + "/sims.sqlite", create: true, clock: clock)
        let agents = AgentService(store: store)
        admin = try agents.initialise(login: "admin", fullName: "Administrateur")
        counter = try agents.add(login: login, fullName: "Marie Gorodey", roles: roles, services: ["DPASS"], by: admin)
    }

    public var path: String { store.path }

    /// Creates a person from typed values.
    @discardableResult
    public func person(_ given: String, _ surname: String, born: String, _ extra: [TierField: String] = [:]) throws -> TierSnapshot {
        var values: [TierField: String] = [.givenNames: given, .birthName: surname, .birthDate: born]
        values.merge(extra) { $1 }
        return try TierService(store: store).create(kind: .person, values: values, by: counter)
    }

    public func remove() { try? FileManager.default.removeItem(atPath: directory) }
}
