package import GRDB
package import GRDBSQLite

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

    static func verify(_ db: Database) throws -> [String] {
        let absorbed = Set(try Int64.fetchAll(db, sql: "SELECT absorbed_id FROM tier_merge WHERE undone_at IS NULL"))
        var expected = KeyedSum(), vocabulary: [String: Int] = [:]
        try scan(db, sql: "SELECT id, search_tokens, folded_names FROM tier") { handle in
            let id = sqlite3_column_int64(handle, 0)
            guard !absorbed.contains(id) else { return }
            words(handle, column: 1) { expected.add($0, id) }
            var seen: [String] = []
            words(handle, column: 2) { word in
                guard word.count >= 3 else { return }
                let text = String(decoding: word, as: UTF8.self)
                guard text.count >= 3, !seen.contains(text) else { return }
                seen.append(text)
                vocabulary[text, default: 0] += 1
            }
        }
        var actual = KeyedSum()
        try scan(db, sql: "SELECT token, tier_id FROM search_token") { handle in
            actual.add(bytes(handle, column: 0), sqlite3_column_int64(handle, 1))
        }
        var problems: [String] = []
        if actual != expected {
            problems += try diagnoseTokens(db, absorbed: absorbed)
        }
        problems += try vocabularyProblems(db, vocabulary: vocabulary)
        return problems
    }

    /// Names the records whose index rows are not their words.
    private static func diagnoseTokens(_ db: Database, absorbed: Set<Int64>) throws -> [String] {
        var expected: [Int64: KeyedSum] = [:], actual: [Int64: KeyedSum] = [:]
        try scan(db, sql: "SELECT id, search_tokens FROM tier") { handle in
            let id = sqlite3_column_int64(handle, 0)
            guard !absorbed.contains(id) else { return }
            words(handle, column: 1) { expected[id, default: KeyedSum()].add($0, id) }
        }
        try scan(db, sql: "SELECT token, tier_id FROM search_token") { handle in
            let id = sqlite3_column_int64(handle, 1)
            actual[id, default: KeyedSum()].add(bytes(handle, column: 0), id)
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
    private static func vocabularyProblems(_ db: Database, vocabulary: [String: Int]) throws -> [String] {
        var problems: [String] = []
        var stored: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT word, tiers FROM search_word WHERE tiers <> 0") {
            stored[row[0]] = row[1]
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
        try scan(db, sql: "SELECT variant, word FROM search_word_variant") { handle in
            let word = bytes(handle, column: 1)
            guard vocabulary[String(decoding: word, as: UTF8.self)] != nil else { return }
            actual.add(bytes(handle, column: 0), word)
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

    private static func scan(_ db: Database, sql: String, row: (OpaquePointer) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        let handle = statement.sqliteStatement
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            try row(handle)
        }
        sqlite3_reset(handle)
    }

    private static func bytes(_ handle: OpaquePointer, column: Int32) -> UnsafeRawBufferPointer {
        guard let text = sqlite3_column_text(handle, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column)))
    }

    /// The space-separated words of a text column, each handed over as its bytes.
    private static func words(_ handle: OpaquePointer, column: Int32, _ body: (UnsafeRawBufferPointer) -> Void) {
        let text = bytes(handle, column: column)
        var start = 0
        for index in 0...text.count {
            if index == text.count || text[index] == UInt8(ascii: " ") {
                if index > start { body(UnsafeRawBufferPointer(rebasing: text[start..<index])) }
                start = index + 1
            }
        }
    }
}
