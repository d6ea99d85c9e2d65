/// A number and the words that agree with it, in French: 0 and 1 take the singular
/// (« 0 ligne rejetée », « 1 tiers importé »), 2 and more the plural.
///
/// ```swift
/// FrenchCount.of(1, "tiers importé", "tiers importés")      // "1 tiers importé"
/// FrenchCount.of(0, "ligne rejetée", "lignes rejetées")     // "0 ligne rejetée"
/// FrenchCount.of(3, "événement")                            // "3 événements"
/// ```
public enum FrenchCount {
    /// `count` followed by `one` below 2, by `many` (default: `one` with an « s ») from 2 on.
    public static func of(_ count: Int, _ one: String, _ many: String? = nil) -> String {
        "\(count) \(count < 2 ? one : many ?? one + "s")"
    }
}
