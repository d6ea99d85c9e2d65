import GRDB
import XCTest
@testable import SIMSModel

final class DuplicateAnalysisTests: XCTestCase {
    var t: TestStore!
    var supervisor: Agent!

    override func setUpWithError() throws {
        t = try TestStore()
        supervisor = try AgentService(store: t.store).add(login: "sup1", fullName: "Anne Tein", roles: [.supervisor],
                                                          services: [], by: t.admin)
    }

    override func tearDown() { t.remove() }

    func testAPairSharingOnlyOneBlockingKeyIsFound() throws {
        // A slip in both names and the day and month swapped: no sound, no date, no three
        // letters in common but the birth date's day/month-free key with the initials.
        let a = MatchRecord(kind: .person, values: [.birthName: "David", .givenNames: "Dominique", .birthDate: "1958-08-10"])
        let b = MatchRecord(kind: .person, values: [.birthName: "Dbavid", .givenNames: "Dominijque", .birthDate: "1958-10-08"])
        let shared = Set(DuplicateBlockingKeys.keys(a)).intersection(DuplicateBlockingKeys.keys(b))
        XCTAssertEqual(shared.count, 2, "only the initials with the birth date survive both slips")

        let x = try t.person("Dominique", "David", born: "10/08/1958")
        let y = try t.person("Dominijque", "Dbavid", born: "08/10/1958")
        try t.person("Dominique", "Dupré", born: "02/02/1990")
        let report = try DuplicateAnalysis(store: t.store).run(by: supervisor)
        XCTAssertEqual(report.pairs.map { [$0.tierA, $0.tierB] }, [[x.id, y.id]])
        XCTAssertEqual(try DuplicateReview(store: t.store).queue().map(\.tierA), [x.id])
    }

    func testSwappedNamesAreFound() throws {
        let x = try t.person("Émile", "Wayaridri", born: "02/12/2017")
        let y = try t.person("Wayaridri", "Émile", born: "02/12/2017")
        let report = try DuplicateAnalysis(store: t.store).run(by: supervisor)
        XCTAssertEqual(report.pairs.map { [$0.tierA, $0.tierB] }, [[x.id, y.id]])
    }

    func testSwappedNamesWithASlipAreFoundWithTheReasonsOfTheSwap() throws {
        let address: [TierField: String] = [.address: "23 rue du Général Gallieni", .commune: "Nouméa", .postalCode: "98800"]
        let x = try t.person("Émile", "Wayaridri", born: "02/12/2017", address)
        let y = try t.person("wjayaridr", "Émile", born: "02/12/2017", address)
        let report = try DuplicateAnalysis(store: t.store).run(by: supervisor)
        XCTAssertEqual(report.pairs.map { [$0.tierA, $0.tierB] }, [[x.id, y.id]])
        XCTAssertEqual(report.pairs.first?.reasons.contains("nom et prénom inversés"), true, "\(report.pairs)")
        XCTAssertEqual(report.pairs.first?.reasons.contains("nom proche (2 lettres)"), true, "\(report.pairs)")
        XCTAssertEqual(report.pairs.first?.reasons.contains("même prénom"), false, "keyed the other way round: \(report.pairs)")
    }

    /// HNAWIA Paulo and PAULO Hnawia: not « même nom, même prénom », which would say they were
    /// keyed alike.
    func testNamesKeyedTheWrongWayRoundAreSaidSo() throws {
        let x = try t.person("Paulo", "Hnawia", born: "11/06/1988")
        let y = try t.person("Hnawia", "Paulo", born: "11/06/1988")
        let report = try DuplicateAnalysis(store: t.store).run(by: supervisor)
        XCTAssertEqual(report.pairs.map { [$0.tierA, $0.tierB] }, [[x.id, y.id]])
        let reasons = try XCTUnwrap(report.pairs.first?.reasons)
        XCTAssertTrue(reasons.contains("nom et prénom inversés"), "\(reasons)")
        XCTAssertFalse(reasons.contains("même nom") || reasons.contains("même prénom"), "\(reasons)")
        XCTAssertTrue(reasons.contains("même date de naissance"), "\(reasons)")
    }

