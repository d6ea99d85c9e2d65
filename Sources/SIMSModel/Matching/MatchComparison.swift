/// The comparison level of two records on one field (see ``MatchField/levels``); nil when one
/// of them has no value there, so that a missing value weighs neither way.
///
/// ```swift
/// MatchComparison.level(.surname, typed, stored)   // 2: one letter apart
/// ```
public enum MatchComparison {
    public static func level(_ field: MatchField, _ a: MatchRecord, _ b: MatchRecord) -> Int? {
        switch field {
        case .surname: return names(withoutParticles(a.surnames), withoutParticles(b.surnames))
        case .givenName: return givenNames(a, b)
        case .birthDate:
            guard let x = a.birthDate, let y = b.birthDate else { return nil }
            return date(x, y)
        case .commune: return same(a.commune, b.commune)
        case .address: return same(a.address, b.address)
        case .phone: return same(a.phone, b.phone)
        case .email: return same(a.email, b.email)
        case .cafat: return same(a.cafat, b.cafat)
        case .ridet: return same(a.ridet, b.ridet)
        }
    }

    /// All the fields' levels, in ``MatchField/allCases`` order.
    public static func levels(_ a: MatchRecord, _ b: MatchRecord) -> [Int?] {
        MatchField.allCases.map { level($0, a, b) }
    }

    /// The best level over the pairs of words: exact, same sound, one edit, two edits, other.
    /// As the search forgives them, one edit counts in words of 3 letters or more, two from 8
    /// letters: « Martin » and « Morin », « Lucie » and « Julie » are other names.
    static func names(_ a: [String], _ b: [String]) -> Int? {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        var best = 4
        for x in a {
            let keys = FrenchPhonetic.soundAlikes(x)
            for y in b {
                if x == y { return 0 }
                if best > 1, x.count >= 2, keys.contains(FrenchPhonetic.key(y)) { best = 1; continue }
                if best > 2, min(x.count, y.count) >= 3 {
                    let distance = EditDistance.distance(Array(x.utf8), Array(y.utf8), limit: 2)
                    if distance == 1 { best = 2 } else if distance == 2, max(x.count, y.count) >= 8 { best = 3 }
                }
            }
        }
        return best
    }

    /// The particles of surnames: « Le Goff » and « Le Borgne » share no name.
    static let particles: Set<String> = ["le", "la", "les", "de", "du", "des", "d", "l", "van", "von", "der", "den", "da", "di", "dos", "del"]

    private static func withoutParticles(_ words: [String]) -> [String] {
        let kept = words.filter { !particles.contains($0) }
        return kept.isEmpty ? words : kept
    }

    /// The given names compare on the first given name as a whole (a compound one with all its
    /// words): « Marie-Claire » and « Marie-Thérèse » are other given names, however much they
    /// share, and so are « Noémie Émilie » and « Jade Émilie ». A compound name keyed without
    /// its hyphen (« Marie Claire ») is still the same first given name.
    static func givenNames(_ a: MatchRecord, _ b: MatchRecord) -> Int? {
        guard !a.givenNames.isEmpty, !b.givenNames.isEmpty else { return nil }
        func firsts(_ words: [String], _ spans: [Int]) -> [String] {
            var result: [String] = []
            for span in spans {
                let name = words.prefix(max(span, 1)).joined()
                if !result.contains(name) { result.append(name) }
            }
            return result
        }
        let spans = [a.firstGivenNameWords, b.firstGivenNameWords]
        return names(firsts(a.givenNames, spans), firsts(b.givenNames, spans))
    }

    /// Exact, day and month swapped, one digit apart (jjmmaaaa), same year, other.
    static func date(_ x: CalendarDate, _ y: CalendarDate) -> Int {
        if x == y { return 0 }
        if x.year == y.year, x.day == y.month, x.month == y.day { return 1 }
        let a = Array(SearchTokenizer.dateToken(x).utf8), b = Array(SearchTokenizer.dateToken(y).utf8)
        if zip(a, b).filter({ $0 != $1 }).count == 1 { return 2 }
        return x.year == y.year ? 3 : 4
    }

    private static func same(_ a: String?, _ b: String?) -> Int? {
        guard let a, let b, !a.isEmpty, !b.isEmpty else { return nil }
        return a == b ? 0 : 1
    }
}
