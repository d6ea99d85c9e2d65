import XCTest
@testable import SIMSModel

/// Each mistake an administrator can make in a procedure file is reported with its line, its key
/// path and what to write instead.
final class ProcedureFileErrorTests: XCTestCase {
    private typealias F = ProcedureFixture

    func testTheFixtureHasTheLinesItsTestsCountOn() {
        let lines = F.valid.components(separatedBy: "\n")
        XCTAssertEqual(lines[17], "  - lie_a: demandeur.nom_naissance")
        XCTAssertEqual(lines[24], "    type: texte")
        XCTAssertEqual(lines[49], "  - cle: domicile")
        XCTAssertEqual(lines[56], "    concerne: beneficiaire")
    }

    // MARK: YAML and shape

    func testAYAMLSyntaxErrorHasItsLineAndAFrenchAdvice() {
        assertProcedureError(F.editing(2, "titre: Demande: de bourse"), line: 2, field: nil, "syntaxe YAML", "guillemets")
        assertProcedureError(F.editing(19, "\tobligatoire: oui"), line: 19, field: nil, "syntaxe YAML", "espaces")
        assertProcedureError(F.editing(31, "    choix: [CP, CE1, CE2"), line: 32, field: nil, "syntaxe YAML")
    }

    func testAKeyWrittenTwiceIsReported() {
        assertProcedureError(F.editing(9, "delai_jours: 45", "delai_jours: 30"), line: 9, field: nil, "« delai_jours »", "deux fois")
        assertProcedureError(F.editing(5, "  libelle: Enfant", "  libellé: Élève"), line: 6, field: "beneficiaire.libelle", "deux fois")
    }

    func testAnEmptyFileOrAListIsNotAProcedure() {
        assertProcedureError("# rien\n", line: nil, field: nil, "vide", "code, titre")
        assertProcedureError("- code: BS\n- titre: X\n", line: 1, field: nil, "clé: valeur")
        assertProcedureError("Demande de bourse\n", line: 1, field: nil, "clé: valeur")
    }

    // MARK: Keys

    func testAnUnknownKeyListsTheAcceptedOnesAndSuggestsTheClosest() {
        let error = assertProcedureError(F.editing(2, "titr: Demande de bourse scolaire"), line: 2, field: "titr",
                                         "clé inconnue « titr »", "vouliez-vous dire « titre »", "code, titre, demandeur")
        XCTAssertEqual(error?.description.hasPrefix("procedures/test.yaml, ligne 2, champ « titr » : clé inconnue"), true)
        assertProcedureError(F.editing(19, "    obligatorie: oui"), line: 19, field: "champs[1].obligatorie",
                             "vouliez-vous dire « obligatoire »", "lie_a, nom, libelle")
        assertProcedureError(F.editing(52, "    validite: 3"), line: 52, field: "pieces[1].validite", "clés possibles : cle, type")
        assertProcedureError(F.editing(16, "  delai: Réponse en 45 jours."), line: 16, field: "fiche.delai", "« delais »")
    }

    func testAMissingRequiredKeySaysWhatToAdd() {
        assertProcedureError(F.editing(9), line: nil, field: "delai_jours", "obligatoire", "delai_jours: 45")
        assertProcedureError(F.editing(1), line: nil, field: "code", "code: BS")
        assertProcedureError(F.editing(16), line: 12, field: "fiche.delais", "obligatoire")
        assertProcedureError(F.editing(5), line: 5, field: "beneficiaire.libelle", "obligatoire")
        assertProcedureError(F.editing(17...48), line: nil, field: "champs", "obligatoire")
        assertProcedureError(F.editing(17...48, "champs: []"), line: 17, field: "champs", "aucun champ")
        assertProcedureError(F.editing(2, "titre:"), line: 2, field: "titre", "vide")
        assertProcedureError(F.editing(51), line: 50, field: "pieces[1].type", "obligatoire", "type")
        assertProcedureError(F.editing(24), line: 23, field: "champs[3].libelle", "obligatoire")
    }

    // MARK: Values

