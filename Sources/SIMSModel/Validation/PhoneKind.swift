/// Whether a New Caledonian phone number is a fixed line or a mobile one.
public enum PhoneKind: String, Sendable, CaseIterable {
    case landline = "fixe"
    case mobile = "mobile"

    /// The French label shown to agents.
    public var label: String {
        switch self {
        case .landline: return "Fixe"
        case .mobile: return "Mobile"
        }
    }
}
