/// A superviseur decided a pair another one had decided meanwhile: nothing was changed, and the
/// message says who decided what, and when.
public struct DuplicateDecisionConflict: Error, Equatable, Sendable, CustomStringConvertible {
    public var pair: DuplicatePair

    public var description: String {
        let by = pair.decidedByLogin.map { " par \($0)" } ?? ""
        let when = pair.decidedAt.map { " le \(Timestamp.french($0))" } ?? ""
        return "Cette paire a déjà été décidée\(by)\(when) : « \(pair.state.label) ». Votre décision n'a pas été enregistrée."
    }
}
