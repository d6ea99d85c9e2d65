/// Fills an intake form with what SIMS already knows (« Dites-le nous une fois »).
///
/// A field bound to the applicant or the beneficiary takes the tier's best fact: the highest
/// verification level first, then the newest. A renewal takes its local answers from the
/// previous dossier, or the answer after it for a field marked `au_renouvellement: suivant`
/// (CM1 last year proposes CM2, marked « suivant » on the form).
///
/// ```swift
/// let prefill = IntakePrefill.answers(for: renewal, applicant: parent, beneficiary: child, previous: lastYear)
/// prefill["demandeur.telephone"]?.origin.mark   // "validé"
/// ```
public enum IntakePrefill {
    /// The best fact of a field: among the facts recorded since the field was last erased, the
    /// highest level, then the newest. Nil when the field has no value.
    public static func bestFact(_ field: TierField, in snapshot: TierSnapshot) -> Fact? {
        var best: Fact?
        for fact in snapshot.history where fact.field == field {
            guard fact.value != nil else {
                best = nil   // erased: older facts no longer count
                continue
            }
            if let current = best, current.level > fact.level { continue }
            best = fact
        }
        return best
    }

    /// The prefilled answers of a form, by field key.
    public static func answers(for procedure: Procedure, applicant: TierSnapshot, beneficiary: TierSnapshot?,
                               previous: Dossier?) -> [String: PrefilledAnswer] {
        var result: [String: PrefilledAnswer] = [:]
        for field in procedure.fields {
            switch field.binding {
            case .applicant(let tierField):
                if let fact = bestFact(tierField, in: applicant) { result[field.key] = answer(fact) }
            case .beneficiary(let tierField):
                if let beneficiary, let fact = bestFact(tierField, in: beneficiary) { result[field.key] = answer(fact) }
            case .local:
                if let previous, let stored = previous.answers[field.key], !stored.isEmpty {
                    let number = previous.number ?? "n° \(previous.id)"
                    if field.nextOnRenewal, let next = field.next(after: stored) {
                        result[field.key] = PrefilledAnswer(text: ProcedureAnswerValidator.display(next, for: field),
                                                            origin: .nextAfterPrevious(number))
                    } else {
                        result[field.key] = PrefilledAnswer(text: ProcedureAnswerValidator.display(stored, for: field),
                                                            origin: .previousDossier(number))
                    }
                }
            }
        }
        return result
    }

    private static func answer(_ fact: Fact) -> PrefilledAnswer {
        PrefilledAnswer(text: fact.displayValue, origin: .fact(level: fact.level, source: fact.source))
    }
}
