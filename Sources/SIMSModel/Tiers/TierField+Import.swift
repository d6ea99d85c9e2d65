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

    /// The field's name with its article, as in « importé sans le téléphone ».
    public var withArticle: String {
        switch self {
        case .phone: return "le téléphone"
        case .email: return "le courriel"
        case .cafat: return "le numéro CAFAT"
        case .address: return "l'adresse"
        case .postalCode: return "le code postal"
        case .commune: return "la commune"
        default: return "« \(label) »"
        }
    }
}
