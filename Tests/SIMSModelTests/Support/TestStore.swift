import Foundation
import GRDB
@testable import SIMSModel

/// A fresh store in a temporary folder, with an administrator and a counter agent, and a fixed clock.
struct TestStore {
    let directory: String
    let store: SIMSStore
    let admin: Agent
    let counter: Agent

    /// 29/11/2026 10:00 in Nouméa.
    static let now = Date(timeIntervalSince1970: 1_795_906_800)

    init(clock: SIMSClock = .fixed(TestStore.now)) throws {
        directory = NSTemporaryDirectory() + "guichet-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        store = try SIMSStore.open(path: directory + "/sims.sqlite", create: true, clock: clock)
        let agents = AgentService(store: store)
        admin = try agents.initialise(login: "admin", fullName: "Administrateur")
        counter = try agents.add(login: "accueil1", fullName: "Marie Gorodey", roles: [.reception], services: ["DPASS"], by: admin)
    }

    var path: String { store.path }

    /// Creates a person from typed values.
    @discardableResult
    func person(_ given: String, _ surname: String, born: String, _ extra: [TierField: String] = [:]) throws -> TierSnapshot {
        var values: [TierField: String] = [.givenNames: given, .birthName: surname, .birthDate: born]
        values.merge(extra) { $1 }
        return try TierService(store: store).create(kind: .person, values: values, by: counter)
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}