    func testValuesOfTheWrongKindOrOutOfRangeAreRefused() {
        assertProcedureError(F.editing(9, "delai_jours: 400"), line: 9, field: "delai_jours", "entre 1 et 365")
        assertProcedureError(F.editing(8, "niveaux_validation: 3"), line: 8, field: "niveaux_validation", "entre 1 et 2")
        assertProcedureError(F.editing(8, "niveaux_validation: deux"), line: 8, field: "niveaux_validation", "n'est pas un nombre entier")
        assertProcedureError(F.editing(10, "conservation_ans: 0"), line: 10, field: "conservation_ans", "entre 1 et 100")
        assertProcedureError(F.editing(19, "    obligatoire: peut-être"), line: 19, field: "champs[1].obligatoire", "oui ou non")
        assertProcedureError(F.editing(3, "demandeur: entreprise"), line: 3, field: "demandeur", "personne ou organisation")
        assertProcedureError(F.editing(57, "    concerne: parent"), line: 57, field: "pieces[2].concerne", "demandeur ou beneficiaire")
        assertProcedureError(F.editing(26, "    longueur_max: 5000"), line: 26, field: "champs[3].longueur_max", "entre 1 et 2000")
        assertProcedureError(F.editing(52, "    age_max_mois: 0"), line: 52, field: "pieces[1].age_max_mois", "entre 1 et 120")
        // A piece asked for only for some answers names a choice field and some of its options.
        assertProcedureError(F.editing(52, "    age_max_mois: 3", "    si: classe = CM2"), line: 53, field: "pieces[1].si",
                             "« CM2 » n'est pas un choix du champ « classe »", "CP, CE1, CE2")
        assertProcedureError(F.editing(52, "    age_max_mois: 3", "    si: etablissement = CP"), line: 53, field: "pieces[1].si",
                             "n'est pas un champ à choix", "classe")
        assertProcedureError(F.editing(52, "    age_max_mois: 3", "    si: classe"), line: 53, field: "pieces[1].si",
                             "champ = valeur")
        XCTAssertEqual(try ProcedureFileParser.parse(F.editing(52, "    age_max_mois: 3", "    si: classe = CE1, CE2"), file: "t.yaml")
                        .pieces.first?.condition, PieceCondition(fieldKey: "classe", values: ["CE1", "CE2"]))
        assertProcedureError(F.editing(11...16, "fiche: voir le site"), line: 11, field: "fiche", "clé: valeur")
        assertProcedureError(F.editing(2, "titre: [Bourse]"), line: 2, field: "titre", "texte est attendu")
        assertProcedureError(F.editing(17...48, "champs: etablissement"), line: 17, field: "champs", "une liste est attendue")
        assertProcedureError(F.editing(21, "    libelle: |", "      Prénoms", "      de l'enfant"), line: 21,
                             field: "champs[2].libelle", "une ligne")
    }

    func testTheCodeIsTwoToSixCapitalLetters() {
        for bad in ["bs", "B", "BOURSES", "B5", "ÉS"] {
            assertProcedureError(F.editing(1, "code: \(bad)"), line: 1, field: "code", "code invalide « \(bad) »", "majuscules")
        }
        assertProcedureError(F.editing(7, "renouvelle: [BS, bs]"), line: 7, field: "renouvelle[2]", "code invalide")
        assertProcedureError(F.editing(7, "renouvelle: [BS, BS]"), line: 7, field: "renouvelle[2]", "deux fois")
    }

    // MARK: Fields

    func testAnUnknownFieldTypeListsTheTypes() {
        let error = assertProcedureError(F.editing(25, "    type: nombr"), line: 25, field: "champs[3].type")
        XCTAssertEqual(error?.message, "type inconnu « nombr » (attendu : texte, date, entier, montant, choix, oui_non).")
    }

    func testAnUnknownTierFieldOrSideInLieA() {
        assertProcedureError(F.editing(18, "  - lie_a: demandeur.nom_naisance"), line: 18, field: "champs[1].lie_a",
                             "champ de tiers inconnu « nom_naisance »", "vouliez-vous dire « nom_naissance »", "prenoms")
        assertProcedureError(F.editing(18, "  - lie_a: parent.nom_naissance"), line: 18, field: "champs[1].lie_a",
                             "côté inconnu « parent »", "demandeur ou beneficiaire")
        assertProcedureError(F.editing(18, "  - lie_a: nom_naissance"), line: 18, field: "champs[1].lie_a", "demandeur.telephone")
    }

    func testABoundFieldMustApplyToTheKindOfTier() {
        let organisation = F.editing(4...6, in: F.editing(20, "  - lie_a: demandeur.raison_sociale", in: F.editing(3, "demandeur: organisation")))
        // Lines 4 to 6 are gone: the first field is on line 15.
        assertProcedureError(F.editing(54, "    concerne: demandeur", in: organisation), line: 15, field: "champs[1].lie_a",
                             "« nom_naissance » ne s'applique pas", "organisation", "raison_sociale")
        assertProcedureError(F.editing(20, "  - lie_a: beneficiaire.ridet"), line: 20, field: "champs[2].lie_a",
                             "toujours une personne", "nom_naissance")
    }

