/// Where a pair of the review queue stands (table `duplicate_pair`, column `state`).
public enum DuplicatePairState: String, Codable, Sendable, CaseIterable {
    case toReview = "a_revoir"
    case samePerson = "meme_personne"
    case differentPeople = "personnes_differentes"

    /// The French label: « à revoir », « même personne », « personnes différentes ».
    public var label: String {
        switch self {
        case .toReview: return "à revoir"
        case .samePerson: return "même personne"
        case .differentPeople: return "personnes différentes"
        }
    }
}
