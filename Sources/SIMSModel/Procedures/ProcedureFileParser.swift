import Foundation
import Yams

/// Reads one procedure file (YAML with French keys) into a ``Procedure``, or says in French,
/// with the line and the key path, what to fix.
///
/// The file is read through Yams' node tree (`Yams.compose(yaml:)`), so that every value keeps
/// its line. Keys are compared without case and accents (`libellé` is `libelle`); an unknown key
/// is an error that lists the accepted ones, which catches typos. See the README for the format.
///
/// ```swift
/// let text = try String(contentsOfFile: "procedures/bourse-scolaire.yaml", encoding: .utf8)
/// let grant = try ProcedureFileParser.parse(text, file: "procedures/bourse-scolaire.yaml")
/// grant.field("demandeur.telephone")?.binding   // .applicant(.phone)
/// ```
public enum ProcedureFileParser {
    /// The procedure described by `text`; `file` names it in errors and becomes its
    /// ``Procedure/sourceFile``.
    public static func parse(_ text: String, file: String) throws(ProcedureFileError) -> Procedure {
        try read(text, file: file).procedure
    }

    /// The days a maximum age of `months` months stands for: a month counts 30.5 days, rounded up
    /// (`3` gives 92 days, `12` gives 366, `18` gives 549).
    public static func days(months: Int) -> Int { months * 31 - months / 2 }

    /// The months that ``days(months:)`` turns into exactly `days`, if any (`92` gives 3).
    public static func months(days: Int) -> Int? {
        let estimate = Int((Double(days) / 30.5).rounded(.down))
        return (max(1, estimate - 1)...max(1, estimate + 1)).first { Self.days(months: $0) == days }
    }

    /// A parsed procedure, with the lines the catalogue's checks across files point at.
    struct Parsed {
        var procedure: Procedure
        /// The line of the `code` value.
        var codeLine: Int?
        /// The line of each code of `renouvelle`, in order.
        var renewsLines: [Int?]
    }

