/// Rebuilds the search index from the tier rows it indexes and compares it with what the store
/// holds: `search_token` (a token and its tier: a row deleted makes the person vanish from the
/// search by that word), `search_word` (the typo vocabulary and how many records use each word)
/// and `search_word_variant` (the words' deletions the typo search looks up).
///
/// The rows indexed are attested: each tier's words and tokens (`folded_names`, `search_tokens`)
/// are part of its digest since v19. A record absorbed by a standing merge is out of the search.
/// The index is compared by keyed sums (Swift's `Hasher`, seeded at random for each run, so that
/// no change can be crafted to keep a sum), then, only when a sum differs, record by record.
enum SearchIndexVerifier {
    /// How many records a problem names at most.
    static let listed = 5

    static func verify(_ db: any StoreSession) throws -> [String] {
        let absorbed = Set(try Int64.fetchAll(db, sql: "SELECT absorbed_id FROM tier_merge WHERE undone_at IS NULL"))
        var expected = KeyedSum(), vocabulary: [String: Int] = [:]
        try scan(db, sql: "SELECT id, search_tokens, folded_names FROM tier") { row in
            let id = row.integer(0)
            guard !absorbed.contains(id) else { return }
            words(row, column: 1) { expected.add($0, id) }
            var seen: [String] = []
            words(row, column: 2) { word in
                guard word.count >= 3 else { return }
                let text = String(decoding: word, as: UTF8.self)
                guard text.count >= 3, !seen.contains(text) else { return }
                seen.append(text)
                vocabulary[text, default: 0] += 1
            }
        }
        var actual = KeyedSum()
        try scan(db, sql: "SELECT token, tier_id FROM search_token") { row in
            actual.add(row.bytes(0), row.integer(1))
        }
        var problems: [String] = []
        if actual != expected {
            problems += try diagnoseTokens(db, absorbed: absorbed)
        }
        problems += try vocabularyProblems(db, vocabulary: vocabulary)
        return problems
    }

    /// Names the records whose index rows are not their words.
    private static func diagnoseTokens(_ db: any StoreSession, absorbed: Set<Int64>) throws -> [String] {
        var expected: [Int64: KeyedSum] = [:], actual: [Int64: KeyedSum] = [:]
        try scan(db, sql: "SELECT id, search_tokens FROM tier") { row in
            let id = row.integer(0)
            guard !absorbed.contains(id) else { return }
            words(row, column: 1) { expected[id, default: KeyedSum()].add($0, id) }
        }
        try scan(db, sql: "SELECT token, tier_id FROM search_token") { row in
            let id = row.integer(1)
            actual[id, default: KeyedSum()].add(row.bytes(0), id)
        }
        let existing = Set(try Int64.fetchAll(db, sql: "SELECT id FROM tier"))
        var problems: [String] = []
        for id in Set(expected.keys).union(actual.keys).sorted() {
            let want = expected[id] ?? KeyedSum(), have = actual[id] ?? KeyedSum()
            guard want != have else { continue }
            if problems.count == listed { problems.append("Index de recherche : d'autres fiches encore (seules les \(listed) premières sont nommées)."); break }
            if !existing.contains(id) {
                problems.append("Index de recherche : \(have.count) mot(s) désignent la fiche n° \(id), qui n'existe pas (ajoutés hors de l'application).")
            } else if absorbed.contains(id) {
                problems.append("Index de recherche : la fiche n° \(id), absorbée par une fusion, y figure encore (ajoutée hors de l'application).")
            } else if have.count < want.count {
                problems.append("Index de recherche : la fiche n° \(id) a perdu \(want.count - have.count) de ses \(want.count) mots : "
                    + "la recherche ne la trouve plus par ces mots (supprimés hors de l'application).")
            } else {
                problems.append("Index de recherche : les mots de la fiche n° \(id) ne sont plus ceux de la fiche (modifiés hors de l'application).")
            }
        }
        return problems
    }

    /// The typo vocabulary: each word in use counted once per record, with its variants filed.
    private static func vocabularyProblems(_ db: any StoreSession, vocabulary: [String: Int]) throws -> [String] {
        var problems: [String] = []
        var stored: [String: Int] = [:]
        for entry in try StoreRow.fetchAll(db, sql: "SELECT word, tiers FROM search_word WHERE tiers <> 0") {
            let word: String = entry[0], tiers: Int = entry[1]
            stored[word] = tiers
        }
        var wrong: [String] = []
        for (word, count) in vocabulary where stored[word] != count { wrong.append(word) }
        for (word, _) in stored where vocabulary[word] == nil { wrong.append(word) }
        wrong.sort()
        for word in wrong.prefix(listed) {
            let shown = ShownText.escaped(word)
            let have = stored[word] ?? 0, want = vocabulary[word] ?? 0
            problems.append(have == 0
                ? "Vocabulaire de recherche : le mot « \(shown) » de \(want) fiche(s) manque : la recherche tolérante aux fautes ne le propose plus (supprimé hors de l'application)."
                : "Vocabulaire de recherche : le mot « \(shown) » compte \(have) fiche(s) au lieu de \(want) (modifié hors de l'application).")
        }
        if wrong.count > listed { problems.append("Vocabulaire de recherche : \(wrong.count - listed) autre(s) mot(s) faux.") }
        // Variants: those of the words in use must be there (those of words no longer used may stay).
        var expected = KeyedSum()
        for word in vocabulary.keys {
            for variant in SearchWordVariants.variants(of: word) { expected.add(Array(variant.utf8), Array(word.utf8)) }
        }
        var actual = KeyedSum()
        var missingWord: String?
        try scan(db, sql: "SELECT variant, word FROM search_word_variant") { row in
            let word = row.bytes(1)
            guard vocabulary[String(decoding: word, as: UTF8.self)] != nil else { return }
            actual.add(row.bytes(0), word)
        }
        if actual != expected {
            for word in vocabulary.keys.sorted() {
                let filed = try Int.fetchOne(db, sql: "SELECT count(*) FROM search_word_variant WHERE word = ?", arguments: [word]) ?? 0
                if filed != SearchWordVariants.variants(of: word).count { missingWord = word; break }
            }
            let which = missingWord.map { " (dont celles du mot « \(ShownText.escaped($0)) »)" } ?? ""
            problems.append("Vocabulaire de recherche : des variantes de mots en usage manquent ou ont changé\(which) : "
                + "la recherche tolérante aux fautes ne trouve plus ces mots (modifiées hors de l'application).")
        }
        return problems
    }

    // MARK: - Reading

    private static func scan(_ db: any StoreSession, sql: String, row: (any ScannedColumns) throws -> Void) throws {
        try db.capability(ColumnScanning.self).scanColumns(sql: sql, row)
    }

    /// The space-separated words of a text column, each handed over as its bytes.
    private static func words(_ row: any ScannedColumns, column: Int32, _ body: (UnsafeRawBufferPointer) -> Void) {
        let text = row.bytes(column)
        var start = 0
        for index in 0...text.count {
            if index == text.count || text[index] == UInt8(ascii: " ") {
                if index > start { body(UnsafeRawBufferPointer(rebasing: text[start..<index])) }
                start = index + 1
            }
        }
    }
}
