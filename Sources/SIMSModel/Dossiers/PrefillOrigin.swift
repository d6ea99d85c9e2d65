/// Where a prefilled answer of an intake form comes from.
public enum PrefillOrigin: Sendable, Equatable {
    /// The tier's best fact of the field, with its verification level and source.
    case fact(level: VerificationLevel, source: FactSource)
    /// The previous dossier this one renews (its number).
    case previousDossier(String)
    /// The answer after the previous dossier's (the next class, the next school year): a proposal
    /// the agent sees marked « suivant » and checks on the paper.
    case nextAfterPrevious(String)

    /// A short French mark for the form: « validé », « vérifié », « déclaré », « repris ».
    public var mark: String {
        switch self {
        case .fact(let level, _):
            switch level {
            case .declared: return "déclaré"
            case .checkedAgainstDocument: return "vérifié"
            case .validated: return "validé"
            }
        case .previousDossier: return "repris"
        case .nextAfterPrevious: return "suivant"
        }
    }
}
