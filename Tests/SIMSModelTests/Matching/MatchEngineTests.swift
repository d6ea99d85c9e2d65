import XCTest
@testable import SIMSFixtures
@testable import SIMSModel

final class MatchEngineTests: XCTestCase {
    private func person(_ given: String, _ surname: String, _ born: String?, commune: String? = nil, usage: String? = nil) -> MatchRecord {
        var values: [TierField: String] = [.givenNames: given, .birthName: surname]
        if let born { values[.birthDate] = born }
        if let commune { values[.commune] = commune }
        if let usage { values[.usageName] = usage }
        return MatchRecord(kind: .person, values: values)
    }

    func testComparisonLevelsOfNamesAndBirthDates() {
        let stored = person("Nadège", "Wamytan", "1971-12-11")
        XCTAssertEqual(MatchComparison.level(.surname, person("x", "Wamytan", nil), stored), 0)
        XCTAssertEqual(MatchComparison.level(.surname, person("x", "Ouamytan", nil), stored), 1)   // same sound
        XCTAssertEqual(MatchComparison.level(.surname, person("x", "Wamytna", nil), stored), 2)    // one edit
        XCTAssertEqual(MatchComparison.level(.surname, person("x", "Wmaytna", nil), stored), 4, "two edits in 7 letters: other")
        XCTAssertEqual(MatchComparison.level(.surname, person("x", "Wyaaridir", nil), person("x", "Wayaridri", nil)), 3) // two edits, 9 letters
        XCTAssertEqual(MatchComparison.level(.givenName, person("Marie-Thérèse", "x", nil), person("Marie-Claire", "x", nil)), 4,
                       "compound given names sharing a word")
        XCTAssertEqual(MatchComparison.level(.givenName, person("Jade Émilie", "x", nil), person("Noémie Émilie", "x", nil)), 4,
                       "the first given names differ")
        XCTAssertEqual(MatchComparison.level(.givenName, person("marie claire", "x", nil), person("Marie-Claire Louise", "x", nil)), 0,
                       "a compound given name keyed without its hyphen, the later ones left out")
        XCTAssertEqual(MatchComparison.level(.givenName, person("Lucie", "x", nil), person("Julie", "x", nil)), 4)
        XCTAssertEqual(MatchComparison.level(.surname, person("x", "Gorodey", nil), stored), 4)
        XCTAssertEqual(MatchComparison.level(.surname, person("x", "Waia", nil, usage: "Wamytan"), stored), 0, "nom d'usage")
        XCTAssertEqual(MatchComparison.level(.birthDate, person("x", "y", "1971-12-11"), stored), 0)
        XCTAssertEqual(MatchComparison.level(.birthDate, person("x", "y", "1971-11-12"), stored), 1) // day and month swapped
        XCTAssertEqual(MatchComparison.level(.birthDate, person("x", "y", "1971-12-17"), stored), 2) // one digit
        XCTAssertEqual(MatchComparison.level(.birthDate, person("x", "y", "1971-03-02"), stored), 3) // same year
        XCTAssertEqual(MatchComparison.level(.birthDate, person("x", "y", "1980-03-02"), stored), 4)
        XCTAssertNil(MatchComparison.level(.birthDate, person("x", "y", nil), stored), "a missing value weighs neither way")
    }

    func testALikelyPairSaysWhyInFrench() {
        let engine = MatchEngine(parameters: .defaults)
        let score = engine.score(person("Nadege", "Ouamytan", "1971-12-11", commune: "Nouméa"),
                                 person("Nadège", "Wamytan", "1971-12-11", commune: "Nouméa"))
        XCTAssertGreaterThan(score.probability, 0.99)
        XCTAssertEqual(score.reasons.first, "même date de naissance")
        XCTAssertTrue(score.reasons.contains("nom de même son"), score.reasonText)
        XCTAssertTrue(score.reasons.contains("même commune"), score.reasonText)
        let namesake = engine.score(person("Nadège", "Wamytan", "1950-02-03"), person("Nadège", "Wamytan", "1971-12-11"))
        XCTAssertLessThan(namesake.probability, 0.5, "same names, another birth date: not the same person \(namesake)")
        XCTAssertTrue(namesake.reasons.contains("date de naissance différente"), namesake.reasonText)
    }

    /// Namesakes born the same day, another address in another commune: the reasons say so
    /// beside « même nom, même prénom », and the pair weighs less than one living at the same
    /// address (the name and the date still weigh most: only another field tells them apart).
    func testADifferentAddressInAnotherCommuneIsSaidAndLowersTheScore() {
        let engine = MatchEngine(parameters: .defaults)
        func paul(_ address: String, _ commune: String) -> MatchRecord {
            MatchRecord(kind: .person, values: [.givenNames: "Paulo", .birthName: "Hnawia", .birthDate: "1988-06-11",
                                                .address: address, .commune: commune])
        }
        let elsewhere = engine.score(paul("12 rue Higginson", "Nouméa"), paul("Tribu de Nakéty", "Canala"))
        let together = engine.score(paul("12 rue Higginson", "Nouméa"), paul("12 rue Higginson", "Nouméa"))
        XCTAssertEqual(Array(elsewhere.reasons.suffix(2)), ["autre commune", "adresse différente"], elsewhere.reasonText)
        XCTAssertTrue(elsewhere.reasons.contains("même nom") && elsewhere.reasons.contains("même prénom"), elsewhere.reasonText)
        XCTAssertLessThan(elsewhere.weight, together.weight - 10, "same address +9 bits, other address and commune -3")
        XCTAssertLessThan(elsewhere.weight, engine.score(paul("12 rue Higginson", "Nouméa"),
                                                         MatchRecord(kind: .person, values: [.givenNames: "Paulo", .birthName: "Hnawia",
                                                                                             .birthDate: "1988-06-11"])).weight,
                          "a disagreement weighs against, a missing value neither way")
    }

