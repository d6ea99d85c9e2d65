/// Raw reads of the `search_token(token, tier_id)` index for ``TierSearch``: the distinct tokens
/// under a prefix, one token's tier ids from a given id on, whether one tier has one token, and
/// the stored words of the few tiers scored. Each engine reads its index its own way, as fast as
/// it can (SQLite: cached statements stepped through the C API, ``SQLiteSearchTokenIndex``); the
/// ranking, tokenising and budgets stay in the search, the same on every engine. Opened for one
/// read with ``SearchIndexReading/searchTokenIndex()``.
///
/// ```swift
/// let index = try db.capability(SearchIndexReading.self).searchTokenIndex()
/// index.tokens(withPrefix: "wam", limit: 64)        // ["wamitan", "wamytan"]
/// var ids: [UInt64] = []
/// index.appendPosting(of: "wamytan", after: 0, limit: 100, code: 7, to: &ids)
/// ```
package protocol SearchTokenIndex {
    /// The distinct tokens that start with `prefix`, in index order; `nil` when there are more
    /// than `limit` (an identifier prefix such as `#2` has thousands).
    func tokens(withPrefix prefix: String, limit: Int) -> [String]?

    /// Appends `id << 8 | code` for the tier ids of `token` greater than `after`, ascending, at
    /// most `limit` of them; returns the last id read and whether the token has more.
    func appendPosting(of token: String, after: Int64, limit: Int, code: UInt8, to ids: inout [UInt64]) -> (last: Int64, more: Bool)

    /// Appends `id << 8 | code` for the entries whose token starts with `prefix`, in index
    /// order, from just after the entry `after` (token and tier id; `nil` to start at the
    /// beginning), reading at most `limit`; `code` is given the length in bytes of each token.
    /// Returns the last entry read when the range has more.
    func appendRange(withPrefix prefix: String, after: (token: String, id: Int64)?, limit: Int,
                     code: (Int) -> UInt8, to ids: inout [UInt64]) -> (token: String, id: Int64)?

    /// Whether tier `id` has `token`.
    func contains(_ token: String, id: Int64) -> Bool

    /// The stored name words and tokens of tier `id` (see ``SearchScorer``), `nil` when there is no such tier.
    func storedWords(id: Int64) -> (names: [UInt8], tokens: [UInt8])?

    /// What a hit shows of tier `id`, with its stored words for scoring; `nil` when there is no such tier.
    func storedTier(id: Int64) -> SearchStoredTier?
}

extension SearchTokenIndex {
    /// The end of the range of the tokens that start with `prefix`.
    static func upperBound(_ prefix: String) -> String { prefix + "\u{10FFFF}" }
}
