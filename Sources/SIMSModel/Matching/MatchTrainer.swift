import Foundation

/// Re-estimates the match parameters from the register (`guichet doublons entrainer`): u on
/// random pairs of persons, m by expectation–maximisation (``MatchEM``) on candidate pairs
/// found by blocking on several keys (names through the search, with its slips and sounds; birth
/// date), then stores them (``MatchParameterStore``). The prior λ is not estimated: it stays the
/// defaults' (EM on a register's candidate pairs takes households for one person and drifts to
/// λ ≈ 1, which made every pair of a household likely), and the candidate pairs whose identity
/// the bulk analysis refuses (``DuplicateAnalysis/identityAgrees(_:_:_:)``: given names or birth
/// dates that differ entirely, another sex...) are left out of the estimation.
///
/// ```swift
/// let report = try MatchTrainer(store: store).train(by: supervisor)
/// report.candidatePairs   // 4,210
/// ```
public struct MatchTrainer: Sendable {
    public let store: SIMSStore
    /// Random pairs compared for u.
    public var randomPairs = 20_000
    /// Persons whose candidates are compared for m.
    public var sampledPersons = 2_000
    public var seed: UInt64 = 1

    public init(store: SIMSStore) { self.store = store }

    public struct Report: Sendable, Equatable {
        public var parameters: MatchParameters
        /// The parameters in force before (stored, else the defaults).
        public var previous: MatchParameters
        public var randomPairs: Int
        public var candidatePairs: Int
    }

    public func train(by agent: Agent) throws -> Report {
        try AgentService.require(agent, .supervisor, .administrator, to: "estimer les paramètres des doublons")
        let (randomVectors, candidateVectors) = try store.read { db -> ([[Int?]], [[Int?]]) in
            // A record absorbed by a merge is its survivor now: sampling it would compare a person with itself.
            let ids = try Int64.fetchAll(db, sql: """
                SELECT id FROM tier WHERE kind = 'personne' AND id NOT IN (\(RetiredTiers.idsSQL))
                """)
            guard ids.count >= 2 else {
                throw ValidationError(field: nil, message: "Trop peu de personnes dans le registre pour estimer les paramètres (au moins 2).")
            }
            var state = seed &+ 0x9E37_79B9_7F4A_7C15
            func random(_ bound: Int) -> Int {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int((state >> 33) % UInt64(max(bound, 1)))
            }
            var cache: [Int64: MatchRecord] = [:]
            func record(_ id: Int64) throws -> MatchRecord? {
                if let known = cache[id] { return known }
                let loaded = try MatchRecord.load(db, id: id)
                if cache.count < 200_000 { cache[id] = loaded }
                return loaded
            }
            var randomVectors: [[Int?]] = []
            for _ in 0..<min(randomPairs, ids.count * (ids.count - 1) / 2) {
                let a = ids[random(ids.count)], b = ids[random(ids.count)]
                guard a != b, let x = try record(a), let y = try record(b) else { continue }
                randomVectors.append(MatchComparison.levels(x, y))
            }
            var seen = Set<[Int64]>()
            var candidateVectors: [[Int?]] = []
            let search = TierSearch(store: store)
            for _ in 0..<min(sampledPersons, ids.count) {
                let id = ids[random(ids.count)]
                guard let x = try record(id) else { continue }
                for candidate in try MatchBlocking.candidates(db, of: x, search: search).map(\.tierID) where candidate != id {
                    let pair = [min(id, candidate), max(id, candidate)]
                    guard seen.insert(pair).inserted, let y = try record(candidate) else { continue }
                    let levels = MatchComparison.levels(x, y)
                    if DuplicateAnalysis.identityAgrees(levels, x, y) { candidateVectors.append(levels) }
                }
            }
            return (randomVectors, candidateVectors)
        }
        let previous = try store.read { db in try MatchParameterStore.load(db) } ?? .defaults
        var start = previous
        start.u = MatchEM.uProbabilities(randomVectors: randomVectors, start: .defaults)
        start.m = MatchParameters.defaults.m
        start.lambda = MatchParameters.defaults.lambda
        let learnt = MatchEM.estimate(vectors: candidateVectors, start: start, estimatingLambda: false)
        try store.write { db in
            try MatchParameterStore.save(db, learnt, agentID: agent.id, at: store.clock.now())
            try EventLog.append(db, kind: .matchParametersTrained, agentID: agent.id, tierID: nil,
                                payload: ["paires_aleatoires": String(randomVectors.count),
                                          "paires_candidates": String(candidateVectors.count),
                                          "lambda": String(format: "%.6f", learnt.lambda)], at: store.clock.now())
        }
        return Report(parameters: learnt, previous: previous, randomPairs: randomVectors.count, candidatePairs: candidateVectors.count)
    }
}
