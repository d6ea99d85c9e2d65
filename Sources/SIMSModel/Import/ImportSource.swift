/// A trusted source whose values an administrator imports at a verification level above
/// « déclaré » (`guichet import tiers --source NAME --niveau 2`): the register of another
/// administration, a civil-status extract... Its name goes into every imported fact's reference
/// (`NAME · tiers.csv:3`) and into the import's event.
///
/// ```swift
/// let source = try ImportSource(name: "État civil", level: .validated)
/// try TierImporter(store: store).importTiers(path: "tiers.csv", source: source, by: admin)
/// ```
public struct ImportSource: Sendable, Equatable {
    public var name: String
    public var level: VerificationLevel

    /// The longest source name.
    public static let maxNameLength = 40

    /// Refused with a French message when the name is empty, too long or has other characters
    /// than letters, digits, spaces and `-_.'/`.
    public init(name: String, level: VerificationLevel) throws {
        let trimmed = name.trimmingSpaces()
        guard !trimmed.isEmpty else {
            throw ValidationError(field: nil, message: "--source : nommez la source de confiance (par exemple « État civil »).")
        }
        let allowed = trimmed.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || " -_.'/".unicodeScalars.contains(scalar)
        }
        guard allowed, trimmed.count <= Self.maxNameLength else {
            throw ValidationError(field: nil, message: "--source : au plus \(Self.maxNameLength) lettres, chiffres, espaces ou - _ . ' /.")
        }
        self.name = trimmed
        self.level = level
    }
}
