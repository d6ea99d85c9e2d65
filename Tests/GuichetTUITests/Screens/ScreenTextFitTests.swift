import XCTest
import SIMSModel
@testable import GuichetTUI

/// Every screen at 80×24 with the longest values the demo and the rules allow: a text is shown
/// whole, or cut with « … », or wrapped; a message never loses its end.
final class ScreenTextFitTests: XCTestCase {
    /// A long compound name « née », a long address and e-mail, as the demo data has them.
    static let longPerson: [TierField: String] = [
        .birthName: "Kasarhérou-Wahnyamalla", .usageName: "Waheo-Pouvreau", .givenNames: "Marie-Thérèse Hélène Françoise",
        .birthDate: "14/03/1985", .address: "86 promenade Roger Laroque, résidence Les Cocotiers, bâtiment B",
        .commune: "Nouméa", .postalCode: "98800", .phone: "25 96 95",
        .email: "marie-therese.kasarherou-wahnyamalla@province-sud.nc",
    ]

    /// Fails when one of `values` shows on the screen cut without « … » (a prefix of it followed
    /// by anything else than « … » or the rest of it on the next line).
    private func assertNothingCut(_ h: KeyDrivenHarness, _ values: [String], _ what: String,
                                  file: StaticString = #filePath, line: UInt = #line) {
        let lines = h.terminal.screenLines
        let flowing = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        for value in values where value.count >= 10 {
            let head = String(value.prefix(8))
            for (row, text) in lines.enumerated() {
                guard let start = text.range(of: head) else { continue }
                let shown = text[start.lowerBound...]
                if shown.hasPrefix(value) { continue }
                let common = zip(shown, value).prefix { $0 == $1 }.count
                let after = shown.dropFirst(common).first
                let wrapped = flowing.contains(value) || flowing.contains(String(value.prefix(common)) + " "
                    + value.dropFirst(common).trimmingCharacters(in: .whitespaces))
                if after == "…" || (after == nil && wrapped) || (after == " " && wrapped) { continue }
                // A shorter prefix cut at a word's end and followed by « … » is fine too.
                if shown.dropFirst(common).hasPrefix("…") { continue }
                XCTFail("\(what): « \(value) » cut without « … » on line \(row):\n\(h.screen)", file: file, line: line)
            }
        }
    }

    /// Fails unless `message` shows whole on the screen (on one or two lines).
    private func assertWhole(_ h: KeyDrivenHarness, _ message: String, _ what: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        let flowing = h.terminal.screenLines.joined(separator: " ").split(separator: " ").joined(separator: " ")
        let words = message.split(separator: " ").joined(separator: " ")
        XCTAssertTrue(flowing.contains(words),
                      "\(what): the message loses its end:\n\(message)\n\(h.screen)", file: file, line: line)
    }

