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
    /// by anything else than « … » or the rest of it on the next line). Values that begin alike
    /// (« Demande de … ») are told apart: a text passes when it is one of them, whole or cut well.
    private func assertNothingCut(_ h: KeyDrivenHarness, _ values: [String], _ what: String,
                                  file: StaticString = #filePath, line: UInt = #line) {
        let lines = h.terminal.screenLines
        let flowing = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        func shownWell(_ shown: Substring, _ value: String) -> Bool {
            if shown.hasPrefix(value) { return true }
            let common = zip(shown, value).prefix { $0 == $1 }.count
            let after = shown.dropFirst(common).first
            let wrapped = flowing.contains(value) || flowing.contains(String(value.prefix(common)) + " "
                + value.dropFirst(common).trimmingCharacters(in: .whitespaces))
            if after == "…" || (after == nil && wrapped) || (after == " " && wrapped) { return true }
            // A shorter prefix cut at a word's end and followed by « … » is fine too.
            return shown.dropFirst(common).hasPrefix("…")
        }
        let long = values.filter { $0.count >= 10 }
        /// Whether the text at `start` is `value`'s own words shown well, `head` being found `offset`
        /// characters into it (the child's surname inside « … née KASARHÉROU … »).
        func partOf(_ text: String, _ start: String.Index, _ value: String, head: String) -> Bool {
            var from = value.startIndex
            while let found = value.range(of: head, range: from..<value.endIndex) {
                let offset = value.distance(from: value.startIndex, to: found.lowerBound)
                if text.distance(from: text.startIndex, to: start) >= offset {
                    let begin = text.index(start, offsetBy: -offset)
                    if text[begin...].hasPrefix(value.prefix(offset)), shownWell(text[begin...], value) { return true }
                }
                from = found.upperBound
            }
            return false
        }
        for head in Set(long.map { String($0.prefix(8)) }) {
            let alike = long.filter { $0.contains(head) }
            for (row, text) in lines.enumerated() {
                var searchFrom = text.startIndex
                while let start = text.range(of: head, range: searchFrom..<text.endIndex) {
                    let shown = text[start.lowerBound...]
                    if !alike.contains(where: { partOf(text, start.lowerBound, $0, head: head) }) {
                        XCTFail("\(what): « \(shown.trimmingCharacters(in: .whitespaces)) » is one of \(alike) cut without « … » "
                            + "on line \(row):\n\(h.screen)", file: file, line: line)
                    }
                    searchFrom = start.upperBound
                }
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
        let shown = h.app.top.shownActions
        h.press(.function(1))
        for help in HelpScreenContent(keymap: DefaultKeymap.keymap, context: .dossier, shown: shown).lines.prefix(10) {
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

    /// The review side and the other screens, with a long applicant and child, a long school name,
    /// a long note and a long document: every text whole, wrapped, or cut with « … ».
    func testTheReviewQueueDashboardCatalogueAndDocumentScreensShowLongValuesWholeOrWithAnEllipsis() throws {
        let catalog = try ProcedureCatalog.load(directory: IntakeHarness.proceduresDirectory)
        let directory = try TemporaryFolder.make("guichet-fit-")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let h = try ScreenHarness(tiers: [(.person, Self.longPerson)], roles: [.reception, .instructor, .supervisor],
                                  catalog: catalog, receipts: ReceiptOutput(storePath: directory + "/sims.sqlite", printer: nil))
        let tiers = TierService(store: h.store)
        let parent = try tiers.snapshot(id: 1)
        let child = try tiers.create(kind: .person, values: [.birthName: "Kasarhérou-Wahnyamalla",
                                                             .givenNames: "Jean-Baptiste Marie-Joseph Emmanuel",
                                                             .birthDate: "02/05/2016", .sex: "M"], by: h.agent)
        try tiers.relate(child.id, kind: .legalRepresentative, to: parent.id, by: h.agent)
        let school = "Lycée professionnel commercial et hôtelier Auguste Escoffier de Nouméa"
        let grant = try XCTUnwrap(catalog.procedure(code: "BS"))
        var intake = try DossierService(store: h.store).start(grant, applicantID: parent.id, beneficiaryID: child.id, by: h.agent)
        intake.dossier.answers.merge(["etablissement": school, "classe": "CM1", "annee_scolaire": "2026",
                                      "situation_familiale": "Divorcé(e) ou séparé(e)", "enfants_a_charge": "2",
                                      "revenus_annuels": "1850000"]) { $1 }
        let submitted = try DossierService(store: h.store).submit(intake.dossier, procedure: grant, by: h.agent)
        let note = "Appelée le 28/11 : la mère fournira l'avis d'imposition du foyer recomposé dès sa réception, "
            + "sans doute la semaine prochaine ; ne pas classer sans suite avant le 15/12."
        try DossierNoteService(store: h.store).add(note, to: submitted.dossier.id, by: h.agent)
        try DocumentService(store: h.store).register(type: .taxNotice, issuedOn: "2026-08-01", owners: [parent.id], by: h.agent)
        let parentName = try tiers.snapshot(id: parent.id).displayName
        let childName = try tiers.snapshot(id: child.id).displayName
        let values = [parentName, childName, school, grant.title, "Avis d'imposition ou de non-imposition du foyer",
                      "Certificat de scolarité de l'enfant", Self.longPerson[.address]!, Self.longPerson[.email]!,
                      "Divorcé(e) ou séparé(e)"]

        // The récépissé.
        h.app.open(ReceiptScreen(session: h.session, submitted: submitted))
        h.app.renderFrame()
        XCTAssertTrue(h.line(0).contains("Récépissé"), h.screen)
        assertNothingCut(h, values, "receipt")
        h.press(.function(3))

        // The queue, then the dossier under review, tab by tab.
        h.type("f")
        XCTAssertTrue(h.line(0).contains("Files d'instruction"), h.screen)
        assertNothingCut(h, values, "queue")
        h.press(.enter)
        XCTAssertTrue(h.line(0).contains("Instruction"), h.screen)
        for tab in 0..<4 {
            assertNothingCut(h, values + [note], "review, tab \(tab)")
            h.press(.key(.tab))
        }
        h.press(.function(2))   // taken: more actions on the actions line
        assertNothingCut(h, values, "review, taken")
        h.press(.function(3))
        h.press(.function(3))

        // The dashboard.
        h.type("t")
        XCTAssertTrue(h.line(0).contains("Tableau de bord"), h.screen)
        assertNothingCut(h, values, "dashboard")
        for _ in 0..<3 {
            h.press(.key(.tab))
            assertNothingCut(h, values + [h.agent.fullName], "dashboard page")
        }
        h.press(.function(3))

        // The catalogue and a fiche pratique.
        h.type("c")
        XCTAssertTrue(h.line(0).contains("Démarches"), h.screen)
        assertNothingCut(h, catalog.procedures.map(\.title), "catalogue")
        h.press(.enter)
        assertNothingCut(h, catalog.procedures.map(\.title), "fiche pratique")
        h.press(.function(3))
        h.press(.function(3))

        // The record: its dossier line, a field's history, its documents.
        h.type("r")
        h.type("kasarherou marie")
        h.press(.enter)
        XCTAssertTrue(h.line(0).contains("Fiche"), h.screen)
        for _ in 0..<40 where !h.screen.contains("Dossier ") { h.press(.key(.down)) }
        assertNothingCut(h, values, "record")
        let record = try XCTUnwrap(h.app.top as? TierRecordScreen)
        for _ in 0..<60 { if case .dossier = record.lines[record.selected] { break }; h.press(.key(.down)) }
        assertNothingCut(h, values + ["réponse attendue le 13/01/2027"], "record, dossier selected")
        for _ in 0..<60 { if case .fact(.address, _) = record.lines[record.selected] { break }; h.press(.key(.up)) }
        h.press(.function(5))
        assertNothingCut(h, values, "field history")
        h.press(.function(3))
        h.press(.function(10))
        assertNothingCut(h, values + ["Avis d'imposition"], "documents")
        h.press(.function(3))

        // Scanning a piece for the record: the types, then whom it is for.
        h.press(.function(4))
        XCTAssertTrue(h.line(0).contains("Numérisation"), h.screen)
        assertNothingCut(h, [parentName, childName], "scan")   // the type list shows types, not the pieces
        h.press(.key(.escape))

        // Arrivées: a long file name and a long first line of text.
        let inbox = try InboxFolder(directory: URL(fileURLWithPath: directory).appendingPathComponent("arrivees"))
        let name = "avis-imposition-kasarherou-wahnyamalla-marie-therese-helene-2026.pdf"
        let text = "AVIS D'IMPOSITION 2026 KASARHEROU-WAHNYAMALLA Marie-Therese Helene Francoise"
        let file = inbox.directory.appendingPathComponent(name)
        try ArrivalsScreenTests.pdf([text]).write(to: file)
        try FileManager.default.setAttributes([.modificationDate: ScreenHarness.now.addingTimeInterval(-120)], ofItemAtPath: file.path)
        try inbox.scan(now: ScreenHarness.now.addingTimeInterval(-10))
        h.app.open(ArrivalsScreen(session: h.session, inbox: inbox))
        h.app.renderFrame()
        XCTAssertTrue(h.screen.contains("avis-imposition-kasarherou"), h.screen)
        assertNothingCut(h, [name, text], "arrivals")
    }

    /// F1 on every screen: each key's line shows whole, wrapped under its description column.
    func testEveryHelpLineShowsWhole() throws {
        for context in KeymapContext.allCases {
            let help = HelpScreen(keymap: DefaultKeymap.keymap, context: context, screenTitle: "Écran")
            var shown: [String] = []
            for page in 0..<10 {
                var buffer = CellBuffer(size: .standard)
                _ = help.render(into: &buffer, area: CellRect(x: 0, y: 1, width: 80, height: 21), theme: .standard)
                shown += buffer.lines.dropFirst(4).prefix(18).map { $0.trimmingCharacters(in: .whitespaces) }
                _ = help.handle(.key(.pageDown), action: .pageSuivante)
                if page * 10 > help.content.lines.count { break }
            }
            let flowing = shown.joined(separator: " ").split(separator: " ").joined(separator: " ")
            for line in help.content.lines {
                let words = line.split(separator: " ").joined(separator: " ")
                XCTAssertTrue(flowing.contains(words), "\(context): « \(line) » is not shown whole:\n\(shown.joined(separator: "\n"))")
                XCTAssertFalse(shown.contains { DisplayWidth.of($0) > 76 }, "\(context): a line past its room")
            }
        }
    }
}
