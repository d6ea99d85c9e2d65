import GRDB
import XCTest
@testable import SIMSModel

/// The persons listed for a superviseur to anonymise or keep: no activity for the inactivity
/// period, nothing open, nothing under retention; « conserver » takes one off the list for the
/// period, recorded and attested.
final class InactiveTierReviewTests: ReviewTeamTestCase {
    private let fiveYears = try! InactivityPeriod(years: 5)

    /// The same store opened on a later day, at noon in Nouméa.
    private func storeOn(_ iso: String) throws -> SIMSStore {
        let day = try XCTUnwrap(CalendarDate(iso: iso))
        var components = DateComponents(year: day.year, month: day.month, day: day.day, hour: 12)
        components.timeZone = TimeZone(identifier: "Pacific/Noumea")
        return try SIMSStore.open(path: test.path, clock: .fixed(try XCTUnwrap(Calendar(identifier: .gregorian).date(from: components))))
    }

    private func listed(on iso: String, retention: [String: Int] = ["BS": 10]) throws -> [InactiveTier] {
        let later = try storeOn(iso)
        return try InactiveTierReview(store: later, retention: retention, period: fiveYears).list(by: supervisor)
    }

    func testAPersonUntouchedForFiveYearsIsListedButNotOneWhoseRecordChangedOrAnOrganisation() throws {
        let quiet = try test.person("Paul", "Ancien", born: "01/02/1950")
        let changed = try test.person("Rose", "Gope", born: "03/04/1960")
        _ = try TierService(store: test.store).create(kind: .organisation, values: [.companyName: "Boulangerie du Port",
                                                                                   .ridet: "0123456.001"], by: test.counter)
        // Five years to the day: not yet (created at 10:00 on 29/11/2026, the cutoff is that day's midnight).
        XCTAssertEqual(try listed(on: "2031-11-29").map(\.id), [])
        // Rose comes to the counter in 2030 and gives a new phone number.
        let in2030 = try storeOn("2030-06-01")
        let rose = try TierService(store: in2030).snapshot(id: changed.id)
        _ = try TierService(store: in2030).update(id: changed.id, expectedVersion: rose.version, changes: [.phone: "25 99 99"],
                                                  by: test.counter)
        // An agent looks at Paul's record in 2031: a consultation is not his activity.
        let in2031 = try storeOn("2031-11-01")
        _ = try TierService(store: in2031).open(id: quiet.id, by: test.counter)

        let found = try listed(on: "2031-11-30")
        XCTAssertEqual(found.map(\.id), [quiet.id], "Paul only: Rose changed her record, the bakery is no person")
        XCTAssertEqual(found[0].name, "ANCIEN Paul")
        XCTAssertEqual(found[0].lastActivityDay, "29/11/2026")
        XCTAssertEqual(found[0].reason, "aucun dossier")
        XCTAssertEqual(try listed(on: "2035-06-02").map(\.id), [quiet.id, changed.id], "Rose too, five years after her visit")
    }

    func testDossiersKeepTheirPersonsWhileOpenOrUnderRetention() throws {
        let ids = try test.submittedGrants(2)
        let workflow = WorkflowService(store: test.store)
        try workflow.perform(.claim, on: ids[0], reviewLevels: 1, by: instructor)
        try workflow.perform(.decide(.accepted, motif: "Ressources sous le plafond."), on: ids[0], reviewLevels: 1,
                             retentionYears: 7, by: instructor)
        let (decidedParent, decidedChild, openParent) = try test.store.sqlitePool.read { db in
            (try Int64.fetchOne(db, sql: "SELECT applicant_id FROM dossier WHERE id = ?", arguments: [ids[0]])!,
             try Int64.fetchOne(db, sql: "SELECT beneficiary_id FROM dossier WHERE id = ?", arguments: [ids[0]])!,
             try Int64.fetchOne(db, sql: "SELECT applicant_id FROM dossier WHERE id = ?", arguments: [ids[1]])!)
        }
        // Six years on: inactive, but the decided grant is kept 7 years (recorded at the decision,
        // though the procedure file now says 10), the other one is still open.
        XCTAssertEqual(try listed(on: "2032-12-01").map(\.id), [])
        let found = try listed(on: "2033-12-01", retention: ["BS": 10])
        XCTAssertEqual(Set(found.map(\.id)), [decidedParent, decidedChild], "the retention ran out on 29/11/2033")
        XCTAssertFalse(found.map(\.id).contains(openParent), "an open dossier keeps its applicant, however old")
        XCTAssertEqual(found.first { $0.id == decidedParent }?.reason, "1 dossier, échu le 29/11/2033")
        XCTAssertEqual(found.first { $0.id == decidedChild }?.closedDossiers, 1, "the beneficiary's dossier counts for her too")
    }

