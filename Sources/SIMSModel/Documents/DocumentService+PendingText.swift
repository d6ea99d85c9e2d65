package import GRDB

extension DocumentService {
    /// How many of the documents `ids` still wait for their text to be read (OCR): a list of
    /// pieces reloads when this number drops while it is shown.
    public func countAwaitingText(_ ids: [Int64]) throws -> Int {
        guard !ids.isEmpty else { return 0 }
        return try store.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM document WHERE ocr_state = ? AND id IN (\(databaseQuestionMarks(count: ids.count)))",
                             arguments: StatementArguments([OCRState.pending.rawValue] + ids.map { $0 as (any DatabaseValueConvertible) }))
        } ?? 0
    }
}
