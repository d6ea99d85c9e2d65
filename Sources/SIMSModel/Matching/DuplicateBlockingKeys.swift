/// The blocking keys of a person for the bulk analysis (``DuplicateAnalysis``): two records are
/// compared when they share one of them, so a true pair is found as long as one key survives its
/// slips. Each key is a 64-bit hash of its text:
///
/// - `n|date|son`: the birth date with day and month in either order (so a day/month swap keeps
///   it), and the sound (``FrenchPhonetic``) of any one name word, surname or given name (so a
///   typo in the surname keeps the given name's key, and swapped names keep both);
/// - `i|date|sexe|nom|initiale`, `i|date|sexe|prenom|initiale`: the birth date and the sex with
///   the initial of the surname, or of the first given name (a slip in each name, even in the
///   first letter of one);
/// - `q|3 lettres|3 lettres|jour-mois`: the first three letters of the surname and of the given
///   name with the day and month of birth (a slip in the year);
/// - `p|son du nom|son du prénom|année`: the sounds of the surname and of the given name with the
///   year of birth (a slip in the day or the month); without a birth date, `q` and `p` are the
///   names alone; both keep the names in either order (names keyed the wrong way round);
/// - `a|adresse|sexe|initiale`: the address, the sex and the initial of the first given name
///   (slips in the surname and in the birth date at once; a household's members seldom share them);
/// - `c|`, `t|`, `m|`: the same CAFAT number, phone, e-mail.
///
/// ```swift
/// DuplicateBlockingKeys.keys(record).count   // 7 for « WAMYTAN Hélène Marie », born 14/03/1985
/// ```
public enum DuplicateBlockingKeys {
    public static func keys(_ record: MatchRecord) -> [UInt64] {
        var texts: [String] = []
        let words = record.surnames + record.givenNames
        if let date = record.birthDate {
            let (low, high) = (min(date.day, date.month), max(date.day, date.month))
            let day = "\(date.year)-\(low)-\(high)"
            var sounds: [String] = []
            for word in words where word.count >= 2 {
                let sound = FrenchPhonetic.key(word)
                if !sounds.contains(sound) { sounds.append(sound) }
            }
            texts += sounds.map { "n|\(day)|\($0)" }
        }
        if let surname = record.surnames.first, let given = record.givenNames.first {
            if let date = record.birthDate {
                // Each initial on its own: a slip in the first letter of one name keeps the other's.
                let (low, high) = (min(date.day, date.month), max(date.day, date.month))
                let sex = record.sex ?? ""
                texts.append("i|\(date.year)-\(low)-\(high)|\(sex)|nom|\(surname.prefix(1))")
                texts.append("i|\(date.year)-\(low)-\(high)|\(sex)|prenom|\(given.prefix(1))")
            }
            // With the day and month only: a slip in the year keeps it.
            let dayMonth = record.birthDate.map { "|\(min($0.day, $0.month))-\(max($0.day, $0.month))" } ?? ""
            let (first, second) = (String(surname.prefix(3)), String(given.prefix(3)))
            texts.append("q|\(min(first, second))|\(max(first, second))" + dayMonth)
        }
        if let given = record.givenNames.first.map(FrenchPhonetic.key) {
            var seen: [String] = []
            for surname in record.surnames.prefix(3) where surname.count >= 2 {
                let sound = FrenchPhonetic.key(surname)
                if !seen.contains(sound) { seen.append(sound) }
            }
            // With the year only: a slip in the day or the month keeps it.
            let year = record.birthDate.map { "|\($0.year)" } ?? ""
            texts += seen.map { "p|\(min($0, given))|\(max($0, given))" + year }
        }
        if let address = record.address, !address.isEmpty, let given = record.givenNames.first {
            texts.append("a|\(address)|\(record.sex ?? "")|\(given.prefix(1))")
        }
        if let cafat = record.cafat, !cafat.isEmpty { texts.append("c|" + cafat) }
        if let phone = record.phone, !phone.isEmpty { texts.append("t|" + phone) }
        if let email = record.email, !email.isEmpty { texts.append("m|" + email) }
        var hashes = texts.map(hash)
        hashes.sort()
        var unique: [UInt64] = []
        for value in hashes where unique.last != value { unique.append(value) }
        return unique
    }

    /// FNV-1a, 64 bits: stable from run to run (Swift's `Hasher` is seeded per process).
    static func hash(_ text: String) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01b3
        }
        return value
    }
}
