extension TierField {
    /// Whether the field identifies the tier: a person's names, sexe, birth date and place; an
    /// organisation's raison sociale, RIDET and forme juridique. The « Vérif. » mark of a tier is
    /// the lowest level among these (its identity level).
    public var isIdentity: Bool {
        switch self {
        case .birthName, .usageName, .givenNames, .sex, .birthDate, .birthPlace, .companyName, .ridet, .legalForm:
            return true
        case .address, .commune, .postalCode, .phone, .email, .cafat:
            return false
        }
    }

    /// The label inside a sentence: « numéro CAFAT », « date de naissance », « RIDET ».
    public var inSentence: String {
        let label = self.label
        guard let first = label.first, label.dropFirst().first?.isUppercase != true else { return label }
        return first.lowercased() + label.dropFirst()
    }

    /// The field with its article, inside a sentence: « la date de naissance », « les prénoms ».
    public var withArticle: String {
        switch self {
        case .birthName: return "le nom de naissance"
        case .usageName: return "le nom d'usage"
        case .givenNames: return "les prénoms"
        case .sex: return "le sexe"
        case .birthDate: return "la date de naissance"
        case .birthPlace: return "le lieu de naissance"
        case .address: return "l'adresse"
        case .commune: return "la commune"
        case .postalCode: return "le code postal"
        case .phone: return "le téléphone"
        case .email: return "le courriel"
        case .cafat: return "le numéro CAFAT"
        case .companyName: return "la raison sociale"
        case .ridet: return "le RIDET"
        case .legalForm: return "la forme juridique"
        }
    }
}
