/// One field of a tier. Every value of a field is kept as a ``Fact``.
///
/// The raw values are the CSV column names; ``label`` is the French label shown to agents.
///
/// ```swift
/// TierField.birthDate.label        // "Date de naissance"
/// TierField.ridet.applies(to: .organisation) // true
/// ```
public enum TierField: String, Codable, Sendable, CaseIterable {
    // Persons
    case birthName = "nom_naissance"
    case usageName = "nom_usage"
    case givenNames = "prenoms"
    case sex = "sexe"
    case birthDate = "date_naissance"
    case birthPlace = "lieu_naissance"
    // Both kinds
    case address = "adresse"
    case commune = "commune"
    case postalCode = "code_postal"
    case phone = "telephone"
    case email = "courriel"
    case cafat = "cafat"
    // Organisations
    case companyName = "raison_sociale"
    case ridet = "ridet"
    case legalForm = "forme_juridique"

    /// The French label shown to agents.
    public var label: String {
        switch self {
        case .birthName: return "Nom de naissance"
        case .usageName: return "Nom d'usage"
        case .givenNames: return "Prénoms"
        case .sex: return "Sexe"
        case .birthDate: return "Date de naissance"
        case .birthPlace: return "Lieu de naissance"
        case .address: return "Adresse"
        case .commune: return "Commune"
        case .postalCode: return "Code postal"
        case .phone: return "Téléphone"
        case .email: return "Courriel"
        case .cafat: return "Numéro CAFAT"
        case .companyName: return "Raison sociale"
        case .ridet: return "RIDET"
        case .legalForm: return "Forme juridique"
        }
    }

    /// Whether this field belongs to tiers of the given kind.
    public func applies(to kind: TierKind) -> Bool {
        switch self {
        case .birthName, .usageName, .givenNames, .sex, .birthDate, .birthPlace:
            return kind == .person
        case .companyName, .ridet, .legalForm:
            return kind == .organisation
        case .address, .commune, .postalCode, .phone, .email, .cafat:
            return true
        }
    }

    /// Whether a tier of the given kind must have this field.
    public func isRequired(for kind: TierKind) -> Bool {
        switch kind {
        case .person: return self == .birthName || self == .givenNames || self == .birthDate
        case .organisation: return self == .companyName || self == .ridet
        }
    }

    /// The fields of one kind of tier, in form order.
    public static func fields(of kind: TierKind) -> [TierField] {
        allCases.filter { $0.applies(to: kind) }
    }
}
