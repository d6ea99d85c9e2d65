import XCTest
@testable import SIMSModel

/// What OCR text offers to fill a dossier: dates, RIDET, phones, e-mails and names, checked by
/// the validation rules.
final class TextSuggestionsTests: XCTestCase {
    let today = CalendarDate(year: 2026, month: 11, day: 29)!

    func suggestions(_ text: String) -> [TextSuggestion] { TextSuggestions.extract(from: text, today: today) }
    func values(_ text: String, _ kind: TextSuggestion.Kind) -> [String] {
        suggestions(text).filter { $0.kind == kind }.map(\.value)
    }

    func testALetterGivesItsNameBirthDatePhoneAndEmailInOrder() {
        let text = """
            Je soussignée, Madame WAMYTAN Hélène, née le 14/03/1985 à Nouméa,
            Téléphone : 25.12.34 - courriel : helene.wamytan@example.nc
            Fait à Nouméa, le 12 mars 2026.
            """
        let found = suggestions(text)
        XCTAssertEqual(found.map(\.kind), [.name, .date, .phone, .email, .date])
        XCTAssertEqual(found[0].value, "WAMYTAN Hélène")
        XCTAssertEqual(found[0].found, "Madame WAMYTAN Hélène")
        XCTAssertEqual(found[0].fields, [.birthName: "WAMYTAN", .givenNames: "Hélène"])
        XCTAssertEqual(found[1].value, "1985-03-14")
        XCTAssertEqual(found[1].fields, [.birthDate: "1985-03-14"])
        XCTAssertEqual(found[2].value, "251234")
        XCTAssertEqual(found[2].found, "25.12.34")
        XCTAssertEqual(found[2].display, "25.12.34")
        XCTAssertEqual(found[3].value, "helene.wamytan@example.nc")
        XCTAssertEqual(found[4].value, "2026-03-12")
        XCTAssertEqual(found[4].found, "12 mars 2026")
        XCTAssertEqual(found[4].fields, [:], "a date that is not a birth date fills no tier field")
    }

    func testDatesInNumericAndWrittenForms() {
        XCTAssertEqual(values("le 2/3/2001, le 12.03.2026, le 05-11-2026", .date), ["2001-03-02", "2026-03-12", "2026-11-05"])
        XCTAssertEqual(values("le 1er décembre 2026 et le 3 FÉVRIER 2025, le 14 aout 2024", .date),
                       ["2026-12-01", "2025-02-03", "2024-08-14"])
    }

    func testImpossibleDatesAreDropped() {
        XCTAssertEqual(values("31/02/2026, 12/13/2026, 30 février 2026, 12/03/1850", .date), [])
    }

    func testAFutureDateIsNotABirthDate() {
        let found = suggestions("né le 12/03/2030")
        XCTAssertEqual(found.map(\.value), ["2030-03-12"])
        XCTAssertEqual(found.first?.fields, [:])
    }

    func testRidetWithAndWithoutEstablishment() {
        XCTAssertEqual(values("RIDET 0123456.001 ; société 1234567 ; autre 7654321 002", .ridet),
                       ["0123456.001", "1234567", "7654321.002"])
        XCTAssertEqual(values("montant 12345678 F", .ridet), [], "8 digits are not a RIDET")
    }

    func testNewCaledonianPhonesInTheirUsualForms() {
        XCTAssertEqual(values("fixe 25 12 34, mobile 75.12.34, +687 91 23 45, 281234", .phone),
                       ["251234", "751234", "912345", "281234"])
    }

    func testNumbersOutsideTheNumberingPlanAreDropped() {
        XCTAssertEqual(values("code 66.12.34 et 01 23 45", .phone), [])
        XCTAssertEqual(values("le 12.03.2026", .phone), [], "a date is not a phone")
        XCTAssertEqual(values("98800 Nouméa", .phone), [], "a postal code is not a phone")
    }

    func testEmailsAreCheckedAndTheirDomainLowered() {
        XCTAssertEqual(values("écrire à Marie.Dupont@Province-Sud.NC.", .email), ["Marie.Dupont@province-sud.nc"])
        XCTAssertEqual(values("pas une adresse : nom@domaine", .email), [])
    }

    func testNamesAfterACivilityInEitherOrder() {
        XCTAssertEqual(values("Monsieur N'GUYEN Van-Thanh", .name), ["N'GUYEN Van-Thanh"])
        XCTAssertEqual(values("Mme Hélène WAMYTAN", .name), ["WAMYTAN Hélène"])
        XCTAssertEqual(values("M. GORODEY", .name), ["GORODEY"])
        XCTAssertEqual(values("Madame la Directrice", .name), [], "no name in capitals")
    }

    func testNamesFromLabelledFields() {
        let found = suggestions("Nom : WAMYTAN\nPrénoms : Léa Marie\nNée le : 02/05/2016")
        let name = found.first { $0.kind == .name }
        XCTAssertEqual(name?.fields, [.birthName: "WAMYTAN", .givenNames: "Léa Marie"])
    }

    func testEachValueOnceEvenWhenWrittenTwoWays() {
        let found = suggestions("tél. 25.12.34 ou 25 12 34 ; le 12/03/2026, soit le 12 mars 2026 ; Madame WAMYTAN Hélène, Mme WAMYTAN Hélène")
        XCTAssertEqual(found.map(\.kind), [.phone, .date, .name])
        XCTAssertEqual(found.map(\.found), ["25.12.34", "12/03/2026", "Madame WAMYTAN Hélène"])
    }

    func testEmptyAndPlainTextGiveNothing() {
        XCTAssertEqual(suggestions(""), [])
        XCTAssertEqual(suggestions("Les pièces justificatives sont conservées selon les règles."), [])
    }
}
