/// The low-level writes shared by every service that writes tiers: the fact record, the tier's
/// summary row and its search tokens. Always called inside the caller's write transaction,
/// after the caller appended the event that these rows point to.
enum TierRowWriter {
    /// Inserts a fact record for `tierID` at version `seq`.
    static func insertFacts(_ db: any StoreSession, tierID: Int64, seq: Int, values: [TierField: String?],
                            provenance: Provenance, agentID: Int64?, at: String, eventID: Int64) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO fact_record (tier_id, seq, field_values, source, source_ref, level, agent_id, recorded_at, event_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [tierID, seq, FactValuesCoding.encode(values), provenance.source.rawValue,
                                          provenance.reference, provenance.level.rawValue, agentID, at, eventID])
    }

    /// Inserts a new tier row with its summary and returns its id.
    static func insertTier(_ db: any StoreSession, id: Int64? = nil, kind: TierKind, current: [TierField: String],
                           minLevel: VerificationLevel, entry: SearchEntry, at: String) throws -> Int64 {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO tier (id, kind, version, created_at, updated_at, display_name, birth_date, ridet, commune,
                              cafat, phone, email, min_level, folded_names, search_tokens)
            VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [id, kind.rawValue, at, at, TierDisplay.name(kind: kind, values: current),
                                          current[.birthDate], current[.ridet], current[.commune], current[.cafat],
                                          current[.phone], current[.email], minLevel.rawValue,
                                          entry.foldedNames.joined(separator: " "), entry.tokens.joined(separator: " ")])
        if let id { return id }
        return try db.lastInsertedRowID
    }

    /// Rewrites the summary row of an existing tier after an update, and its tokens.
    static func updateTier(_ db: any StoreSession, id: Int64, kind: TierKind, version: Int, current: [TierField: String],
                           minLevel: VerificationLevel, oldEntry: SearchEntry, newEntry: SearchEntry, at: String) throws {
        try db.cachedStatement(sql: """
            UPDATE tier SET version = ?, updated_at = ?, display_name = ?, birth_date = ?, ridet = ?, commune = ?,
                            cafat = ?, phone = ?, email = ?, min_level = ?, folded_names = ?, search_tokens = ?
            WHERE id = ?
            """).execute(arguments: [version, at, TierDisplay.name(kind: kind, values: current), current[.birthDate],
                             current[.ridet], current[.commune], current[.cafat], current[.phone], current[.email],
                             minLevel.rawValue, newEntry.foldedNames.joined(separator: " "),
                             newEntry.tokens.joined(separator: " "), id])
        let old = Set(oldEntry.tokens), new = Set(newEntry.tokens)
        for token in old.subtracting(new) {
            try db.cachedStatement(sql: "DELETE FROM search_token WHERE token = ? AND tier_id = ?").execute(arguments: [token, id])
        }
        try insertTokens(db, tierID: id, tokens: Array(new.subtracting(old)))
        let oldWords = Set(oldEntry.vocabulary), newWords = Set(newEntry.vocabulary)
        try addVocabulary(db, words: Array(newWords.subtracting(oldWords)), count: 1)
        try addVocabulary(db, words: Array(oldWords.subtracting(newWords)), count: -1)
    }

    /// Rewrites the summary row (name, identifiers, level, search words) of `id` from its facts.
    static func rewriteSummary(_ db: any StoreSession, id: Int64, kind: TierKind, before: TierSnapshot, version: Int,
                                       at: String) throws {
        guard let after = try TierService.loadSnapshot(db, id: id, relations: false) else { throw TierService.notFound(id) }
        let old = before.current.compactMapValues(\.value), new = after.current.compactMapValues(\.value)
        try TierRowWriter.updateTier(db, id: id, kind: kind, version: version, current: new,
                                     minLevel: TierRowWriter.minLevel(of: Array(after.current.values)),
                                     oldEntry: SearchTokenizer.entry(kind: kind, values: old),
                                     newEntry: SearchTokenizer.entry(kind: kind, values: new), at: at)
    }

    static func insertTokens(_ db: any StoreSession, tierID: Int64, tokens: [String]) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO search_token (token, tier_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
        for token in tokens { try statement.execute(arguments: [token, tierID]) }
    }

    /// Counts `words` in (or out of) the typo vocabulary; a word new to it has its variants
    /// filed (see ``SearchWordVariants``).
    static func addVocabulary(_ db: any StoreSession, words: [String], count: Int) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO search_word (word, tiers) VALUES (?, ?)
            ON CONFLICT (word) DO UPDATE SET tiers = CASE WHEN search_word.tiers + excluded.tiers < 0 THEN 0
                                                          ELSE search_word.tiers + excluded.tiers END
            """)
        let known = try db.cachedStatement(sql: "SELECT 1 FROM search_word WHERE word = ?")
        var new: [String] = []
        for word in words {
            if count > 0, try Bool.fetchOne(known, arguments: [word]) == nil { new.append(word) }
            try statement.execute(arguments: [word, count])
        }
        try SearchWordVariants.insert(db, words: new)
    }

    /// A tier's new version after facts were re-recorded with the same values at another level
    /// (verification, validation): no summary value or search token changes.
    static func updateVersion(_ db: any StoreSession, id: Int64, version: Int, minLevel: VerificationLevel, at: String) throws {
        try db.cachedStatement(sql: "UPDATE tier SET version = ?, updated_at = ?, min_level = ? WHERE id = ?")
            .execute(arguments: [version, at, minLevel.rawValue, id])
    }

    /// The tier's identity level (its `min_level`, the search's « Vérif. » mark): the lowest level
    /// among the current facts of its identity fields (``TierField/isIdentity``); déclaré when it
    /// has none.
    static func minLevel(of facts: [Fact]) -> VerificationLevel {
        facts.filter { $0.field.isIdentity && $0.value != nil }.map(\.level).min() ?? .declared
    }
}
