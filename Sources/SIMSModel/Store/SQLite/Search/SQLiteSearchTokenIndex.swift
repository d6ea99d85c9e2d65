package import GRDB
package import GRDBSQLite

/// The search index as SQLite reads it (``SearchTokenIndex``): the distinct tokens under a
/// prefix, one token's tier ids from a given id on, whether one tier has one token, the stored
/// words of the tiers scored.
///
/// The statements are the connection's cached ones, stepped through the SQLite C API so that
/// reading an index entry costs a `sqlite3_step` and no Swift value: a name shared by 20,000
/// tiers is read in about a millisecond.
///
/// ```swift
/// let index = try SQLiteSearchTokenIndex(database)
/// index.tokens(withPrefix: "wam", limit: 64)        // ["wamitan", "wamytan"]
/// var ids: [UInt64] = []
/// index.appendPosting(of: "wamytan", after: 0, limit: 100, code: 7, to: &ids)
/// ```
struct SQLiteSearchTokenIndex: SearchTokenIndex {
    private let first: Statement
    private let next: Statement
    private let posting: Statement
    private let probe: Statement
    private let range: Statement
    private let row: Statement
    private let tier: Statement

    init(_ db: Database) throws {
        first = try db.cachedStatement(sql: "SELECT token FROM search_token WHERE token >= ? AND token < ? LIMIT 1")
        next = try db.cachedStatement(sql: "SELECT token FROM search_token WHERE token > ? AND token < ? LIMIT 1")
        posting = try db.cachedStatement(sql: "SELECT tier_id FROM search_token WHERE token = ? AND tier_id > ?")
        probe = try db.cachedStatement(sql: "SELECT 1 FROM search_token WHERE token = ? AND tier_id = ?")
        range = try db.cachedStatement(sql: """
            SELECT token, tier_id FROM search_token WHERE (token, tier_id) > (?, ?) AND token < ?
            """)
        row = try db.cachedStatement(sql: "SELECT folded_names, search_tokens FROM tier WHERE id = ?")
        tier = try db.cachedStatement(sql: """
            SELECT folded_names, search_tokens, birth_date, kind, display_name, ridet, commune, cafat, phone, email,
                   min_level FROM tier WHERE id = ?
            """)
    }

    func storedWords(id: Int64) -> (names: [UInt8], tokens: [UInt8])? {
        let statement = row.sqliteStatement
        sqlite3_reset(statement)
        defer { sqlite3_reset(statement) }
        sqlite3_bind_int64(statement, 1, id)
        guard sqlite3_step(statement) == SQLITE_ROW else { return nil }
        return (Self.bytes(statement, 0), Self.bytes(statement, 1))
    }

    func storedTier(id: Int64) -> SearchStoredTier? {
        let statement = tier.sqliteStatement
        sqlite3_reset(statement)
        defer { sqlite3_reset(statement) }
        sqlite3_bind_int64(statement, 1, id)
        guard sqlite3_step(statement) == SQLITE_ROW else { return nil }
        return SearchStoredTier(names: Self.bytes(statement, 0), tokens: Self.bytes(statement, 1),
                                birthDate: Self.optionalText(statement, 2), kind: Self.optionalText(statement, 3),
                                displayName: Self.optionalText(statement, 4), ridet: Self.optionalText(statement, 5),
                                commune: Self.optionalText(statement, 6), cafat: Self.optionalText(statement, 7),
                                phone: Self.optionalText(statement, 8), email: Self.optionalText(statement, 9),
                                minLevel: Int(sqlite3_column_int64(statement, 10)))
    }

    func tokens(withPrefix prefix: String, limit: Int) -> [String]? {
        // Both statements are reset however this ends: a statement left stepping would keep the
        // connection on its snapshot, blind to what is written afterwards.
        defer {
            sqlite3_reset(first.sqliteStatement)
            sqlite3_reset(next.sqliteStatement)
        }
        var result: [String] = []
        let high = Self.upperBound(prefix)
        var statement = first.sqliteStatement
        var low = prefix
        while true {
            sqlite3_reset(statement)
            Self.bind(low, to: statement, at: 1)
            Self.bind(high, to: statement, at: 2)
            guard sqlite3_step(statement) == SQLITE_ROW else { return result }
            let token = Self.text(statement, 0)
            if result.count == limit { return nil }
            result.append(token)
            low = token
            statement = next.sqliteStatement
        }
    }

    func appendPosting(of token: String, after: Int64, limit: Int, code: UInt8,
                       to ids: inout [UInt64]) -> (last: Int64, more: Bool) {
        let statement = posting.sqliteStatement
        sqlite3_reset(statement)
        Self.bind(token, to: statement, at: 1)
        sqlite3_bind_int64(statement, 2, after)
        var last = after
        var read = 0
        while read < limit, sqlite3_step(statement) == SQLITE_ROW {
            last = sqlite3_column_int64(statement, 0)
            ids.append(UInt64(last) << 8 | UInt64(code))
            read += 1
        }
        let more = read == limit && sqlite3_step(statement) == SQLITE_ROW
        sqlite3_reset(statement)
        return (last, more)
    }

    func appendRange(withPrefix prefix: String, after: (token: String, id: Int64)?, limit: Int,
                     code: (Int) -> UInt8, to ids: inout [UInt64]) -> (token: String, id: Int64)? {
        let statement = range.sqliteStatement
        sqlite3_reset(statement)
        Self.bind(after?.token ?? prefix, to: statement, at: 1)
        sqlite3_bind_int64(statement, 2, after?.id ?? Int64.min)
        Self.bind(Self.upperBound(prefix), to: statement, at: 3)
        var read = 0
        var resume: (token: String, id: Int64)?
        var more = false
        while sqlite3_step(statement) == SQLITE_ROW {
            if read == limit { more = true; break }
            let length = Int(sqlite3_column_bytes(statement, 0))
            let id = sqlite3_column_int64(statement, 1)
            ids.append(UInt64(id) << 8 | UInt64(code(length)))
            read += 1
            if read == limit { resume = (Self.text(statement, 0), id) }
        }
        sqlite3_reset(statement)
        return more ? resume : nil
    }

    func contains(_ token: String, id: Int64) -> Bool {
        let statement = probe.sqliteStatement
        sqlite3_reset(statement)
        Self.bind(token, to: statement, at: 1)
        sqlite3_bind_int64(statement, 2, id)
        let found = sqlite3_step(statement) == SQLITE_ROW
        sqlite3_reset(statement)
        return found
    }

    private static func bind(_ text: String, to statement: OpaquePointer, at index: Int32) {
        SQLiteBinding.bind(text, statement, index)
    }

    /// A text column's bytes.
    private static func bytes(_ statement: OpaquePointer, _ column: Int32) -> [UInt8] {
        guard let pointer = sqlite3_column_text(statement, column) else { return [] }
        return Array(UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(statement, column))))
    }

    /// A text column, `nil` when NULL.
    private static func optionalText(_ statement: OpaquePointer, _ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(statement, column) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(statement, column))),
                      as: UTF8.self)
    }

    private static func text(_ statement: OpaquePointer, _ column: Int32) -> String {
        guard let pointer = sqlite3_column_text(statement, column) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }
}
