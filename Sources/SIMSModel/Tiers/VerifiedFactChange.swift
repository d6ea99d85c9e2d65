/// Changing a verified or validated fact needs the agent's explicit confirmation.
///
/// Nothing was written. Retry with `confirmingVerifiedChanges: true` once the agent confirmed;
/// the old fact stays in the history either way.
public struct VerifiedFactChange: Error, Equatable, Sendable, CustomStringConvertible {
    public var facts: [Fact]

    public var description: String {
        let fields = facts.map { "\($0.field.label) (\($0.level.label))" }.joined(separator: ", ")
        return "Vous modifiez des informations vérifiées : \(fields). Confirmez la modification ; l'ancienne valeur restera dans l'historique."
    }
}
