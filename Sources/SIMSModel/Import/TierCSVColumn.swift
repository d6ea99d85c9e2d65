import Foundation
/// The columns of the tiers CSV format (see the README): `type`, every ``TierField`` by its raw
/// name, and the relation columns.
enum TierCSVColumn: Hashable {
    case type
    case field(TierField)
    /// An identifier of the line, unique in the file, that later lines' relations refer to.
    case reference
    /// References (separated by `|`) of earlier lines that stand in this relation to this line.
    case relation(RelationKind)

    init?(header: String) {
        let name = header.trimmingCharacters(in: .whitespaces).lowercased()
        switch name {
        case "type": self = .type
        case "ref": self = .reference
        default:
            if let field = TierField(rawValue: name) { self = .field(field) }
            else if let kind = RelationKind(rawValue: name) { self = .relation(kind) }
            else { return nil }
        }
    }

    /// Every accepted header name, in the documented order.
    static var allNames: [String] {
        ["type", "ref"] + TierField.allCases.map(\.rawValue) + RelationKind.allCases.map(\.rawValue)
    }
}
