/// The symmetric-delete index of the name vocabulary (as SymSpell's): each word of
/// `search_word` is filed in `search_word_variant` under itself and every string obtained by
/// deleting up to as many letters as the word forgives (one from 3 letters, two from 8, see
/// ``EditDistance/forgiven(length:)``). A typed word then finds every vocabulary word within
/// those edits by looking up its own deletions (up to two) — a few dozen index seeks, never a
/// scan — and the distances are checked on the words found.
///
/// Every write that adds a word to the vocabulary files its variants in the same transaction
/// (``TierRowWriter``, ``BulkTierWriter``); a word's variants stay when no tier uses it any more,
/// and lookups keep only the words still in use.
///
/// ```swift
/// SearchWordVariants.variants(of: "cawa")   // ["cawa", "awa", "cwa", "caa", "caw"]
/// try SearchWordVariants.words(db, near: "cwa")   // [("cawa", 1), ...]
/// ```
enum SearchWordVariants {
    /// The longest word filed with its deletions: longer words (rare) are filed under themselves only.
    static let longestIndexed = 24

    /// The word itself and its deletions up to the edits it forgives, without repeats.
    static func variants(of word: String) -> [String] {
        let letters = Array(word.utf8)
        let depth = letters.count <= longestIndexed ? EditDistance.forgiven(length: word.count) : 0
        return deletions(letters, depth: depth)
    }

    /// The deletions a typed word is looked up by: itself, one letter less, and two letters
    /// less when it may be a slip of a word of 8 letters or more.
    static func queryVariants(of word: String) -> [String] {
        let letters = Array(word.utf8)
        // Longer than any word filed with its deletions (and two edits): only itself can match.
        guard letters.count <= longestIndexed + 2 else { return [word] }
        return deletions(letters, depth: letters.count >= 6 ? 2 : letters.count >= 2 ? 1 : 0)
    }

    private static func deletions(_ letters: [UInt8], depth: Int) -> [String] {
        var seen: Set<[UInt8]> = [letters]
        var level: [[UInt8]] = [letters]
        for _ in 0..<depth {
            var next: [[UInt8]] = []
            for word in level where word.count > 1 {
                for i in word.indices {
                    var shorter = word
                    shorter.remove(at: i)
                    if seen.insert(shorter).inserted { next.append(shorter) }
                }
            }
            level = next
        }
        return seen.map { String(decoding: $0, as: UTF8.self) }.sorted()
    }

    /// Files the variants of `words` (new vocabulary words).
    static func insert(_ db: any StoreSession, words: [String]) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO search_word_variant (variant, word) VALUES (?, ?) ON CONFLICT DO NOTHING")
        for word in words {
            for variant in variants(of: word) { try statement.execute(arguments: [variant, word]) }
        }
    }

    /// Forgets the words of `words` no tier uses any more, with their variants (an erasure: a
    /// rare name must not stay in the vocabulary once its person is erased).
    static func removeUnused(_ db: any StoreSession, words: [String]) throws {
        let unused = try db.cachedStatement(sql: "SELECT tiers FROM search_word WHERE word = ?")
        let variant = try db.cachedStatement(sql: "DELETE FROM search_word_variant WHERE variant = ? AND word = ?")
        let word = try db.cachedStatement(sql: "DELETE FROM search_word WHERE word = ?")
        for candidate in Set(words) {
            guard let tiers = try Int.fetchOne(unused, arguments: [candidate]), tiers <= 0 else { continue }
            for form in variants(of: candidate) { try variant.execute(arguments: [form, candidate]) }
            try word.execute(arguments: [candidate])
        }
    }

    /// The vocabulary words in use within the edits they forgive of `typed`, with their distance,
    /// `typed` itself left out.
    static func words(_ db: any StoreSession, near typed: String) throws -> [(word: String, distance: Int)] {
        let lookups = queryVariants(of: typed)
        let marks = Array(repeating: "?", count: lookups.count).joined(separator: ",")
        // One cached statement per number of lookups (a few lengths of typed words).
        let statement = try db.cachedStatement(sql: """
            SELECT v.word FROM search_word_variant v JOIN search_word w ON w.word = v.word
            WHERE v.variant IN (\(marks)) AND w.tiers > 0
            """)
        let found = try String.fetchSet(statement, arguments: StoreArguments(lookups))
        let typedBytes = Array(typed.utf8)
        var result: [(word: String, distance: Int)] = []
        for word in found where word != typed {
            let allowed = EditDistance.forgiven(length: word.count)
            let distance = EditDistance.distance(Array(word.utf8), typedBytes, limit: allowed)
            if distance <= allowed { result.append((word, distance)) }
        }
        return result.sorted { ($0.distance, $0.word) < ($1.distance, $1.word) }
    }
}
