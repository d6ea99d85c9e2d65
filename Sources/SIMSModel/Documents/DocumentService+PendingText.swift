extension DocumentService {
    /// How many of the documents `ids` still wait for their text to be read (OCR): a list of
    /// pieces reloads when this number drops while it is shown.
    public func countAwaitingText(_ ids: [Int64]) throws -> Int {
        guard !ids.isEmpty else { return 0 }
        return try store.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM document WHERE ocr_state = ? AND id IN (\(ids.map { _ in "?" }.joined(separator: ",")))
                """, arguments: [OCRState.pending.rawValue] + StoreArguments(ids))
        } ?? 0
    }
}