    func testTheCounterScreensShowLongNamesAddressesAndTitlesWholeOrWithAnEllipsis() throws {
        let h = try IntakeHarness()
        let long = try TierService(store: h.store).create(kind: .person, values: Self.longPerson, by: h.agent)
        try TierService(store: h.store).relate(h.child.id, kind: .legalRepresentative, to: long.id, by: h.agent)
        let values = [long.displayName, Self.longPerson[.address]!, Self.longPerson[.email]!,
                      h.procedure("RBS").title, h.procedure("BS").title, "Avis d'imposition ou de non-imposition du foyer",
                      "Certificat de scolarité de l'enfant"]

        // The search: table, detail pane, hint.
        h.press(.character("r"))
        assertWhole(h, "nom, date, RIDET, tél.", "search hint")
        h.type("kasarherou")
        assertNothingCut(h, values, "search")
        h.press(.enter)
        XCTAssertTrue(h.line(0).contains("Fiche"), h.screen)
        assertNothingCut(h, values, "record")

        // Last year's grant, then the renewal offered on the record, its form and pieces.
        var intake = try DossierService(store: h.store).start(h.procedure("BS"), applicantID: long.id, beneficiaryID: h.child.id,
                                                              by: h.agent)
        intake.dossier.answers.merge(["etablissement": "Lycée professionnel commercial et hôtelier Auguste Escoffier",
                                      "classe": "CM1", "annee_scolaire": "2026", "situation_familiale": "Divorcé(e) ou séparé(e)",
                                      "enfants_a_charge": "2", "revenus_annuels": "1850000"]) { $1 }
        try DossierService(store: h.store).submit(intake.dossier, procedure: h.procedure("BS"), by: h.agent)
        h.press(.function(3))
        h.press(.enter)
        h.press(.function(11))
        XCTAssertTrue(h.line(0).contains("Renouvellement de bourse scolaire"), h.screen)
        assertNothingCut(h, values + ["Lycée professionnel commercial et hôtelier Auguste Escoffier"], "renewal form")
        h.press(.function(5))
        assertNothingCut(h, values, "pieces tab")
        h.press(.function(5))
        h.press(.function(1))
        for help in HelpScreenContent(keymap: DefaultKeymap.keymap, context: .dossier).lines.prefix(10) {
            assertWhole(h, help, "help")
        }
        h.press(.function(3))
        // Every message of the form's rules shows whole.
        let screen = try XCTUnwrap(h.app.top as? IntakeScreen)
        let today = CalendarDate(iso: "2026-11-29")!
        let bad: [String: String] = ["demandeur.date_naissance": "31/02/2001", "demandeur.telephone": "12",
                                     "classe": "CM3", "annee_scolaire": "3000",
                                     "revenus_annuels": "beaucoup", "internat": "peut-être", "demandeur.courriel": "a@",
                                     "demandeur.nom_naissance": "W4mytan", "beneficiaire.sexe": "X",
                                     "demandeur.code_postal": "98850"]
        for (key, value) in bad.sorted(by: { $0.key < $1.key }) {
            let field = try XCTUnwrap(screen.procedure.fields.first { $0.key == key }, key)
            var expected = ""
            do { _ = try ProcedureAnswerValidator.normalize(value, for: field, today: today) } catch { expected = error.message }
            XCTAssertFalse(expected.isEmpty, "\(value) is refused for \(key)")
            h.press(.ctrl("g"))
            h.type(String(screen.procedure.fields.firstIndex { $0.key == key }! + 1))
            h.press(.enter)
            h.press(.ctrl("u"))
            h.type(value)
            h.press(.key(.tab), .key(.backTab))
            assertWhole(h, "✗ " + expected, "message of \(key)")
            h.press(.ctrl("u"))
        }
    }

    func testTheTierFormShowsEveryRuleMessageWhole() throws {
        let h = try ScreenHarness(tiers: [(.person, Self.longPerson)])
        h.press(.character("p"))
        let today = CalendarDate(iso: "2026-11-29")!
        let bad: [(TierField, String)] = [(.birthName, "W4mytan"), (.givenNames, "123"), (.sex, "X"),
                                          (.birthDate, "31/02/2001"), (.birthDate, "12/03/01"), (.commune, "Paris"),
                                          (.postalCode, "98850"), (.phone, "12"), (.email, "a@"), (.cafat, "12")]
        for (field, value) in bad {
            var expected = ""
            do { _ = try FieldValidator.normalize(value, for: field, today: today) } catch { expected = error.message }
            XCTAssertFalse(expected.isEmpty, "\(value) is refused for \(field)")
            let fields = TierField.fields(of: .person)
            let index = try XCTUnwrap(fields.firstIndex(of: field))
            let form = try XCTUnwrap(h.app.top as? TierFormScreen)
            for _ in 0..<fields.count where form.focus != index { h.press(.key(.tab)) }
            h.press(.ctrl("u"))
            h.type(value)
            h.press(.key(.tab))
            assertWhole(h, "✗ " + expected, "message of \(field)")
            h.press(.key(.backTab), .ctrl("u"), .key(.tab))
        }
        // The duplicates panel with a long name: cut with « … » or wrapped.
        let form = try XCTUnwrap(h.app.top as? TierFormScreen)
        for _ in 0..<12 where form.focus != 0 { h.press(.key(.tab)) }
        h.type("Kasarhérou-Wahnyamalla")
        h.press(.key(.tab), .key(.tab))
        h.type("Marie-Thérèse Hélène Françoise")
        h.press(.key(.tab), .key(.tab))
        h.type("14/03/1985")
        h.press(.key(.tab))
        let long = try TierService(store: h.store).snapshot(id: 1)
        assertNothingCut(h, [long.displayName], "duplicates panel")
    }
}
