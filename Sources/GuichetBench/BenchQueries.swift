import Foundation
import SIMSFixtures
import SIMSModel

/// The as-you-type queries of the search benchmark, drawn from sampled persons of the store.
struct BenchQueries {
    struct Query {
        var text: String
        /// The person the query designates, for the queries that identify one person (names and
        /// birth date, CAFAT number); nil for the others (prefixes, a birth date alone, which many
        /// share).
        var target: Int64?
        /// Whether the query carries a slip an agent makes (see ``BenchSlip``).
        var perturbed = false
    }

    static func make(store: SIMSStore, samples: Int, seed: UInt64) throws -> [Query] {
        var state = seed &+ 0x9E37_79B9_7F4A_7C15
        func random(_ bound: Int64) -> Int64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64((state >> 33) % UInt64(max(bound, 1)))
        }
        var queries: [Query] = []
        var picked = 0
        var id: Int64 = 0
        guard samples > 0 else { return queries }
        try PersonSampler.sample(store, attempts: samples * 20, nextID: { id = random($0) + 1; return id }) { snapshot in
            guard let surname = snapshot.value(.birthName), let given = snapshot.value(.givenNames) else { return true }
            picked += 1
            let folded = SearchText.fold(surname).replacingOccurrences(of: " ", with: "")
            let firstGiven = given.split(separator: " ").first.map(String.init) ?? given
            for length in 1...3 where folded.count >= length {
                queries.append(Query(text: String(folded.prefix(length)), target: nil))
            }
            queries.append(Query(text: "\(firstGiven) \(surname)", target: nil))
            queries.append(Query(text: SearchText.fold("\(surname) \(firstGiven)"), target: nil))
            queries.append(Query(text: "\(String(firstGiven.prefix(3))) \(String(folded.prefix(4)))", target: nil))
            if folded.count >= 5 {
                var chars = Array(folded)
                chars.swapAt(2, 3)
                queries.append(Query(text: "\(firstGiven) \(String(chars))", target: nil))
            }
            if let date = snapshot.value(.birthDate).flatMap(CalendarDate.init(iso:)) {
                queries.append(Query(text: date.french, target: nil))
                queries.append(Query(text: "\(surname) \(firstGiven) \(date.french)", target: id))
            }
            if let phone = snapshot.value(.phone) { queries.append(Query(text: phone, target: nil)) }
            if let cafat = snapshot.value(.cafat) { queries.append(Query(text: cafat, target: id)) }
            if let date = snapshot.value(.birthDate).flatMap(CalendarDate.init(iso:)) {
                // The same person looked up with a slip: in the surname, in the given name, or
                // by the nom d'usage.
                var slip = BenchSlip(seed: UInt64(random(Int64.max)))
                queries.append(Query(text: "\(slip.apply(to: surname)) \(firstGiven) \(date.french)", target: id, perturbed: true))
                queries.append(Query(text: "\(slip.apply(to: firstGiven)) \(surname) \(date.french)", target: id, perturbed: true))
                if let usage = snapshot.value(.usageName) {
                    queries.append(Query(text: "\(usage) \(firstGiven) \(date.french)", target: id, perturbed: true))
                }
            }
            return picked < samples
        }
        return queries
    }

    /// The same query for FTS5: every term a quoted prefix, so that no user text is syntax.
    static func ftsMatch(_ text: String) -> String {
        let terms = SearchQuery.parse(text).terms.map { term -> String in
            switch term {
            case .name(let word): return word
            case .identifier(let digits), .year(let digits): return digits
            case .email(let address): return SearchText.fold(address)
            }
        }
        return terms.map { "\"\($0)\"*" }.joined(separator: " ")
    }
}
