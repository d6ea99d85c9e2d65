/// Where a tier's data was consulted: recorded in the payload of `tier.consult` and `tier.export`
/// events (key `ecran`), and shown by the listing of consultations.
public enum ConsultationContext: String, Sendable, CaseIterable {
    /// The tier's record (Fiche), opened from the search, a relation or a duplicate.
    case record = "fiche"
    /// A dossier opened for review (its applicant's and beneficiary's data).
    case review = "instruction"
    /// A dossier's form, prefilled from the tier's facts.
    case intake = "saisie"
    /// The RGPD export (`guichet export tier`).
    case export = "export"
    /// The listing of consultations (`guichet rgpd consultations`).
    case listing = "releve"

    /// French, for the listing: « fiche », « instruction du dossier »…
    public var label: String {
        switch self {
        case .record: return "fiche"
        case .review: return "instruction"
        case .intake: return "saisie de dossier"
        case .export: return "export RGPD"
        case .listing: return "relevé des consultations"
        }
    }

    /// The context of an event written before contexts were recorded: a consultation naming a
    /// dossier was a review, another one the record; an export was an export.
    static func inferred(kind: String, payload: [String: String]) -> ConsultationContext {
        if let recorded = payload["ecran"].flatMap(ConsultationContext.init(rawValue:)) { return recorded }
        if kind == EventKind.tierExported.rawValue { return .export }
        return payload["dossier"] != nil ? .review : .record
    }
}