    /// Namesakes born the same day: another sex, two CAFAT numbers, first given names that only
    /// share a word, surnames two letters apart in short names, are two people; a CAFAT number
    /// one digit apart is a slip.
    func testNamesakesBornTheSameDayAreTwoPeople() throws {
        try t.person("Dominique", "Wejieme", born: "20/07/1996", [.sex: "F"])
        try t.person("Dominique", "Wejieme", born: "20/07/1996", [.sex: "M"])
        try t.person("Marie-Claire", "Hnacipan", born: "20/07/1996")
        try t.person("Marie-Thérèse", "Hnacipan", born: "20/07/1996")
        try t.person("Guy", "Ferré", born: "16/02/1973", [.cafat: "6393136"])
        try t.person("Guy", "Ferré", born: "16/02/1973", [.cafat: "8253229"])
        try t.person("Yannick", "Martin", born: "09/04/2019")
        try t.person("Yannick", "Morin", born: "09/04/2019")
        let a = try t.person("Margaux", "Colomina", born: "05/07/1992", [.cafat: "5498096"])
        let b = try t.person("Margaux", "Colomina", born: "05/07/1992", [.cafat: "5498069"])
        let c = try t.person("Marie-Josée", "Kaudre", born: "01/02/1950")
        let d = try t.person("marie josee", "Kaudre", born: "01/02/1950")
        let report = try DuplicateAnalysis(store: t.store).run(by: supervisor)
        XCTAssertEqual(report.pairs.map { [$0.tierA, $0.tierB] }.sorted { $0[0] < $1[0] }, [[a.id, b.id], [c.id, d.id]],
                       "a CAFAT number keyed with two digits swapped, a compound given name without its hyphen")
    }

    func testAnImportReportsOnlyThePairsOfItsTiers() throws {
        try t.person("Hélène", "Wamytan", born: "14/03/1985")
        try t.person("Helene", "Ouamytan", born: "14/03/1985")      // a pair already in the register
        let old = try t.person("Kévin", "Gopé", born: "07/10/1980")
        let csv = t.directory + "/tiers.csv"
        try "type,nom_naissance,prenoms,date_naissance\npersonne,Gope,Kevin,07/10/1980\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let before = old.id
        try TierImporter(store: t.store).importTiers(path: csv, by: t.admin)
        var analysis = DuplicateAnalysis(store: t.store)
        analysis.touching = (before + 1)...(before + 1)
        let report = try analysis.run(by: t.admin)
        XCTAssertEqual(report.pairs.map { [$0.tierA, $0.tierB] }, [[old.id, before + 1]])
    }

    func testAGroupKeepsOnlyMembersThatArePairwisePlausible() {
        // A–B and B–C are likely, A and C are clearly two people: the weaker link is refused.
        let probabilities: [PairKey: Double] = [PairKey(1, 2): 0.99, PairKey(2, 3): 0.95, PairKey(1, 3): 0.01]
        var groups = DuplicateGroups(plausible: 0.5) { probabilities[PairKey($0, $1)] ?? 0 }
        XCTAssertTrue(groups.add(1, 2))
        XCTAssertFalse(groups.add(2, 3))
        XCTAssertEqual(groups.count, 1)
        var coherent = DuplicateGroups(plausible: 0.5) { _, _ in 0.9 }
        XCTAssertTrue(coherent.add(1, 2))
        XCTAssertTrue(coherent.add(2, 3))
        XCTAssertEqual(coherent.count, 1)
    }

    func testAHouseholdIsNotADuplicate() throws {
        let address: [TierField: String] = [.address: "12 rue Jules Ferry", .commune: "Nouméa", .postalCode: "98800", .phone: "25 12 34"]
        try t.person("Ngoc", "Lam", born: "13/05/2011", address)   // twins: same date, other given name
        try t.person("Hélène", "Lam", born: "13/05/2011", address)
        try t.person("Kévin", "Lam", born: "07/10/1980", address)
        let report = try DuplicateAnalysis(store: t.store).run(by: supervisor)
        XCTAssertEqual(report.pairs.count, 0, "\(report.pairs)")
    }