    func testTheBeneficiaryNeedsItsSection() {
        assertProcedureError(F.editing(4...6), line: 17, field: "champs[2].lie_a", "section « beneficiaire »")
        let noBoundBeneficiary = F.editing(20, "  - lie_a: demandeur.prenoms")
        assertProcedureError(F.editing(4...6, in: noBoundBeneficiary), line: 54, field: "pieces[2].concerne",
                             "section « beneficiaire »", "concerne: demandeur")
    }

    func testAFieldIsEitherBoundOrNamed() {
        assertProcedureError(F.editing(19, "    nom: nom_naissance"), line: 18, field: "champs[1]", "soit « lie_a »", "pas les deux")
        assertProcedureError(F.editing(18, "  - libelle: Nom"), line: 18, field: "champs[1]", "lie_a: demandeur", "nom:")
        assertProcedureError(F.editing(18...19, "  - demandeur.nom_naissance"), line: 18, field: "champs[1]", "clé: valeur")
        assertProcedureError(F.editing(19, "    type: texte"), line: 19, field: "champs[1].type", "lié à un tiers", "Retirez")
    }

    func testALocalFieldHasAValidName() {
        assertProcedureError(F.editing(23, "  - nom: Établissement"), line: 23, field: "champs[3].nom", "clé invalide", "minuscules")
        assertProcedureError(F.editing(23, "  - nom: 1er_etablissement"), line: 23, field: "champs[3].nom", "clé invalide")
    }

    func testTypeOptionsBelongToTheirType() {
        assertProcedureError(F.editing(31, "    longueur_max: 10"), line: 31, field: "champs[4].longueur_max",
                             "ne vaut que pour le type texte", "choix")
        assertProcedureError(F.editing(39, "    type: montant", "    min: 10"), line: 40, field: "champs[6].min", "type entier")
        assertProcedureError(F.editing(31), line: 28, field: "champs[4].choix", "obligatoire", "choix: [")
        assertProcedureError(F.editing(31, "    choix: []"), line: 31, field: "champs[4].choix", "vide")
        assertProcedureError(F.editing(31, "    choix: [CP, CE1, cp]"), line: 31, field: "champs[4].choix[3]", "« cp » figure deux fois")
        assertProcedureError(F.editing(36, "    max: 0"), line: 36, field: "champs[5].max", "inférieur au minimum")
    }

    func testDuplicateFieldAndPieceKeys() {
        assertProcedureError(F.editing(28, "  - nom: etablissement"), line: 28, field: "champs[4].nom",
                             "« etablissement » est déjà déclaré", "champs[3], ligne 23")
        assertProcedureError(F.editing(20, "  - lie_a: demandeur.nom_naissance"), line: 20, field: "champs[2].lie_a",
                             "« demandeur.nom_naissance »", "champs[1], ligne 18")
        assertProcedureError(F.editing(53, "  - cle: domicile"), line: 53, field: "pieces[2].cle",
                             "« domicile » est déjà déclarée", "pieces[1], ligne 50")
    }

    // MARK: Pieces and relations

    func testAnUnknownDocumentType() {
        assertProcedureError(F.editing(51, "    type: justificatif_domicil"), line: 51, field: "pieces[1].type",
                             "type de pièce inconnu", "vouliez-vous dire « justificatif_domicile »", "piece_identite")
    }

    func testAnUnknownOrImpossibleRelation() {
        assertProcedureError(F.editing(6, "  relations: [representant_legal, mere]"), line: 6, field: "beneficiaire.relations[2]",
                             "relation inconnue « mere »", "representant_legal, parent")
        assertProcedureError(F.editing(6, "  relations: [gerant]"), line: 6, field: "beneficiaire.relations[1]", "personne")
        assertProcedureError(F.editing(6, "  relations: []"), line: 6, field: "beneficiaire.relations", "au moins une relation")
    }

    func testBothMaximumAgesAreRefused() {
        assertProcedureError(F.editing(52, "    age_max_mois: 3", "    age_max_jours: 90"), line: 53,
                             field: "pieces[1].age_max_jours", "« age_max_mois » et « age_max_jours »", "un seul")
    }
}
