/// What the match score compares of one tier: folded name words, birth date, contact details
/// and identifiers, in stored form.
///
/// ```swift
/// let typed = MatchRecord(kind: .person, values: [.birthName: "Ouamytan", .givenNames: "Nadège",
///                                                 .birthDate: "1971-12-11"])
/// typed.surnames   // ["ouamytan"]
/// ```
public struct MatchRecord: Sendable, Equatable {
    public var id: Int64?
    public var kind: TierKind
    /// The words of the birth name and the nom d'usage (or the raison sociale), and each name joined.
    public var surnames: [String]
    /// The words of the given names, first given name first.
    public var givenNames: [String]
    /// How many of ``givenNames`` the first given name spans: 2 for « Marie-Claire Louise » (a
    /// compound first given name), 1 for « Marie Claire ». The given names are compared on the
    /// first given name as a whole, so that « Marie-Claire » and « Marie-Thérèse » differ.
    public var firstGivenNameWords = 1
    /// The sex as stored (« F », « M »), nil when unknown.
    public var sex: String?
    public var birthDate: CalendarDate?
    public var commune: String?
    public var address: String?
    public var phone: String?
    public var email: String?
    public var cafat: String?
    public var ridet: String?

    public init(id: Int64? = nil, kind: TierKind, values: [TierField: String]) {
        self.id = id
        self.kind = kind
        var surnames: [String] = []
        for field in kind == .person ? [TierField.birthName, .usageName] : [.companyName] {
            guard let text = values[field] else { continue }
            let words = SearchText.words(text).filter { kind == .person || !SearchTokenizer.stopWords.contains($0) }
            for word in words where !surnames.contains(word) { surnames.append(word) }
            if words.count > 1, kind == .person { surnames.append(words.joined()) }
        }
        self.surnames = surnames
        givenNames = values[.givenNames].map(SearchText.words) ?? []
        if let first = values[.givenNames]?.split(whereSeparator: \.isWhitespace).first {
            firstGivenNameWords = max(SearchText.words(String(first)).count, 1)
        }
        sex = values[.sex].flatMap { $0.isEmpty ? nil : $0.uppercased() }
        birthDate = values[.birthDate].flatMap(CalendarDate.init(iso:))
        commune = values[.commune].map(SearchText.fold)
        address = values[.address].map { SearchText.words($0).joined(separator: " ") }
        phone = values[.phone].map(SearchText.digits)
        email = values[.email]?.lowercased()
        cafat = values[.cafat].map(SearchText.digits)
        ridet = values[.ridet].map(SearchText.digits)
    }

    /// The record of stored tier `id`, nil when there is none.
    package static func load(_ db: any StoreSession, id: Int64) throws -> MatchRecord? {
        // The current facts only: relations are not compared (the entry check loads dozens per key).
        guard let snapshot = try TierService.loadSnapshot(db, id: id, relations: false) else { return nil }
        return MatchRecord(id: id, kind: snapshot.kind, values: snapshot.current.compactMapValues(\.value))
    }
}
