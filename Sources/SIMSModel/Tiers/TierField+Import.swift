extension TierField {
    /// Whether an import leaves a wrong value of this field out rather than refusing the line:
    /// contact details and the parts of the address. Names, birth date, RIDET and the rest still
    /// refuse it.
    public var isOptionalOnImport: Bool {
        switch self {
        case .phone, .email, .cafat, .address, .postalCode, .commune: return true
        default: return false
        }
    }
}
