/// A field two records are compared on by the match score (``MatchEngine``), with its
/// comparison levels, best first: the level a pair falls in weighs for or against it being one
/// person (Fellegi–Sunter).
///
/// ```swift
/// MatchField.birthDate.levels   // 5: exact, day and month swapped, one digit, same year, other
/// MatchField.surname.reason(1)  // "nom de même son"
/// ```
public enum MatchField: String, CaseIterable, Codable, Sendable {
    case surname = "nom"
    case givenName = "prenom"
    case birthDate = "date_naissance"
    case commune
    case address = "adresse"
    case phone = "telephone"
    case email = "courriel"
    case cafat
    case ridet

    /// Names: exact / same sound / one edit / two edits / other. Birth date: exact / day and
    /// month swapped / one digit / same year / other. The rest: same / other.
    public var levels: Int {
        switch self {
        case .surname, .givenName, .birthDate: return 5
        default: return 2
        }
    }

    /// The level of « other »: different values.
    public var otherLevel: Int { levels - 1 }

    /// Why a pair at `level` is suspected (or not), in French.
    public func reason(_ level: Int) -> String {
        let texts: [String]
        switch self {
        case .surname: texts = ["même nom", "nom de même son", "nom proche (1 lettre)", "nom proche (2 lettres)", "nom différent"]
        case .givenName: texts = ["même prénom", "prénom de même son", "prénom proche (1 lettre)", "prénom proche (2 lettres)",
                                  "prénom différent"]
        case .birthDate: texts = ["même date de naissance", "date de naissance aux jour et mois inversés",
                                  "date de naissance à un chiffre près", "même année de naissance", "date de naissance différente"]
        case .commune: texts = ["même commune", "autre commune"]
        case .address: texts = ["même adresse", "adresse différente"]
        case .phone: texts = ["même téléphone", "autre téléphone"]
        case .email: texts = ["même courriel", "autre courriel"]
        case .cafat: texts = ["même numéro CAFAT", "autre numéro CAFAT"]
        case .ridet: texts = ["même RIDET", "autre RIDET"]
        }
        return texts[min(max(level, 0), texts.count - 1)]
    }
}
