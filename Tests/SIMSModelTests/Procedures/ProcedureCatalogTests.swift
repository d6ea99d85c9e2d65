import Foundation
import XCTest
@testable import SIMSModel

final class ProcedureCatalogTests: XCTestCase {
    private typealias F = ProcedureFixture

    // MARK: The shipped procedures

    func testTheShippedProceduresLoad() throws {
        let catalog = try ProcedureCatalog.load(directory: F.shippedDirectory)
        XCTAssertEqual(Set(catalog.procedures.map(\.code)), ["BS", "RBS", "IS", "BES", "LDB"])
        XCTAssertEqual(catalog.procedures.map(\.title), catalog.procedures.map(\.title).sorted {
            SearchText.fold($0) < SearchText.fold($1)
        })

        let grant = try XCTUnwrap(catalog.procedure(code: "BS"))
        XCTAssertEqual(grant.sourceFile, "procedures/bourse-scolaire.yaml")
        XCTAssertEqual(grant.title, "Demande de bourse scolaire")
        XCTAssertEqual(grant.applicantKind, .person)
        XCTAssertEqual(grant.beneficiary, BeneficiaryRule(label: "Enfant", relations: [.legalRepresentative, .parent]))
        XCTAssertEqual(grant.reviewLevels, 2)
        XCTAssertEqual(grant.deadlineDays, 45)
        XCTAssertEqual(grant.retentionYears, 10)
        XCTAssertEqual(grant.fields.map(\.key), Self.grantFieldKeys)
        let required = ["demandeur.nom_naissance", "demandeur.prenoms", "demandeur.date_naissance", "demandeur.adresse",
                        "demandeur.commune", "demandeur.code_postal", "demandeur.telephone", "beneficiaire.nom_naissance",
                        "beneficiaire.prenoms", "beneficiaire.date_naissance", "beneficiaire.sexe", "etablissement", "classe",
                        "annee_scolaire", "situation_familiale", "enfants_a_charge", "revenus_annuels"]
        XCTAssertEqual(grant.fields.filter(\.required).map(\.key), required)
        XCTAssertEqual(grant.field("etablissement")?.type, .text(maxLength: 80))
        XCTAssertEqual(grant.field("classe")?.type, .choice(["CP", "CE1", "CE2", "CM1", "CM2", "6e", "5e", "4e", "3e", "2nde",
                                                             "1re", "Terminale", "CAP 1re année", "CAP 2e année"]))
        XCTAssertEqual(grant.field("annee_scolaire")?.type, .integer(min: 2020, max: 2100))
        XCTAssertEqual(grant.field("situation_familiale")?.type, .choice(["Marié(e)", "Pacsé(e)", "Vie maritale", "Célibataire",
                                                                          "Divorcé(e) ou séparé(e)", "Veuf ou veuve"]))
        XCTAssertEqual(grant.field("enfants_a_charge")?.type, .integer(min: 1, max: 20))
        XCTAssertEqual(grant.field("internat")?.type, .yesNo)
        XCTAssertEqual(grant.field("beneficiaire.sexe")?.binding, .beneficiary(.sex))
        XCTAssertEqual(grant.pieces.map(\.key), ["identite", "domicile", "revenus", "livret", "scolarite", "rib"])
        XCTAssertEqual(grant.pieces.map(\.documentType),
                       [.identityDocument, .proofOfAddress, .taxNotice, .familyRecordBook, .schoolCertificate, .bankDetails])
        XCTAssertEqual(grant.pieces.map(\.maxAgeDays), [nil, 92, 549, nil, 366, nil])
        XCTAssertEqual(grant.pieces.map(\.concerns), [.applicant, .applicant, .applicant, .applicant, .beneficiary, .applicant])

        let renewal = try XCTUnwrap(catalog.procedure(code: "RBS"))
        XCTAssertEqual(renewal.renews, ["BS", "RBS"])
        XCTAssertEqual(renewal.reviewLevels, 2)
        XCTAssertEqual(renewal.fields.map(\.key), Self.grantFieldKeys + ["changement_situation"])
        XCTAssertEqual(renewal.field("changement_situation")?.type, .yesNo)
        XCTAssertEqual(renewal.field("changement_situation")?.required, true)
        // The same fields as the grant, the class and the school year proposing the next ones.
        XCTAssertEqual(renewal.fields.filter(\.nextOnRenewal).map(\.key), ["classe", "annee_scolaire"])
        // The fields that usually change from one year to the next come first: the address, the phone, a change of situation.
        XCTAssertEqual(renewal.fields.filter(\.usuallyChanges).map(\.key), ["demandeur.adresse", "demandeur.telephone", "changement_situation"])
        XCTAssertEqual(Array(renewal.fields.dropLast()).map {
            var field = $0; field.nextOnRenewal = false; field.usuallyChanges = false; return field
        }, grant.fields)
        XCTAssertEqual(renewal.pieces.map(\.key), ["domicile", "revenus", "scolarite"])

        let enrolment = try XCTUnwrap(catalog.procedure(code: "IS"))
        XCTAssertEqual(enrolment.reviewLevels, 1)
        XCTAssertEqual(enrolment.beneficiary?.label, "Enfant")

        let higher = try XCTUnwrap(catalog.procedure(code: "BES"))
        XCTAssertNil(higher.beneficiary)
        XCTAssertEqual(higher.reviewLevels, 2)
        XCTAssertFalse(higher.fields.contains { if case .beneficiary = $0.binding { return true } else { return false } })
        XCTAssertNotNil(higher.field("ville_etudes"))

        let licence = try XCTUnwrap(catalog.procedure(code: "LDB"))
        XCTAssertEqual(licence.applicantKind, .organisation)
        XCTAssertEqual(licence.reviewLevels, 2)
        XCTAssertEqual(Array(licence.fields.prefix(8)).map(\.key), [
            "demandeur.raison_sociale", "demandeur.ridet", "demandeur.forme_juridique", "demandeur.adresse",
            "demandeur.commune", "demandeur.code_postal", "demandeur.telephone", "demandeur.courriel"])
        // The Province Sud's classes (code des débits de boissons), not metropolitan France's categories.
        XCTAssertEqual(licence.field("classe_licence")?.type, .choice([
            "1re classe normale", "1re classe touristique", "2e classe", "2e classe incessible particulière",
            "3e classe", "4e classe", "5e classe"]))
        XCTAssertEqual(licence.field("date_ouverture")?.type, .date)
        XCTAssertEqual(licence.pieces.map(\.documentType),
                       [.ridetNotice, .companyStatutes, .criminalRecord, .trainingCertificate, .leaseOrTitle, .other])
        XCTAssertEqual(licence.pieces.map(\.maxAgeDays), [92, nil, 92, nil, nil, nil])
        // The dedicated sales space is asked for in 3e and 5e classe only.
        let space = try XCTUnwrap(licence.pieces.last)
        XCTAssertTrue(space.applies(to: ["classe_licence": "3e classe"]))
        XCTAssertTrue(space.applies(to: ["classe_licence": "5e classe"]))
        XCTAssertFalse(space.applies(to: ["classe_licence": "2e classe"]))
        XCTAssertFalse(space.applies(to: [:]))
        XCTAssertTrue(ProcedureSheetText.describe(space, in: licence).contains("seulement si classe de licence : 3e classe ou 5e classe"))
    }