    func testAPairDecidedDifferentComesBackOnlyWhenAFactChanges() throws {
        let x = try t.person("Hélène", "Wamytan", born: "14/03/1985")
        let y = try t.person("Helene", "Ouamytan", born: "14/03/1985")
        let analysis = DuplicateAnalysis(store: t.store)
        XCTAssertEqual(try analysis.run(by: supervisor).added, 1)
        let again = try analysis.run(by: supervisor)
        XCTAssertEqual([again.added, again.updated], [0, 1], "re-running does not duplicate the pair")
        let pair = try XCTUnwrap(DuplicateReview(store: t.store).queue().first)
        try DuplicateReview(store: t.store).decide(pairID: pair.id, .differentPeople, by: supervisor)
        let decided = try analysis.run(by: supervisor)
        XCTAssertEqual([decided.pairs.count, decided.alreadyDecided], [0, 1])
        XCTAssertEqual(try DuplicateReview(store: t.store).pendingCount(), 0)

        try TierService(store: t.store).update(id: y.id, expectedVersion: y.version, changes: [.phone: "25 12 34"], by: t.counter)
        let changed = try analysis.run(by: supervisor)
        XCTAssertEqual(changed.reopened, 1, "a fact of one record changed: the pair is proposed again")
        XCTAssertEqual(try DuplicateReview(store: t.store).queue().map { [$0.tierA, $0.tierB] }, [[x.id, y.id]])
        XCTAssertTrue(try ChainVerifier.verify(t.store).isSound)
    }

    func testCreatingAnywayRemembersThePairAsTwoPeople() throws {
        let x = try t.person("Hélène", "Wamytan", born: "14/03/1985")
        let candidate = try XCTUnwrap(DuplicateFinder(store: t.store).candidates(kind: .person,
            values: [.birthName: "Ouamytan", .givenNames: "Hélène", .birthDate: "1985-03-14"]).first)
        let y = try TierService(store: t.store).create(kind: .person,
            values: [.birthName: "Ouamytan", .givenNames: "Hélène", .birthDate: "14/03/1985"], despiteDuplicate: candidate, by: t.counter)
        let pair = try t.store.read { db in try DuplicateReview.pair(db, x.id, y.id) }
        XCTAssertEqual(pair?.state, .differentPeople)
        let report = try DuplicateAnalysis(store: t.store).run(by: supervisor)
        XCTAssertEqual([report.pairs.count, report.alreadyDecided], [0, 1])
        let hints = try DuplicateFinder(store: t.store).candidates(kind: .person,
            values: [.birthName: "Ouamytan", .givenNames: "Hélène", .birthDate: "1985-03-14"], tierID: y.id)
        XCTAssertEqual(hints.count, 0, "the record's hints leave out the person decided different")
        XCTAssertTrue(try ChainVerifier.verify(t.store).isSound)
    }

    func testTwoSuperviseursDecidingThesamePairOneWinsTheOtherIsTold() throws {
        try t.person("Hélène", "Wamytan", born: "14/03/1985")
        try t.person("Helene", "Ouamytan", born: "14/03/1985")
        try DuplicateAnalysis(store: t.store).run(by: supervisor)
        let pair = try XCTUnwrap(DuplicateReview(store: t.store).queue().first)
        let other = try AgentService(store: t.store).add(login: "sup2", fullName: "Lise Kaloï", roles: [.supervisor],
                                                         services: [], by: t.admin)
        try DuplicateReview(store: t.store).decide(pairID: pair.id, .samePerson, by: supervisor)
        XCTAssertThrowsError(try DuplicateReview(store: t.store).decide(pairID: pair.id, .differentPeople, by: other)) { error in
            XCTAssertTrue("\(error)".hasPrefix("Cette paire a déjà été décidée par sup1 le "), "\(error)")
            XCTAssertTrue("\(error)".contains("« même personne »"), "\(error)")
        }
        XCTAssertEqual(try DuplicateReview(store: t.store).pair(id: pair.id)?.state, .samePerson)
        XCTAssertThrowsError(try DuplicateReview(store: t.store).decide(pairID: pair.id, .differentPeople, by: t.counter))
    }
}
