/// One value found in a document's text that could fill a field of a dossier or a tier.
public struct TextSuggestion: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case date, ridet, phone, email, name

        /// The French label for the screens.
        public var label: String {
            switch self {
            case .date: return "Date"
            case .ridet: return "RIDET"
            case .phone: return "Téléphone"
            case .email: return "Courriel"
            case .name: return "Nom"
            }
        }
    }

    public var kind: Kind
    /// The canonical stored form: ISO date `2026-03-12`, RIDET `0123456.001`, phone `251234`,
    /// e-mail with its domain in lower case, name « WAMYTAN Hélène » (surname first).
    public var value: String
    /// The text as it was found in the document (« 12 mars 2026 », « 25.12.34 »).
    public var found: String
    /// The tier fields it fills, in their stored form: a name gives its surname and given names;
    /// a date preceded by « né(e) le » gives the birth date; other dates give none.
    public var fields: [TierField: String]

    public init(kind: Kind, value: String, found: String, fields: [TierField: String] = [:]) {
        self.kind = kind
        self.value = value
        self.found = found
        self.fields = fields
    }

    /// The French display of the value: `12/03/2026`, `25.12.34`, `0123456.001`...
    public var display: String {
        switch kind {
        case .date: return DateRule.display(value)
        case .phone: return PhoneRule.display(value)
        case .ridet: return RidetRule.display(value)
        case .email, .name: return value
        }
    }
}
