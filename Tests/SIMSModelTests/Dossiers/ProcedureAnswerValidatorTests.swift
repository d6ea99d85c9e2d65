import XCTest
@testable import SIMSModel

final class ProcedureAnswerValidatorTests: XCTestCase {
    let today = CalendarDate(iso: "2026-11-29")!

    func field(_ type: ProcedureFieldType, label: String = "Champ") -> ProcedureField {
        ProcedureField(key: "champ", label: label, binding: .local, type: type, required: false)
    }

    func message(_ raw: String, _ type: ProcedureFieldType, label: String = "Champ") -> String? {
        do {
            _ = try ProcedureAnswerValidator.normalize(raw, for: field(type, label: label), today: today)
            return nil
        } catch { return error.message }
    }

    func testChoicesAcceptCaseAccentsAndAUniquePrefix() throws {
        let classes = field(.choice(["CP", "CE1", "CE2", "6e", "Terminale"]))
        XCTAssertEqual(try ProcedureAnswerValidator.normalize("ce1", for: classes, today: today), "CE1")
        XCTAssertEqual(try ProcedureAnswerValidator.normalize("term", for: classes, today: today), "Terminale")
        XCTAssertEqual(message("CE", .choice(["CP", "CE1", "CE2"]), label: "Classe"),
                       "Classe : « CE » ne fait pas partie des choix : CP, CE1, CE2.")
        XCTAssertNil(try ProcedureAnswerValidator.normalize("  ", for: classes, today: today))
    }

    func testAmountsAreReadAsTypedAndShownGrouped() throws {
        let amount = field(.amount(max: 100_000_000))
        for typed in ["1850000", "1 850 000", "1.850.000", "1 850 000 F", "1850000 XPF", "1 850 000 F CFP"] {
            XCTAssertEqual(try ProcedureAnswerValidator.normalize(typed, for: amount, today: today), "1850000", typed)
        }
        XCTAssertEqual(ProcedureAnswerValidator.display("1850000", for: amount), "1 850 000 F")
        XCTAssertEqual(message("12,5", .amount(max: 10), label: "Revenus"),
                       "Revenus : « 12,5 » n'est pas un montant. Saisissez un montant en francs CFP, sans décimales, par ex. 1 250 000.")
        XCTAssertEqual(message("200000000", .amount(max: 100_000_000), label: "Revenus"),
                       "Revenus : 200 000 000 F dépasse le maximum de 100 000 000 F. Vérifiez le montant.")
    }

    func testIntegersDatesYesNoAndText() throws {
        XCTAssertEqual(try ProcedureAnswerValidator.normalize("3", for: field(.integer(min: 1, max: 20)), today: today), "3")
        XCTAssertEqual(message("0", .integer(min: 1, max: 20), label: "Enfants à charge"), "Enfants à charge : 0 n'est pas entre 1 et 20.")
        XCTAssertEqual(message("deux", .integer(min: 1, max: 20), label: "Enfants"),
                       "Enfants : « deux » n'est pas un nombre entier. Saisissez des chiffres, par ex. 1.")
        XCTAssertEqual(try ProcedureAnswerValidator.normalize("01/02/2027", for: field(.date), today: today), "2027-02-01",
                       "a procedure's own date may be in the future")
        XCTAssertEqual(message("31/02/2027", .date, label: "Date d'ouverture"),
                       "Date d'ouverture : le 31/02/2027 n'existe pas. Saisissez une date au format jj/mm/aaaa, par ex. 12/03/2001.")
        XCTAssertEqual(try ProcedureAnswerValidator.normalize("O", for: field(.yesNo), today: today), "oui")
        XCTAssertEqual(try ProcedureAnswerValidator.normalize("non", for: field(.yesNo), today: today), "non")
        XCTAssertEqual(message("peut-être", .yesNo, label: "Internat"), "Internat : répondez oui ou non (o/n).")
        XCTAssertEqual(message("abcdef", .text(maxLength: 5), label: "Enseigne"), "Enseigne : 6 caractères saisis, 5 au plus. Abrégez.")
        XCTAssertNotNil(message("a\u{0007}b", .text(maxLength: 50), label: "Enseigne"), "control characters are refused")
    }

    func testBoundFieldsUseTheTierRuleWithTheProceduresLabel() {
        let child = ProcedureField(key: "beneficiaire.date_naissance", label: "Date de naissance de l'enfant",
                                   binding: .beneficiary(.birthDate), type: .tierField(.birthDate), required: true)
        XCTAssertThrowsError(try ProcedureAnswerValidator.normalize("31/02/2016", for: child, today: today)) { error in
            XCTAssertEqual((error as? ValidationError)?.message,
                           "Date de naissance de l'enfant : le 31/02/2016 n'existe pas. Saisissez une date au format jj/mm/aaaa, par ex. 12/03/2001.")
        }
    }
}