    func testADossierOfAnUnknownProcedureWithoutRecordedRetentionKeepsItsPersons() throws {
        let ids = try test.submittedGrants(1)
        let workflow = WorkflowService(store: test.store)
        try workflow.perform(.claim, on: ids[0], reviewLevels: 1, by: instructor)
        try workflow.perform(.decide(.refused, motif: "Hors délai."), on: ids[0], reviewLevels: 1, by: instructor)
        try test.store.fixtureWrite { db in try db.execute(sql: "DELETE FROM dossier_retention") }
        XCTAssertEqual(try listed(on: "2040-01-01", retention: [:]).count, 0, "no retention known: kept")
        XCTAssertEqual(try listed(on: "2040-01-01", retention: ["BS": 10]).count, 2, "the procedure's 10 years ran out in 2036")
    }

    func testKeepingTakesThePersonOffTheListForThePeriodWithItsMotifAttested() throws {
        let quiet = try test.person("Paul", "Ancien", born: "01/02/1950")
        let later = try storeOn("2031-12-01")
        let review = InactiveTierReview(store: later, retention: [:], period: fiveYears)
        XCTAssertThrowsError(try review.keep(tierID: quiet.id, motif: "Contentieux", by: instructor)) { error in
            XCTAssertTrue("\(error)".contains("superviseur"), "\(error)")
        }
        XCTAssertThrowsError(try review.keep(tierID: quiet.id, motif: "  ", by: supervisor)) { error in
            XCTAssertEqual("\(error)", "Motif : indiquez le motif de la conservation (pourquoi la fiche reste).")
        }
        let back = try review.keep(tierID: quiet.id, motif: "Contentieux en cours au tribunal administratif", by: supervisor)
        XCTAssertEqual(back.french, "02/12/2036")
        XCTAssertEqual(try review.list(by: supervisor).count, 0, "kept: off the list")
        XCTAssertThrowsError(try review.keep(tierID: quiet.id, motif: "Encore", by: supervisor)) { error in
            XCTAssertTrue("\(error)".contains("n'est pas (ou plus) dans la liste des fiches inactives"), "\(error)")
        }
        XCTAssertEqual(try listed(on: "2036-12-01").count, 0)
        let again = try listed(on: "2036-12-02")
        XCTAssertEqual(again.map(\.id), [quiet.id], "back five years after the decision, still inactive")
        XCTAssertEqual(again[0].reason, "aucun dossier ; conservée le 01/12/2031")

        try later.sqlitePool.read { db in
            let row = try XCTUnwrap(Row.fetchOne(db, sql: """
                SELECT r.decision, r.motif, a.login, e.kind, e.tier_id FROM inactive_tier_review r
                JOIN agent a ON a.id = r.agent_id JOIN event e ON e.id = r.event_id
                """))
            XCTAssertEqual(row[0] as String, "conserver")
            XCTAssertEqual(row[1] as String, "Contentieux en cours au tribunal administratif")
            XCTAssertEqual(row[2] as String, "sup1")
            XCTAssertEqual(row[3] as String, EventKind.inactiveTierKept.rawValue)
            XCTAssertEqual(row[4] as Int64, quiet.id)
        }
        let report = try ChainVerifier.verify(later)
        XCTAssertTrue(report.isSound, "\(report)")
        try later.fixtureWrite { db in try db.execute(sql: "UPDATE inactive_tier_review SET motif = 'autre'") }
        // A change that bypasses the service is attested by the fixture's event; one without any is refused.
        XCTAssertThrowsError(try later.writeDatabase { db in try db.execute(sql: "UPDATE inactive_tier_review SET motif = 'x'") })
    }

