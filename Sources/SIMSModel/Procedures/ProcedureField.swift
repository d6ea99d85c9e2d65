/// One field of a procedure's form.
///
/// A field is either bound to a tier field of the applicant or of the beneficiary (it is
/// prefilled from the tier's best fact and written back to the tier when the dossier is
/// submitted), or local to the dossier (kept in the dossier's answers only).
public struct ProcedureField: Sendable, Equatable {
    /// The key of the answer in the dossier: `etablissement`, `demandeur.telephone`.
    public var key: String
    /// The French label shown in the form.
    public var label: String
    public var binding: ProcedureFieldBinding
    /// The type of a local field (a bound field is checked by its tier field's rule).
    public var type: ProcedureFieldType
    public var required: Bool
    /// A short help line shown when the field has the focus.
    public var help: String?
    /// For a renewal: the answer proposed is the one after last year's (the next class, the next
    /// school year) rather than last year's itself (`au_renouvellement: suivant`).
    public var nextOnRenewal: Bool
    /// The value usually changes from one dossier of the same person to the next (an address, a
    /// phone: `change_souvent: oui`): the form opens on the first such field.
    public var usuallyChanges: Bool

    /// The longest label the 80-column form shows whole.
    public static let maxLabelLength = 29

    public init(key: String, label: String, binding: ProcedureFieldBinding, type: ProcedureFieldType,
                required: Bool, help: String? = nil, nextOnRenewal: Bool = false, usuallyChanges: Bool = false) {
        self.key = key
        self.label = label
        self.binding = binding
        self.type = type
        self.required = required
        self.help = help
        self.nextOnRenewal = nextOnRenewal
        self.usuallyChanges = usuallyChanges
    }

    /// The answer after `previous` (a stored answer): the next option of a choice (the last one
    /// stays), the next integer up to the maximum; nil for other types or an unknown answer.
    public func next(after previous: String) -> String? {
        switch type {
        case .choice(let options):
            guard let index = options.firstIndex(of: previous) else { return nil }
            return options[min(index + 1, options.count - 1)]
        case .integer(_, let maximum):
            guard let value = Int(previous) else { return nil }
            return String(min(value + 1, maximum))
        default:
            return nil
        }
    }
}
