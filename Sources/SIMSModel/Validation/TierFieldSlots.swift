/// The fields of a tier as positions in a fixed array (``TierField/allCases`` order), for the
/// hot paths of the import: a `[String?]` of 15 slots costs no hashing, where a
/// `[TierField: String]` hashes each field's name on every access.
///
/// ```swift
/// var slots = TierFieldSlots.empty
/// slots[TierFieldSlots.index(of: .birthDate)] = "14/03/1985"
/// TierFieldSlots.dictionary(slots)   // [.birthDate: "14/03/1985"]
/// ```
enum TierFieldSlots {
    /// Every field, in slot order.
    static let fields: [TierField] = TierField.allCases
    /// As many empty slots as there are fields.
    static let empty = [String?](repeating: nil, count: fields.count)

    /// The slot of a field: its position in ``TierField/allCases``.
    static func index(of field: TierField) -> Int {
        switch field {
        case .birthName: return 0
        case .usageName: return 1
        case .givenNames: return 2
        case .sex: return 3
        case .birthDate: return 4
        case .birthPlace: return 5
        case .address: return 6
        case .commune: return 7
        case .postalCode: return 8
        case .phone: return 9
        case .email: return 10
        case .cafat: return 11
        case .companyName: return 12
        case .ridet: return 13
        case .legalForm: return 14
        }
    }

    /// The slots of a dictionary of values.
    static func slots(_ values: [TierField: String]) -> [String?] {
        var slots = empty
        for (field, value) in values { slots[index(of: field)] = value }
        return slots
    }

    /// The dictionary of the filled slots.
    static func dictionary(_ slots: [String?]) -> [TierField: String] {
        var values: [TierField: String] = [:]
        values.reserveCapacity(slots.count)
        for (i, value) in slots.enumerated() {
            if let value { values[fields[i]] = value }
        }
        return values
    }
}