    static let grantFieldKeys = [
        "demandeur.nom_naissance", "demandeur.nom_usage", "demandeur.prenoms", "demandeur.date_naissance",
        "demandeur.adresse", "demandeur.commune", "demandeur.code_postal", "demandeur.telephone", "demandeur.courriel",
        "demandeur.cafat", "beneficiaire.nom_naissance", "beneficiaire.prenoms", "beneficiaire.date_naissance",
        "beneficiaire.sexe", "etablissement", "classe", "annee_scolaire", "situation_familiale", "enfants_a_charge",
        "revenus_annuels", "internat",
    ]

    func testProceduresAreFoundByCodeInAnyCase() throws {
        let catalog = try ProcedureCatalog.load(directory: F.shippedDirectory)
        XCTAssertEqual(catalog.procedure(code: "ldb")?.code, "LDB")
        XCTAssertNil(catalog.procedure(code: "XX"))
    }

    // MARK: Errors

    func testEveryFileErrorIsCollectedInFileOrder() throws {
        let directory = try F.temporaryDirectory()
        defer { F.remove(directory) }
        try F.write(F.editing(2, "titr: Bourse"), "b-inconnue.yaml", in: directory)
        try F.write(F.editing(9, "delai_jours: : 4"), "a-syntaxe.yml", in: directory)
        try F.write(F.valid, "c-bonne.yaml", in: directory)
        try F.write("pas une démarche", "LISEZMOI.txt", in: directory)
        try F.write(F.editing(1, "code: ZZ"), ".cachee.yaml", in: directory)
        XCTAssertThrowsError(try ProcedureCatalog.load(directory: directory)) { error in
            let errors = (error as? ProcedureCatalogError)?.errors ?? []
            XCTAssertEqual(errors.map(\.file), ["procedures/a-syntaxe.yml", "procedures/b-inconnue.yaml"])
            XCTAssertEqual(errors.map(\.line), [9, 2])
            XCTAssertEqual(errors.last?.field, "titr")
            XCTAssertEqual("\(error)".components(separatedBy: "\n").count, 2)
            XCTAssertTrue("\(error)".hasPrefix("procedures/a-syntaxe.yml, ligne 9 : syntaxe YAML incorrecte"), "\(error)")
        }
    }

