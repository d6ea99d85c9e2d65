import SIMSModel
import Foundation

/// Fills a store with a fictional population (see ``DemoPopulation``) in one transaction with one
/// audit event, through the same bulk path as the CSV import.
///
/// ```swift
/// try DemoLoader(store: store).load(count: 10_000, seed: 1, by: admin)
/// ```
public struct DemoLoader: Sendable {
    public let store: SIMSStore

    public init(store: SIMSStore) { self.store = store }

    /// Writes `count` tiers and their relations; returns how many were written.
    @discardableResult
    public func load(count: Int, seed: UInt64, by agent: Agent?, progress: ((Int) -> Void)? = nil) throws -> Int {
        if let agent { try AgentService.require(agent, .administrator, to: "charger des données de démonstration") }
        return try store.write { db in
            let writer = try BulkTierWriter(db, agentID: agent?.id, now: store.clock.now())
            var ids: [Int: Int64] = [:]
            ids.reserveCapacity(count)
            for tier in DemoPopulation(count: count, seed: seed) {
                let id = try writer.add(kind: tier.kind, values: tier.values,
                                        provenance: Provenance(source: .demo, reference: "graine \(seed)"))
                ids[tier.localID] = id
                for relation in tier.relations {
                    if let related = ids[relation.relatedLocalID] {
                        try writer.relate(id, kind: relation.kind, to: related)
                    }
                }
                if let progress, writer.written % 1_000 == 0 { progress(writer.written) }
            }
            try writer.finish(kind: .demoDataLoaded, payload: ["graine": String(seed)])
            return writer.written
        }
    }
}
