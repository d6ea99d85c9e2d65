extension TierSearch {
    /// The tier number typed as « n° 123 » (also « n°123 », « no 123 », « #123 »), or nil: a bare
    /// number stays an identifier (phone, CAFAT...).
    public static func tierNumber(_ text: String) -> Int64? {
        var rest = Substring(text.trimmingSpaces().lowercased())
        guard let prefix = ["n°", "nº", "no", "n.", "#"].first(where: { rest.hasPrefix($0) }) else { return nil }
        rest = rest.dropFirst(prefix.count).drop { $0 == " " }
        guard !rest.isEmpty, rest.count <= 18, rest.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(rest)
    }

    /// The tier of that number (its survivor, when a merge absorbed it), as the only hit; a
    /// restricted tier keeps its name only, as in any search (``TierRestrictionService``).
    func numbered(_ db: any StoreSession, _ number: Int64) throws -> [SearchHit] {
        let redirect = try TierRedirect.find(db, id: number)
        let id = redirect?.survivorID ?? number
        guard let row = try StoreRow.fetchOne(db, sql: """
            SELECT kind, display_name, birth_date, ridet, commune, cafat, phone, email, min_level FROM tier WHERE id = ?
            """, arguments: [id]) else { return [] }
        return try TierRestrictionService.masked(db, [SearchHit(tierID: id, kind: TierKind(rawValue: row[0]) ?? .person, displayName: row[1], birthDate: row[2],
                          ridet: row[3], commune: row[4], cafat: row[5], phone: row[6], email: row[7],
                          minLevel: VerificationLevel(rawValue: row[8]) ?? .declared, score: 1, redirect: redirect)])
    }
}
