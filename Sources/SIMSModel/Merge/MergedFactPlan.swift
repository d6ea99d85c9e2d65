/// How the absorbed record's facts join the survivor's history: each field's current fact is the
/// better of the two (the higher level; at the same level the survivor's, unless it has none),
/// and every fact of both stays.
///
/// The absorbed record's fact records are copied whole, provenance included, below the survivor's
/// own (at seqs under its first), so that they never supersede them; a field the absorbed record
/// knows better is then carried by a record written on top (its provenance kept too), and left out
/// of the copy below so that no fact appears twice.
///
/// ```swift
/// let plan = MergedFactPlan(survivor: kept, absorbed: other, absorbedRecords: records)
/// plan.taken        // [.phone]: the absorbed record's phone is verified, the survivor's declared
/// ```
struct MergedFactPlan: Equatable, Sendable {
    /// A record to write on the survivor: the original record, the seq it takes, the values it carries.
    struct Write: Equatable, Sendable {
        var original: FactRecordRow
        var seq: Int
        var values: [TierField: String?]
    }

    /// Copies of the absorbed record's history, below the survivor's own records.
    var copies: [Write] = []
    /// Facts of the absorbed record made current, above the survivor's own records.
    var promoted: [Write] = []
    /// The fields whose current fact now comes from the absorbed record.
    var taken: [TierField] = []

    init(survivor: TierSnapshot, absorbed: TierSnapshot, absorbedRecords: [FactRecordRow]) {
        let other = absorbed.current
        let known = Set(survivor.history.map(\.field))
        // The (record seq, field) of each absorbed fact to carry on top.
        var promote: [Int: [TierField]] = [:]
        taken = Self.fieldsTaken(survivor: survivor, absorbed: absorbed)
        for field in taken {
            guard let fact = other[field] else { continue }
            // A field the survivor never had needs no record on top: the copy below is current.
            if known.contains(field) { promote[fact.seq, default: []].append(field) }
        }
        let first = min(survivor.history.map(\.seq).min() ?? 1, 1)
        let below = absorbedRecords.compactMap { record -> (FactRecordRow, [TierField: String?])? in
            let values = record.values.filter { promote[record.seq]?.contains($0.key) != true }
            return values.isEmpty ? nil : (record, values)
        }
        for (index, (record, values)) in below.enumerated() {
            copies.append(Write(original: record, seq: first - below.count + index, values: values))
        }
        var next = survivor.version
        for record in absorbedRecords {
            guard let fields = promote[record.seq] else { continue }
            next += 1
            promoted.append(Write(original: record, seq: next,
                                  values: Dictionary(uniqueKeysWithValues: fields.map { ($0, record.values[$0] ?? nil) })))
        }
    }

    /// Whether the absorbed record's `fact` should be current rather than the survivor's
    /// `current`: a higher level, or a value where the survivor has none. At the same level the
    /// survivor's value stays, however recent the other: the record kept is the one the register
    /// trusts (the older or the better verified), and an imported copy's slips (« Rousel Jerome »
    /// for ROUSSEL Jérôme) must not replace it.
    static func isBetter(_ fact: Fact, than current: Fact?) -> Bool {
        guard fact.value?.isEmpty == false else { return false }
        guard let current, current.value?.isEmpty == false else { return true }
        return fact.level > current.level
    }

    /// The fields whose value the merge takes from `absorbed`, by the rule of ``isBetter(_:than:)``.
    static func fieldsTaken(survivor: TierSnapshot, absorbed: TierSnapshot) -> [TierField] {
        absorbed.current.filter { isBetter($0.value, than: survivor.current[$0.key]) }.map(\.key)
            .sorted { $0.rawValue < $1.rawValue }
    }
}
