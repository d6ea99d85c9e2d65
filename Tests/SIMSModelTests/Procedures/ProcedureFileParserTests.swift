import XCTest
@testable import SIMSModel

final class ProcedureFileParserTests: XCTestCase {
    func testAValidFileGivesEveryPartOfTheProcedure() throws {
        let procedure = try ProcedureFileParser.parse(ProcedureFixture.valid, file: "procedures/test.yaml")
        XCTAssertEqual(procedure.code, "BS")
        XCTAssertEqual(procedure.title, "Demande de bourse scolaire")
        XCTAssertEqual(procedure.applicantKind, .person)
        XCTAssertEqual(procedure.beneficiary, BeneficiaryRule(label: "Enfant", relations: [.legalRepresentative, .parent]))
        XCTAssertEqual(procedure.renews, ["BS"])
        XCTAssertTrue(procedure.isRenewal)
        XCTAssertEqual(procedure.reviewLevels, 2)
        XCTAssertEqual(procedure.deadlineDays, 45)
        XCTAssertEqual(procedure.retentionYears, 10)
        XCTAssertEqual(procedure.sourceFile, "procedures/test.yaml")
        XCTAssertEqual(procedure.sheet, ProcedureSheet(
            eligibility: "Le parent d'un enfant scolarisé.", benefit: "Une aide aux frais de scolarité.",
            pieces: "Un justificatif de domicile.", deadlines: "Réponse en 45 jours."))

        XCTAssertEqual(procedure.fields, [
            ProcedureField(key: "demandeur.nom_naissance", label: "Nom de naissance", binding: .applicant(.birthName),
                           type: .tierField(.birthName), required: true),
            ProcedureField(key: "beneficiaire.prenoms", label: "Prénoms de l'enfant", binding: .beneficiary(.givenNames),
                           type: .tierField(.givenNames), required: false,
                           help: "Tous les prénoms, dans l'ordre de l'état civil."),
            ProcedureField(key: "etablissement", label: "Établissement scolaire", binding: .local,
                           type: .text(maxLength: 80), required: true),
            ProcedureField(key: "classe", label: "Classe", binding: .local, type: .choice(["CP", "CE1", "CE2"]), required: false),
            ProcedureField(key: "enfants", label: "Enfants à charge", binding: .local, type: .integer(min: 1, max: 20), required: false),
            ProcedureField(key: "revenus", label: "Revenus", binding: .local, type: .amount(max: 1_000_000_000), required: false),
            ProcedureField(key: "rentree", label: "Date de rentrée", binding: .local, type: .date, required: false),
            ProcedureField(key: "internat", label: "Interne", binding: .local, type: .yesNo, required: false),
            ProcedureField(key: "remarque", label: "Remarque", binding: .local, type: .text(maxLength: 120), required: false),
        ])
        XCTAssertEqual(procedure.pieces, [
            PieceRequirement(key: "domicile", documentType: .proofOfAddress, label: "Justificatif de domicile",
                             maxAgeDays: 92, concerns: .applicant, required: true),
            PieceRequirement(key: "scolarite", documentType: .schoolCertificate, label: "Certificat de scolarité de l'enfant",
                             maxAgeDays: 200, concerns: .beneficiary, required: false),
        ])
    }

    func testOptionalPartsHaveTheirDefaults() throws {
        let text = """
            code: IS
            titre: Inscription
            demandeur: organisation
            niveaux_validation: 1
            delai_jours: 1
            conservation_ans: 100
            fiche:
              qui_peut_demander: a
              ce_que_la_demarche_apporte: b
              pieces_a_fournir: c
              delais: d
            champs:
              - nom: n
                libelle: N
                type: entier
            """
        let procedure = try ProcedureFileParser.parse(text, file: "x.yaml")
        XCTAssertNil(procedure.beneficiary)
        XCTAssertEqual(procedure.renews, [])
        XCTAssertFalse(procedure.isRenewal)
        XCTAssertEqual(procedure.pieces, [])
        XCTAssertEqual(procedure.applicantKind, .organisation)
        XCTAssertEqual(procedure.fields.first?.type, .integer(min: 0, max: 1_000_000))
        XCTAssertEqual(procedure.fields.first?.required, false)
    }

    func testKeysAndWordsAreReadWithoutCaseOrAccents() throws {
        var text = ProcedureFixture.editing(5, "  Libellé: Enfant")
        text = ProcedureFixture.editing(3, "demandeur: Personne", in: text)
        text = ProcedureFixture.editing(19, "    obligatoire: Oui", in: text)
        text = ProcedureFixture.editing(57, "    concerne: bénéficiaire", in: text)
        let procedure = try ProcedureFileParser.parse(text, file: "x.yaml")
        XCTAssertEqual(procedure.beneficiary?.label, "Enfant")
        XCTAssertEqual(procedure.fields[0].required, true)
        XCTAssertEqual(procedure.pieces[1].concerns, .beneficiary)
    }

    func testNumbersMayHaveSpacesAndListsMayBeOneValue() throws {
        var text = ProcedureFixture.editing(39, "    type: montant", "    max: 100 000 000")
        text = ProcedureFixture.editing(7, "renouvelle: BS", in: text)
        let procedure = try ProcedureFileParser.parse(text, file: "x.yaml")
        XCTAssertEqual(procedure.field("revenus")?.type, .amount(max: 100_000_000))
        XCTAssertEqual(procedure.renews, ["BS"])
    }

    func testAMonthCountsThirtyAndAHalfDaysRoundedUp() {
        XCTAssertEqual(ProcedureFileParser.days(months: 1), 31)
        XCTAssertEqual(ProcedureFileParser.days(months: 3), 92)
        XCTAssertEqual(ProcedureFileParser.days(months: 6), 183)
        XCTAssertEqual(ProcedureFileParser.days(months: 12), 366)
        XCTAssertEqual(ProcedureFileParser.days(months: 18), 549)
        XCTAssertEqual(ProcedureFileParser.months(days: 92), 3)
        XCTAssertEqual(ProcedureFileParser.months(days: 549), 18)
        XCTAssertNil(ProcedureFileParser.months(days: 90))
        for months in 1...120 {
            XCTAssertEqual(ProcedureFileParser.months(days: ProcedureFileParser.days(months: months)), months)
        }
    }

    func testTheErrorDescriptionNamesFileLineAndField() {
        let error = ProcedureFileError(file: "procedures/bourse-scolaire.yaml", line: 12, field: "champs[3].type",
                                       message: "type inconnu « nombr » (attendu : texte, date, entier, montant, choix, oui_non).")
        XCTAssertEqual(error.description, "procedures/bourse-scolaire.yaml, ligne 12, champ « champs[3].type » : "
            + "type inconnu « nombr » (attendu : texte, date, entier, montant, choix, oui_non).")
        XCTAssertEqual(ProcedureFileError(file: "a.yaml", line: 3, message: "m.").description, "a.yaml, ligne 3 : m.")
        XCTAssertEqual(ProcedureFileError(file: "a.yaml", field: "code", message: "m.").description, "a.yaml, champ « code » : m.")
        XCTAssertEqual(ProcedureFileError(file: "procedures", message: "m.").description, "procedures : m.")
    }
}