    func testACommonNameWeighsLessThanARareOne() {
        let frequencies: [String: Double] = ["jean": 0.03, "martin": 0.02]
        let engine = MatchEngine(parameters: .defaults) { frequencies[$0] }
        let common = engine.score(person("Jean", "Martin", nil, commune: "Nouméa"), person("Jean", "Martin", nil, commune: "Nouméa"))
        let rare = engine.score(person("Kélly", "Kaudre", nil, commune: "Nouméa"), person("Kélly", "Kaudre", nil, commune: "Nouméa"))
        XCTAssertLessThan(common.weight + 3, rare.weight, "two Jean Martin of Nouméa weigh less than two Kélly Kaudre")
    }

    func testExpectationMaximisationRecoversKnownProbabilities() {
        // 1,000 pairs of one person and 9,000 of two, drawn from known m and u.
        var truth = MatchParameters.defaults
        truth.m[MatchField.birthDate.rawValue] = [0.8, 0.05, 0.05, 0.05, 0.05]
        truth.m[MatchField.surname.rawValue] = [0.7, 0.1, 0.1, 0.05, 0.05]
        truth.u[MatchField.surname.rawValue] = [0.01, 0.01, 0.02, 0.03, 0.93]
        truth.u[MatchField.birthDate.rawValue] = [0.001, 0.001, 0.01, 0.05, 0.938]
        var state: UInt64 = 42
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        func draw(_ p: [Double]) -> Int {
            var x = uniform()
            for (i, v) in p.enumerated() { x -= v; if x < 0 { return i } }
            return p.count - 1
        }
        var vectors: [[Int?]] = []
        for i in 0..<10_000 {
            let match = i < 1_000
            vectors.append(MatchField.allCases.map { field -> Int? in
                guard field == .surname || field == .birthDate || field == .givenName else { return nil }
                return draw(match ? truth.m(field) : truth.u(field))
            })
        }
        var start = MatchParameters.defaults
        start.u = truth.u
        let learnt = MatchEM.estimate(vectors: vectors, start: start, iterations: 200)
        XCTAssertEqual(learnt.lambda, 0.1, accuracy: 0.02)
        XCTAssertEqual(learnt.m(.birthDate)[0], 0.8, accuracy: 0.05)
        XCTAssertEqual(learnt.m(.surname)[0], 0.7, accuracy: 0.05)
        XCTAssertEqual(learnt.pairs, 10_000)
    }

    func testTrainingStoresTheParametersAndTheEntryCheckUsesThem() throws {
        let t = try TestStore()
        defer { t.remove() }
        try DemoLoader(store: t.store).load(count: 600, seed: 3, by: t.admin)
        let supervisor = try AgentService(store: t.store).add(login: "sup", fullName: "Sup", roles: [.supervisor], services: [], by: t.admin)
        var trainer = MatchTrainer(store: t.store)
        trainer.randomPairs = 2_000
        trainer.sampledPersons = 100
        let report = try trainer.train(by: supervisor)
        XCTAssertGreaterThan(report.randomPairs, 0)
        XCTAssertEqual(report.parameters.lambda, MatchParameters.defaults.lambda, "λ is not re-estimated")
        let stored = try t.store.read { db in try MatchParameterStore.load(db) }
        XCTAssertEqual(stored, report.parameters)
        XCTAssertEqual(report.previous, .defaults)
        XCTAssertThrowsError(try MatchTrainer(store: t.store).train(by: t.counter), "a counter agent does not train")
    }

    /// Candidate pairs on a register hold whole households (same surname, address, landline and
    /// commune; other given name and birth date), which EM takes for one person, λ drifting to 1;
    /// `doublons entrainer` holds λ (and leaves out the pairs the analysis refuses by identity).
    func testHoldingLambdaKeepsAHouseholdTwoPeople() {
        let household: [Int?] = [0, 4, 4, 0, 0, 0, nil, nil, nil]
        let copy: [Int?] = [0, 0, 0, 0, 0, nil, nil, nil, nil]
        let namesake: [Int?] = [0, 0, 4, 1, 1, nil, nil, nil, nil]
        let vectors = Array(repeating: household, count: 1_000) + Array(repeating: copy, count: 20)
            + Array(repeating: namesake, count: 500)
        func probability(_ vector: [Int?], _ p: MatchParameters) -> Double {
            var weight = log2(p.lambda / (1 - p.lambda))
            for (field, level) in zip(MatchField.allCases, vector) {
                if let level { weight += log2(p.bayesFactor(field, level: level)) }
            }
            return 1 / (1 + pow(2, -weight))
        }
        let drifting = MatchEM.estimate(vectors: vectors, start: .defaults, iterations: 200)
        XCTAssertGreaterThan(drifting.lambda, 0.5, "EM free to move λ takes the households for one person")
        XCTAssertGreaterThan(probability(household, drifting), 0.5)
        let held = MatchEM.estimate(vectors: vectors, start: .defaults, iterations: 200, estimatingLambda: false)
        XCTAssertEqual(held.lambda, MatchParameters.defaults.lambda)
        XCTAssertLessThan(probability(household, held), probability(household, drifting))
    }
}