    func testAbsorbedAndErasedPersonsAreLeftOut() throws {
        let survivor = try test.person("Paul", "Ancien", born: "01/02/1950")
        let absorbed = try test.person("Paul", "Ancien", born: "01/02/1950", [.phone: "25 12 34"])
        let erased = try test.person("Marie", "Effacee", born: "05/06/1970")
        _ = try TierMerger(store: test.store).merge(survivorID: survivor.id, absorbedID: absorbed.id, by: supervisor,
                                                    motif: "Même personne")
        try TierErasure(store: test.store, retention: [:]).erase(tierID: erased.id, motif: "demande de la personne", by: supervisor)
        XCTAssertEqual(try listed(on: "2032-01-01").map(\.id), [survivor.id])
    }

    func testTheInactivityPeriodIsReadFromTheSettingWithAClearMessage() throws {
        XCTAssertEqual(try InactivityPeriod.configured(environment: [:]).years, 5)
        XCTAssertEqual(try InactivityPeriod.configured(environment: ["GUICHET_INACTIVITE_ANS": " 8 "]).years, 8)
        XCTAssertThrowsError(try InactivityPeriod.configured(environment: ["GUICHET_INACTIVITE_ANS": "cinq"])) { error in
            XCTAssertEqual("\(error)", "GUICHET_INACTIVITE_ANS = « cinq » : donnez un nombre entier d'années entre 1 et 100, "
                + "par exemple GUICHET_INACTIVITE_ANS = 5.")
        }
        XCTAssertThrowsError(try InactivityPeriod.configured(environment: ["GUICHET_INACTIVITE_ANS": "0"])) { error in
            XCTAssertEqual("\(error)", "GUICHET_INACTIVITE_ANS = 0 : donnez un nombre d'années entre 1 et 100 (par défaut 5).")
        }
        let leap = try XCTUnwrap(CalendarDate(iso: "2028-02-29"))
        XCTAssertEqual(fiveYears.cutoffDay(today: leap).french, "28/02/2023")
        XCTAssertEqual(fiveYears.cutoff(today: try XCTUnwrap(CalendarDate(iso: "2026-12-03"))), "2021-12-02T13:00:00.000Z",
                       "midnight in Nouméa")
    }

    func testTheListFitsEightyColumnsAndSaysWhy() throws {
        let today = try XCTUnwrap(CalendarDate(iso: "2026-12-03"))
        let tiers = [
            InactiveTier(id: 123, name: "WAMYTAN Hélène", lastActivity: "2015-03-14T01:00:00.000Z",
                         lastActivityOn: try XCTUnwrap(CalendarDate(iso: "2015-03-14")), closedDossiers: 0,
                         retentionEnded: nil, keptOn: nil),
            InactiveTier(id: 1_000_456, name: "KALOÏ-WAYENECE née DUPONT-MOREAU Marie-Christine Anne",
                         lastActivity: "2019-05-02T01:00:00.000Z", lastActivityOn: try XCTUnwrap(CalendarDate(iso: "2019-05-02")),
                         closedDossiers: 12, retentionEnded: CalendarDate(iso: "2025-09-15"), keptOn: CalendarDate(iso: "2020-12-03")),
        ]
        let text = InactiveTierListText.render(tiers, period: fiveYears, today: today)
        XCTAssertEqual(text, """
            Fiches inactives au 03/12/2026 : aucune activité depuis le 03/12/2021 (5 ans),
            aucun dossier ouvert ni sous conservation.

                 n°  Nom                     Dern. activité Pourquoi
                123  WAMYTAN Hélène          14/03/2015     aucun dossier
            1000456  KALOÏ-WAYENECE née DU…  02/05/2019     12 dossiers, échus le 15/09/2025
                                                            conservée le 03/12/2020

            2 fiches inactives.
            Pour chacune : « Effacement » sur sa fiche, ou « Conserver » dans l'écran
            « Fiches inactives » de l'accueil (superviseurs).

            """)
        XCTAssertTrue(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
        XCTAssertEqual(InactiveTierListText.render([], period: fiveYears, today: today).split(separator: "\n").last, "Aucune fiche inactive.")
    }
}