    func testTwoFilesWithTheSameCodeAreBothNamed() throws {
        let directory = try F.temporaryDirectory()
        defer { F.remove(directory) }
        try F.write(F.valid, "bourse-scolaire.yaml", in: directory)
        try F.write(F.editing(2, "titre: Autre bourse"), "copie.yaml", in: directory)
        XCTAssertThrowsError(try ProcedureCatalog.load(directory: directory)) { error in
            let errors = (error as? ProcedureCatalogError)?.errors ?? []
            XCTAssertEqual(errors.count, 1)
            XCTAssertEqual(errors.first?.file, "procedures/copie.yaml")
            XCTAssertEqual(errors.first?.line, 1)
            XCTAssertEqual(errors.first?.field, "code")
            XCTAssertEqual(errors.first?.message.contains("« BS » est déjà celui de procedures/bourse-scolaire.yaml"), true,
                           errors.first?.message ?? "")
        }
    }

    func testARenewedCodeMustExist() throws {
        let directory = try F.temporaryDirectory()
        defer { F.remove(directory) }
        try F.write(F.editing(7, "renouvelle: [BS, XYZ]"), "bourse.yaml", in: directory)
        XCTAssertThrowsError(try ProcedureCatalog.load(directory: directory)) { error in
            let errors = (error as? ProcedureCatalogError)?.errors ?? []
            XCTAssertEqual(errors.map(\.field), ["renouvelle[2]"])
            XCTAssertEqual(errors.map(\.line), [7])
            XCTAssertEqual(errors.first?.message, "aucune démarche de procedures/ n'a le code « XYZ » (codes connus : BS).")
        }
    }

    func testAMissingOrEmptyFolderSaysWhereItLooked() throws {
        let directory = try F.temporaryDirectory()
        defer { F.remove(directory) }
        let missing = directory.appendingPathComponent("absent")
        XCTAssertThrowsError(try ProcedureCatalog.load(directory: missing)) { error in
            let errors = (error as? ProcedureCatalogError)?.errors ?? []
            XCTAssertEqual(errors.first?.file, missing.path)
            XCTAssertEqual(errors.first?.message.contains("introuvable"), true)
        }
        XCTAssertThrowsError(try ProcedureCatalog.load(directory: directory)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(directory.path) : aucun fichier de démarche (.yaml)"), "\(error)")
        }
    }

    func testAFileThatIsNotUTF8IsReportedWithItsLine() throws {
        let directory = try F.temporaryDirectory()
        defer { F.remove(directory) }
        var data = Data(F.valid.utf8)
        data.replaceSubrange(0..<0, with: Data("# Démarche\n# ".utf8) + Data([0xE9]) + Data("\n".utf8))
        try data.write(to: directory.appendingPathComponent("latin1.yaml"))
        XCTAssertThrowsError(try ProcedureCatalog.load(directory: directory)) { error in
            let errors = (error as? ProcedureCatalogError)?.errors ?? []
            XCTAssertEqual(errors.first?.line, 2)
            XCTAssertEqual(errors.first?.message.contains("UTF-8"), true)
        }
    }

    // MARK: Search

    func testSearchFindsTitlesFirstThenFiches() throws {
        let catalog = try ProcedureCatalog.load(directory: F.shippedDirectory)
        XCTAssertEqual(catalog.search("bourse").map(\.code), ["BES", "BS", "RBS"])
        XCTAssertEqual(catalog.search("BOURSE scol").map(\.code), ["BS", "RBS"])
        XCTAssertEqual(catalog.search("debit").map(\.code), ["LDB"])
        XCTAssertEqual(catalog.search("débits boissons").map(\.code), ["LDB"])
        XCTAssertEqual(catalog.search("rbs").map(\.code), ["RBS"])
        XCTAssertEqual(catalog.search("vaccination").map(\.code), ["IS"])
        XCTAssertEqual(catalog.search("").map(\.code), catalog.procedures.map(\.code))
        XCTAssertEqual(catalog.search("  ").count, 5)
        XCTAssertEqual(catalog.search("xylophone"), [])
        XCTAssertEqual(catalog.search("bourse xylophone"), [])
    }

    func testATitleMatchRanksBeforeAFicheMatch() throws {
        let base = try ProcedureFileParser.parse(F.valid, file: "a.yaml")
        var inTitle = base
        inTitle.code = "ZZ"
        inTitle.title = "Zones humides"
        var inSheet = base
        inSheet.code = "AA"
        inSheet.title = "Aide au logement"
        inSheet.sheet.benefit = "Une aide pour les zones humides."
        let catalog = ProcedureCatalog(procedures: [inTitle, base, inSheet])
        XCTAssertEqual(catalog.procedures.map(\.code), ["AA", "BS", "ZZ"])
        XCTAssertEqual(catalog.search("zone hum").map(\.code), ["ZZ", "AA"])
        XCTAssertEqual(catalog.search("humides aide").map(\.code), ["AA", "ZZ"])
    }
}
