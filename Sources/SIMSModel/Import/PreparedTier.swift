/// One tier ready to be written by ``BulkTierWriter``: validated values turned into the columns of
/// its `tier` row, its fact record and its search tokens. Making it is pure work on the values,
/// so the CSV import makes it on another core than the one writing to SQLite.
///
/// A class, so that handing it from the preparing thread to the writer retains one object
/// instead of each of its strings; its text columns are one block of memory (``TierRowText``)
/// that SQLite reads in place. Only the preparing thread changes it (its id and relations),
/// before it is handed over; the writer gathers its tokens and words.
///
/// ```swift
/// let prepared = PreparedTier(id: 42, kind: .person, values: validation.normalized,
///                             provenance: Provenance(source: .imported, reference: "tiers.csv:3"))
/// try writer.write(prepared)
/// ```
final class PreparedTier: @unchecked Sendable {
    var id: Int64
    var kind: TierKind
    var level: VerificationLevel
    var source: FactSource
    /// The text columns of its `tier` row and fact record, bound to SQLite in place.
    let text: TierRowText
    /// The distinct index tokens.
    var tokens: [String]
    /// The words it adds to the typo vocabulary.
    var vocabulary: [String]
    /// `relatedID` is the `kind` of this tier.
    var relations: [(kind: RelationKind, relatedID: Int64)] = []

    var displayName: String { text[.displayName]! }
    /// The fact record's `field_values`.
    var factValues: String { text[.factValues]! }
    var foldedNames: String { text[.foldedNames]! }
    var searchTokens: String { text[.searchTokens]! }

    convenience init(id: Int64, kind: TierKind, values: [TierField: String], provenance: Provenance) {
        self.init(id: id, kind: kind, slots: TierFieldSlots.slots(values), provenance: provenance)
    }

    /// From canonical values in ``TierFieldSlots`` order.
    init(id: Int64, kind: TierKind, slots: [String?], provenance: Provenance) {
        func value(_ field: TierField) -> String? { slots[TierFieldSlots.index(of: field)] }
        let entry = SearchTokenizer.entry(kind: kind, value: value)
        self.id = id
        self.kind = kind
        level = provenance.level
        source = provenance.source
        let displayName = Self.displayName(kind: kind, value: value)
        let factValues = FactValuesCoding.encode(slots: slots)
        let foldedNames = entry.foldedNames.spaceJoined()
        let searchTokens = entry.tokens.spaceJoined()
        text = TierRowText { column in
            switch column {
            case .displayName: displayName
            case .birthDate: value(.birthDate)
            case .ridet: value(.ridet)
            case .commune: value(.commune)
            case .cafat: value(.cafat)
            case .phone: value(.phone)
            case .email: value(.email)
            case .foldedNames: foldedNames
            case .searchTokens: searchTokens
            case .factValues: factValues
            case .reference: provenance.reference
            }
        }
        tokens = entry.tokens
        vocabulary = entry.vocabulary
    }

    /// ``TierDisplay/name(kind:values:)`` on values read through `value`; the two are checked
    /// equal over a demo population by the tests.
    static func displayName(kind: TierKind, value: (TierField) -> String?) -> String {
        switch kind {
        case .organisation:
            return value(.companyName) ?? "(sans raison sociale)"
        case .person:
            var parts: [String] = []
            if let usage = value(.usageName), let birth = value(.birthName), usage != birth {
                parts.append(usage.uppercased())
                parts.append("\(value(.sex) == "M" ? "né" : "née") \(birth.uppercased())")
            } else if let birth = value(.birthName) {
                parts.append(birth.uppercased())
            } else if let usage = value(.usageName) {
                parts.append(usage.uppercased())
            }
            if let given = value(.givenNames) { parts.append(given) }
            return parts.isEmpty ? "(sans nom)" : parts.joined(separator: " ")
        }
    }
}