    static func read(_ text: String, file: String) throws(ProcedureFileError) -> Parsed {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw syntaxError(error, text: text, file: file)
        }
        guard let root, !Item(node: root, path: nil, file: file).isNull else {
            throw ProcedureFileError(file: file, line: nil, field: nil, message:
                "le fichier est vide : il doit décrire une démarche (\(Accepted.topLevel.joined(separator: ", "))).")
        }
        return try readProcedure(Item(node: root, path: nil, file: file))
    }

    // MARK: - The procedure

    private static func readProcedure(_ root: Item) throws(ProcedureFileError) -> Parsed {
        guard root.node.mapping != nil else {
            throw root.error("le fichier doit être fait de lignes « clé: valeur » (\(Accepted.topLevel.joined(separator: ", "))), "
                + "pas d'une liste ni d'un texte seul.")
        }
        let keys = try root.mapping(accepting: Accepted.topLevel)
        let codeItem = try keys.required("code")
        let code = try readCode(codeItem)
        let title = try keys.required("titre").singleLine()
        let applicantKind: TierKind = try keys.required("demandeur").choice(
            [("personne", TierKind.person), ("organisation", TierKind.organisation)])
        var beneficiary: BeneficiaryRule?
        if let item = keys.optional("beneficiaire") { beneficiary = try readBeneficiary(item) }

        var renews: [String] = []
        var renewsLines: [Int?] = []
        if let item = keys.optional("renouvelle") {
            for element in try item.list(singleScalar: true) {
                let renewed = try readCode(element)
                if renews.contains(renewed) {
                    throw element.error("le code \(ShownText.quoted(renewed)) figure deux fois dans la liste : gardez-en un seul.")
                }
                renews.append(renewed)
                renewsLines.append(element.line)
            }
        }

        let reviewLevels = try keys.required("niveaux_validation").integer(in: 1...2, hint:
            "1 (un instructeur décide) ou 2 (un superviseur valide la proposition de l'instructeur)")
        let deadlineDays = try keys.required("delai_jours").integer(in: 1...365, hint: "nombre de jours entre le dépôt et la décision")
        let retentionYears = try keys.required("conservation_ans").integer(in: 1...100, hint: "années de conservation du dossier clos")
        let sheet = try readSheet(try keys.required("fiche"))

        let context = Context(applicantKind: applicantKind, hasBeneficiary: beneficiary != nil)
        let fieldsItem = try keys.required("champs")
        var fields: [ProcedureField] = []
        var fieldLines: [String: (path: String, line: Int?)] = [:]
        let fieldItems = try fieldsItem.list(singleScalar: false)
        if fieldItems.isEmpty {
            throw fieldsItem.error("la démarche n'a aucun champ : ajoutez au moins un élément « - lie_a: ... » ou « - nom: ... ».")
        }
        for element in fieldItems {
            let (field, keyItem) = try readField(element, context: context)
            if let previous = fieldLines[field.key] {
                throw keyItem.error("le champ \(ShownText.quoted(field.key)) est déjà déclaré plus haut (\(previous.path)"
                    + (previous.line.map { ", ligne \($0)" } ?? "") + ") : retirez l'un des deux.")
            }
            fieldLines[field.key] = (element.path ?? "", keyItem.line)
            fields.append(field)
        }

        var pieces: [PieceRequirement] = []
        var pieceLines: [String: (path: String, line: Int?)] = [:]
        if let piecesItem = keys.optional("pieces") {
            for element in try piecesItem.list(singleScalar: false) {
                let (piece, keyItem) = try readPiece(element, context: context, fields: fields)
                if let previous = pieceLines[piece.key] {
                    throw keyItem.error("la pièce \(ShownText.quoted(piece.key)) est déjà déclarée plus haut (\(previous.path)"
                        + (previous.line.map { ", ligne \($0)" } ?? "") + ") : donnez une clé différente à chaque pièce.")
                }
                pieceLines[piece.key] = (element.path ?? "", keyItem.line)
                pieces.append(piece)
            }
        }

        let procedure = Procedure(
            code: code, title: title, applicantKind: applicantKind, beneficiary: beneficiary, renews: renews,
            sheet: sheet, fields: fields, pieces: pieces, reviewLevels: reviewLevels, deadlineDays: deadlineDays,
            retentionYears: retentionYears, sourceFile: root.file)
        return Parsed(procedure: procedure, codeLine: codeItem.line, renewsLines: renewsLines)
    }

    private static func readCode(_ item: Item) throws(ProcedureFileError) -> String {
        let code = try item.singleLine()
        let isValid = (2...6).contains(code.count) && code.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) }
        guard isValid else {
            throw item.error("code invalide \(ShownText.quoted(code)) : 2 à 6 lettres majuscules sans accent, par ex. BS "
                + "(il sert de préfixe aux numéros de dossier : BS-2026-000123).")
        }
        return code
    }

    private static func readBeneficiary(_ item: Item) throws(ProcedureFileError) -> BeneficiaryRule {
        let keys = try item.mapping(accepting: Accepted.beneficiary)
        let label = try keys.required("libelle").singleLine()
        let relationsItem = try keys.required("relations")
        var relations: [RelationKind] = []
        let accepted = RelationKind.allCases.filter { $0 != .manager }
        let expected = accepted.map(\.rawValue).joined(separator: ", ")
        for element in try relationsItem.list(singleScalar: true) {
            let word = try element.singleLine()
            guard let relation = RelationKind(rawValue: normalized(word)) else {
                throw element.error("relation inconnue \(ShownText.quoted(word)) (attendu : \(expected)).")
            }
            guard relation != .manager else {
                throw element.error("la relation « gerant » relie une société à son gérant, or le bénéficiaire est une personne "
                    + "(attendu : \(expected)).")
            }
            if relations.contains(relation) {
                throw element.error("la relation \(ShownText.quoted(relation.rawValue)) figure deux fois : gardez-en une seule.")
            }
            relations.append(relation)
        }
        if relations.isEmpty {
            throw relationsItem.error("indiquez au moins une relation entre le bénéficiaire et le demandeur, par ex. "
                + "[representant_legal, parent].")
        }
        return BeneficiaryRule(label: label, relations: relations)
    }

    private static func readSheet(_ item: Item) throws(ProcedureFileError) -> ProcedureSheet {
        let keys = try item.mapping(accepting: Accepted.sheet)
        return ProcedureSheet(
            eligibility: try keys.required("qui_peut_demander").paragraphs(),
            benefit: try keys.required("ce_que_la_demarche_apporte").paragraphs(),
            pieces: try keys.required("pieces_a_fournir").paragraphs(),
            deadlines: try keys.required("delais").paragraphs())
    }

    // MARK: - Fields

    /// What the fields and pieces of a procedure are checked against.
    private struct Context {
        var applicantKind: TierKind
        var hasBeneficiary: Bool
    }

    /// A field, with the item of its `lie_a` or `nom` (where a duplicate is reported).
    private static func readField(_ item: Item, context: Context) throws(ProcedureFileError) -> (ProcedureField, Item) {
        guard item.node.mapping != nil else {
            throw item.error("chaque champ est un groupe de lignes « clé: valeur » commençant par « - lie_a: » "
                + "(champ d'un tiers) ou « - nom: » (champ propre à la démarche).")
        }
        let keys = try item.mapping(accepting: Accepted.field)
        switch (keys.entry("lie_a"), keys.entry("nom")) {
        case (.some, .some):
            throw item.error("un champ a soit « lie_a » (champ d'un tiers), soit « nom » (champ propre à la démarche), "
                + "pas les deux : retirez l'une des deux lignes.")
        case (nil, nil):
            throw item.error("indiquez « lie_a: demandeur.<champ> » pour un champ pris sur un tiers, "
                + "ou « nom: <clé> » avec « libelle » et « type » pour un champ propre à la démarche.")
        case (let bound?, nil):
            return (try readBoundField(keys, bound: bound, context: context), bound)
        case (nil, let named?):
            return (try readLocalField(keys, named: named), named)
        }
    }

    private static func readBoundField(_ keys: Entries, bound: Item, context: Context) throws(ProcedureFileError) -> ProcedureField {
        for key in ["type", "longueur_max", "choix", "min", "max"] {
            if let misplaced = keys.entry(key) {
                throw misplaced.error("\(ShownText.quoted(key)) ne s'écrit pas pour un champ lié à un tiers : il est contrôlé par "
                    + "la règle du champ du tiers. Retirez cette ligne.")
            }
        }
        let text = try bound.singleLine()
        let parts = normalized(text).split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else {
            throw bound.error("\(ShownText.quoted(text)) : écrivez le côté puis le champ du tiers, séparés par un point, "
                + "par ex. demandeur.telephone ou beneficiaire.date_naissance.")
        }
        let isApplicant: Bool
        switch parts[0] {
        case "demandeur": isApplicant = true
        case "beneficiaire": isApplicant = false
        default:
            throw bound.error("côté inconnu \(ShownText.quoted(parts[0])) dans \(ShownText.quoted(text)) (attendu : demandeur ou beneficiaire).")
        }
        if !isApplicant && !context.hasBeneficiary {
            throw bound.error("\(ShownText.quoted(text)) suppose une section « beneficiaire » (libelle et relations) en tête du fichier : "
                + "ajoutez-la, ou liez ce champ au demandeur.")
        }
        let kind = isApplicant ? context.applicantKind : .person
        let possible = TierField.fields(of: kind).map(\.rawValue)
        guard let tierField = TierField(rawValue: parts[1]) else {
            throw bound.error("champ de tiers inconnu \(ShownText.quoted(parts[1])) (\(suggestion(parts[1], among: possible))"
                + "attendu : \(possible.joined(separator: ", "))).")
        }
        guard tierField.applies(to: kind) else {
            let who = isApplicant ? "le demandeur est une \(kind == .person ? "personne" : "organisation") (demandeur: \(kind.rawValue))"
                                  : "le bénéficiaire est toujours une personne"
            throw bound.error("le champ \(ShownText.quoted(tierField.rawValue)) ne s'applique pas ici : \(who) ; "
                + "champs possibles : \(possible.joined(separator: ", ")).")
        }
        let side = isApplicant ? "demandeur" : "beneficiaire"
        return ProcedureField(
            key: "\(side).\(tierField.rawValue)",
            label: try keys.optional("libelle")?.fieldLabel() ?? tierField.label,
            binding: isApplicant ? .applicant(tierField) : .beneficiary(tierField),
            type: .tierField(tierField),
            required: try keys.optional("obligatoire")?.flag() ?? false,
            help: try keys.optional("aide")?.singleLine(),
            usuallyChanges: try keys.optional("change_souvent")?.flag() ?? false)
    }

    private static func readLocalField(_ keys: Entries, named: Item) throws(ProcedureFileError) -> ProcedureField {
        let name = try readKey(named, example: "etablissement")
        let label = try keys.required("libelle").fieldLabel()
        let typeItem = try keys.required("type")
        let typeNames = ["texte", "date", "entier", "montant", "choix", "oui_non"]
        let typeWord = try typeItem.singleLine()
        let typeName = normalized(typeWord)
        guard typeNames.contains(typeName) else {
            throw typeItem.error("type inconnu \(ShownText.quoted(typeWord)) (attendu : \(typeNames.joined(separator: ", "))).")
        }
        let allowed: [String: [String]] = ["texte": ["longueur_max"], "choix": ["choix"], "entier": ["min", "max"], "montant": ["max"]]
        for key in ["longueur_max", "choix", "min", "max"] where !(allowed[typeName] ?? []).contains(key) {
            if let misplaced = keys.entry(key) {
                let owners = allowed.filter { $0.value.contains(key) }.keys.sorted().joined(separator: " et ")
                throw misplaced.error("\(ShownText.quoted(key)) ne vaut que pour le type \(owners), pas pour \(ShownText.quoted(typeName)) : "
                    + "retirez cette ligne ou changez le type.")
            }
        }
        let type: ProcedureFieldType
        switch typeName {
        case "texte":
            type = .text(maxLength: try keys.optional("longueur_max")?.integer(in: 1...2000, hint: "nombre maximal de caractères") ?? 120)
        case "date":
            type = .date
        case "entier":
            let minimum = try keys.optional("min")?.integer(in: -1_000_000_000_000...1_000_000_000_000, hint: "plus petite valeur admise") ?? 0
            let maxItem = keys.optional("max")
            let maximum = try maxItem?.integer(in: -1_000_000_000_000...1_000_000_000_000, hint: "plus grande valeur admise") ?? 1_000_000
            if maximum < minimum {
                throw (maxItem ?? typeItem).error("le maximum (\(maximum)) est inférieur au minimum (\(minimum)) : "
                    + "corrigez « min » ou « max ».")
            }
            type = .integer(min: minimum, max: maximum)
        case "montant":
            type = .amount(max: try keys.optional("max")?.integer(in: 1...1_000_000_000_000, hint: "montant maximal en F CFP") ?? 1_000_000_000)
        case "choix":
            let choicesItem = try keys.required("choix")
            var choices: [String] = []
            var folded: Set<String> = []
            for element in try choicesItem.list(singleScalar: false) {
                let choice = try element.singleLine()
                if !folded.insert(SearchText.words(choice).joined(separator: " ")).inserted {
                    throw element.error("le choix \(ShownText.quoted(choice)) figure deux fois : gardez-en un seul.")
                }
                choices.append(choice)
            }
            if choices.isEmpty {
                throw choicesItem.error("la liste des choix est vide : écrivez par ex. « choix: [CP, CE1, CE2] ».")
            }
            type = .choice(choices)
        default:
            type = .yesNo
        }
        var nextOnRenewal = false
        if let renewalItem = keys.optional("au_renouvellement") {
            nextOnRenewal = try renewalItem.choice([("suivant", true), ("repris", false)])
            if nextOnRenewal, typeName != "choix", typeName != "entier" {
                throw renewalItem.error("« au_renouvellement: suivant » ne vaut que pour un champ de type choix ou entier "
                    + "(la classe suivante, l'année suivante) : retirez cette ligne ou changez le type.")
            }
        }
        return ProcedureField(
            key: name, label: label, binding: .local, type: type,
            required: try keys.optional("obligatoire")?.flag() ?? false,
            help: try keys.optional("aide")?.singleLine(), nextOnRenewal: nextOnRenewal,
            usuallyChanges: try keys.optional("change_souvent")?.flag() ?? false)
    }

    /// A key of a local field or of a piece: `[a-z][a-z0-9_]*`.
    private static func readKey(_ item: Item, example: String) throws(ProcedureFileError) -> String {
        let key = try item.singleLine()
        let scalars = Array(key.unicodeScalars)
        let isValid = scalars.first.map { ("a"..."z").contains($0) } == true
            && scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
        guard isValid else {
            throw item.error("clé invalide \(ShownText.quoted(key)) : lettres minuscules sans accent, chiffres et « _ », "
                + "en commençant par une lettre (par ex. \(example)).")
        }
        return key
    }

    // MARK: - Pieces

    private static func readPiece(_ item: Item, context: Context, fields: [ProcedureField]) throws(ProcedureFileError)
        -> (PieceRequirement, Item) {
        guard item.node.mapping != nil else {
            throw item.error("chaque pièce est un groupe de lignes « clé: valeur » commençant par « - cle: » "
                + "(par ex. « - cle: domicile » puis « type: justificatif_domicile »).")
        }
        let keys = try item.mapping(accepting: Accepted.piece)
        let keyItem = try keys.required("cle")
        let key = try readKey(keyItem, example: "domicile")
        let typeItem = try keys.required("type")
        let typeWord = try typeItem.singleLine()
        let possible = DocumentType.allCases.map(\.rawValue)
        guard let documentType = DocumentType(rawValue: normalized(typeWord)) else {
            throw typeItem.error("type de pièce inconnu \(ShownText.quoted(typeWord)) (\(suggestion(typeWord, among: possible))"
                + "attendu : \(possible.joined(separator: ", "))).")
        }
        var maxAgeDays: Int?
        switch (keys.optional("age_max_mois"), keys.optional("age_max_jours")) {
        case (.some, let daysItem?):
            throw daysItem.error("« age_max_mois » et « age_max_jours » ne vont pas ensemble : gardez-en un seul.")
        case (let monthsItem?, nil):
            maxAgeDays = days(months: try monthsItem.integer(in: 1...120, hint: "âge maximal du document en mois"))
        case (nil, let daysItem?):
            maxAgeDays = try daysItem.integer(in: 1...3660, hint: "âge maximal du document en jours")
        case (nil, nil):
            maxAgeDays = nil
        }
        let concerns = try keys.optional("concerne")?.choice(
            [("demandeur", PieceOwner.applicant), ("beneficiaire", PieceOwner.beneficiary)]) ?? .applicant
        if concerns == .beneficiary && !context.hasBeneficiary, let concerned = keys.optional("concerne") {
            throw concerned.error("« concerne: beneficiaire » suppose une section « beneficiaire » (libelle et relations) "
                + "en tête du fichier : ajoutez-la, ou écrivez « concerne: demandeur ».")
        }
        var condition: PieceCondition?
        if let conditionItem = keys.optional("si") { condition = try readCondition(conditionItem, fields: fields) }
        let piece = PieceRequirement(
            key: key, documentType: documentType, label: try keys.optional("libelle")?.singleLine(), maxAgeDays: maxAgeDays,
            concerns: concerns, required: try keys.optional("obligatoire")?.flag() ?? true, condition: condition)
        return (piece, keyItem)
    }

    /// `si: classe_licence = 3e classe, 5e classe`: a choice field of the procedure and some of its options.
    private static func readCondition(_ item: Item, fields: [ProcedureField]) throws(ProcedureFileError) -> PieceCondition {
        let text = try item.singleLine()
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw item.error("écrivez la condition « champ = valeur, valeur » (par ex. « si: classe_licence = 3e classe, 5e classe »).")
        }
        let choiceFields = fields.compactMap { field -> (String, [String])? in
            if case .choice(let options) = field.type { return (field.key, options) }
            return nil
        }
        guard let (key, options) = choiceFields.first(where: { $0.0 == parts[0] }) else {
            throw item.error("« \(parts[0]) » n'est pas un champ à choix de la démarche (champs à choix : "
                + (choiceFields.isEmpty ? "aucun" : choiceFields.map(\.0).joined(separator: ", ")) + ").")
        }
        let values = parts[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        for value in values where !options.contains(value) {
            throw item.error("« \(value) » n'est pas un choix du champ « \(key) » (choix : \(options.joined(separator: ", "))).")
        }
        return PieceCondition(fieldKey: key, values: values)
    }

    // MARK: - Keys

    private enum Accepted {
        static let topLevel = ["code", "titre", "demandeur", "beneficiaire", "renouvelle", "niveaux_validation",
                               "delai_jours", "conservation_ans", "fiche", "champs", "pieces"]
        static let beneficiary = ["libelle", "relations"]
        static let sheet = ["qui_peut_demander", "ce_que_la_demarche_apporte", "pieces_a_fournir", "delais"]
        static let field = ["lie_a", "nom", "libelle", "type", "obligatoire", "aide", "longueur_max", "choix", "min", "max",
                            "au_renouvellement", "change_souvent"]
        static let piece = ["cle", "type", "libelle", "age_max_mois", "age_max_jours", "concerne", "obligatoire", "si"]

        /// What to write for a missing key.
        static let examples: [String: String] = [
            "code": "code: BS", "titre": "titre: Demande de bourse scolaire", "demandeur": "demandeur: personne",
            "niveaux_validation": "niveaux_validation: 2", "delai_jours": "delai_jours: 45",
            "conservation_ans": "conservation_ans: 10", "fiche": "fiche: suivi des quatre textes de la fiche pratique",
            "champs": "champs: suivi de la liste des champs", "libelle": "libelle: Enfant",
            "relations": "relations: [representant_legal, parent]", "type": "type: texte", "cle": "cle: domicile",
            "choix": "choix: [Oui, Non]",
            "qui_peut_demander": "qui_peut_demander: | suivi du texte, indenté",
            "ce_que_la_demarche_apporte": "ce_que_la_demarche_apporte: | suivi du texte, indenté",
            "pieces_a_fournir": "pieces_a_fournir: | suivi du texte, indenté",
            "delais": "delais: | suivi du texte, indenté",
        ]
    }

    // MARK: - Nodes

    /// A node of the file with its key path, for reading values and reporting errors.
    private struct Item {
        var node: Node
        /// `champs[3].type`; nil for the document itself.
        var path: String?
        var file: String

        var line: Int? { node.mark?.line }

        var isNull: Bool {
            guard let scalar = node.scalar else { return false }
            return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }

        func error(_ message: String) -> ProcedureFileError {
            ProcedureFileError(file: file, line: line, field: path, message: message)
        }

        func child(_ key: String, _ node: Node) -> Item {
            Item(node: node, path: path.map { "\($0).\(key)" } ?? key, file: file)
        }

        /// The mapping's entries, after checking that every key is one of `accepted`.
        func mapping(accepting accepted: [String]) throws(ProcedureFileError) -> Entries {
            guard let mapping = node.mapping else {
                throw error("un groupe de lignes « clé: valeur » indentées est attendu ici (clés possibles : "
                    + "\(accepted.joined(separator: ", "))).")
            }
            var entries: [(key: String, value: Item)] = []
            for (keyNode, valueNode) in mapping {
                let keyItem = Item(node: keyNode, path: path, file: file)
                guard let written = keyNode.scalar?.string else {
                    throw keyItem.error("une clé doit être un mot, par ex. « \(accepted[0]): ».")
                }
                let key = normalized(written)
                guard accepted.contains(key) else {
                    let unknown = Item(node: keyNode, path: path.map { "\($0).\(written)" } ?? written, file: file)
                    throw unknown.error("clé inconnue \(ShownText.quoted(written)) (\(suggestion(key, among: accepted))"
                        + "clés possibles : \(accepted.joined(separator: ", "))).")
                }
                if let previous = entries.first(where: { $0.key == key }) {
                    throw child(key, keyNode).error("la clé \(ShownText.quoted(key)) est écrite deux fois"
                        + (previous.value.line.map { " (déjà ligne \($0))" } ?? "") + " : gardez-en une seule.")
                }
                // A null value carries the key's line: libyaml marks it at the end of the key.
                entries.append((key, child(key, valueNode)))
            }
            return Entries(owner: self, entries: entries)
        }

        /// The elements of a list; `singleScalar` also takes one plain value as a list of one.
        func list(singleScalar: Bool) throws(ProcedureFileError) -> [Item] {
            if let sequence = node.sequence {
                return sequence.enumerated().map { index, element in
                    Item(node: element, path: "\(path ?? "")[\(index + 1)]", file: file)
                }
            }
            if singleScalar, node.scalar != nil { return [Item(node: node, path: "\(path ?? "")[1]", file: file)] }
            throw error("une liste est attendue : soit entre crochets, par ex. « [A, B] », soit un élément par ligne "
                + "commençant par « - ».")
        }

        /// A one-line text value.
        func singleLine() throws(ProcedureFileError) -> String {
            let text = try scalarText()
            if text.contains(where: \.isNewline) {
                throw error("cette valeur doit tenir sur une ligne.")
            }
            return text
        }

        /// A field's label: one line that fits the label column of the 80-column form.
        func fieldLabel() throws(ProcedureFileError) -> String {
            let text = try singleLine()
            guard text.count <= ProcedureField.maxLabelLength else {
                throw error("libellé trop long (\(text.count) caractères, \(ProcedureField.maxLabelLength) au plus pour tenir "
                    + "dans le formulaire) : raccourcissez-le et mettez le détail dans « aide ».")
            }
            return text
        }

        /// A text of one or more paragraphs, as written (`|` keeps the line breaks).
        func paragraphs() throws(ProcedureFileError) -> String {
            let text = try scalarText()
            return text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { String($0.reversed().drop(while: \.isWhitespace).reversed()) }
                .joined(separator: "\n")
        }

        private func scalarText() throws(ProcedureFileError) -> String {
            guard let scalar = node.scalar else {
                throw error("un texte est attendu ici, pas \(node.sequence != nil ? "une liste" : "un groupe de clés").")
            }
            let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty || isNull {
                throw error("la valeur est vide : écrivez-la après les deux-points.")
            }
            return text
        }

        /// A whole number in `range`; spaces and `_` between digits are accepted (`100 000 000`).
        func integer(in range: ClosedRange<Int>, hint: String) throws(ProcedureFileError) -> Int {
            let written = try singleLine()
            let compact = String(written.unicodeScalars.filter { !" _\u{A0}\u{202F}".unicodeScalars.contains($0) })
            guard let value = Int(compact) else {
                throw error("\(ShownText.quoted(written)) n'est pas un nombre entier : écrivez seulement le nombre (\(hint)).")
            }
            guard range.contains(value) else {
                throw error("\(value) est hors limites : la valeur doit être comprise entre \(range.lowerBound) et "
                    + "\(range.upperBound) (\(hint)).")
            }
            return value
        }

        /// Oui or non (also true or false).
        func flag() throws(ProcedureFileError) -> Bool {
            let written = try singleLine()
            switch normalized(written) {
            case "oui", "true": return true
            case "non", "false": return false
            default: throw error("\(ShownText.quoted(written)) : écrivez oui ou non.")
            }
        }

        /// One of a few words, compared without case and accents.
        func choice<T>(_ words: [(String, T)]) throws(ProcedureFileError) -> T {
            let written = try singleLine()
            guard let found = words.first(where: { $0.0 == normalized(written) }) else {
                throw error("\(ShownText.quoted(written)) n'est pas une valeur possible (attendu : \(words.map(\.0).joined(separator: " ou "))).")
            }
            return found.1
        }
    }

    /// The checked entries of a mapping.
    private struct Entries {
        var owner: Item
        var entries: [(key: String, value: Item)]

        /// The value of `key` when it is written, even empty.
        func entry(_ key: String) -> Item? { entries.first { $0.key == key }?.value }

        /// The value of `key` when it is written and not empty.
        func optional(_ key: String) -> Item? { entry(key).flatMap { $0.isNull ? nil : $0 } }

        /// The value of `key`, which must be written.
        func required(_ key: String) throws(ProcedureFileError) -> Item {
            if let value = optional(key) { return value }
            let example = Accepted.examples[key].map { ", par ex. \(ShownText.quoted($0))" } ?? ""
            if let empty = entry(key) {
                throw empty.error("la valeur de \(ShownText.quoted(key)) est vide : écrivez-la après les deux-points\(example).")
            }
            let path = owner.path.map { "\($0).\(key)" } ?? key
            // At the top of the file the mapping's line would only be its first key's: name no line.
            let line = owner.path == nil ? nil : owner.line
            throw ProcedureFileError(file: owner.file, line: line, field: path, message:
                "la clé \(ShownText.quoted(key)) est obligatoire et manque : ajoutez-la\(example).")
        }
    }

    // MARK: - Text helpers

    /// Lower case without accents or surrounding spaces: `Libellé ` gives `libelle`.
    static func normalized(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// « vouliez-vous dire « titre » ? » and a space when `word` is one or two edits away from one
    /// of `candidates`, else nothing.
    static func suggestion(_ word: String, among candidates: [String]) -> String {
        let word = normalized(word)
        let scored = candidates.map { ($0, EditDistance.distance(word, $0, limit: 2)) }.filter { $0.1 <= ($0.0.count <= 4 ? 1 : 2) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return "" }
        return "vouliez-vous dire \(ShownText.quoted(best.0)) ? "
    }

    // MARK: - YAML syntax

    /// A Yams error as a French message with its line.
    static func syntaxError(_ error: Error, text: String, file: String) -> ProcedureFileError {
        let advice = "vérifiez l'indentation (des espaces, pas de tabulations), les deux-points et les guillemets"
        guard let yaml = error as? YamlError else {
            return ProcedureFileError(file: file, message: "le fichier n'est pas du YAML lisible (\(error)) : \(advice).")
        }
        switch yaml {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ProcedureFileError(file: file, line: mark.line, message: "syntaxe YAML incorrecte : \(french(problem)).")
        case .reader(let problem, let offset, _, _):
            let line = offset.map { text.prefix($0).reduce(1) { $1 == "\n" ? $0 + 1 : $0 } }
            return ProcedureFileError(file: file, line: line, message:
                "caractère illisible (\(problem)) : enregistrez le fichier en UTF-8.")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "\(ShownText.quoted($0))" }.joined(separator: ", ")
            return ProcedureFileError(file: file, line: context.mark.line, message:
                "la clé \(keys) est écrite deux fois au même niveau : gardez-en une seule.")
        default:
            return ProcedureFileError(file: file, message: "le fichier n'est pas du YAML lisible (\(yaml)) : \(advice).")
        }
    }

    /// libyaml's usual problems, said in French with what to do.
    private static func french(_ problem: String) -> String {
        let known: [(String, String)] = [
            ("mapping values are not allowed",
             "deux-points « : » inattendu : alignez cette ligne sur les clés du même niveau ; "
             + "si la valeur contient « : », mettez-la entre guillemets"),
            ("did not find expected key",
             "ligne mal alignée : alignez-la sur les clés du même niveau (même nombre d'espaces)"),
            ("found character that cannot start any token",
             "caractère inattendu (une tabulation ? indentez avec des espaces ; un caractère spécial ? "
             + "mettez la valeur entre guillemets)"),
            ("tab character", "tabulation dans l'indentation : indentez avec des espaces"),
            ("did not find expected '-' indicator",
             "élément de liste mal aligné : chaque élément commence par « - » au même retrait"),
            ("did not find expected ',' or ']'",
             "liste entre crochets mal fermée : séparez les éléments par des virgules et terminez par « ] »"),
            ("did not find expected ',' or '}'", "groupe entre accolades mal fermé : terminez-le par « } »"),
            ("found unexpected end of stream", "fin de fichier inattendue : un guillemet ou un crochet n'est pas fermé"),
            ("found undefined alias", "« * » en début de valeur : mettez la valeur entre guillemets"),
            ("but found another document", "un seul document par fichier : retirez la ligne « --- » en trop"),
            ("found unknown escape character",
             "caractère d'échappement inconnu entre guillemets doubles : utilisez des guillemets simples"),
            ("block sequence entries are not allowed",
             "tiret « - » inattendu : une liste commence à la ligne qui suit sa clé, indentée"),
            ("did not find expected node content", "valeur manquante ou mal placée"),
            ("could not find expected ':'", "deux-points « : » manquant après la clé"),
            ("found unexpected ':'", "deux-points « : » inattendu ; mettez la valeur entre guillemets"),
        ]
        if let match = known.first(where: { problem.contains($0.0) }) { return match.1 }
        return "\(problem) ; vérifiez l'indentation (des espaces, pas de tabulations), les deux-points et les guillemets"
    }
}
