extension ScannedColumns {
    /// The column as text, nil when NULL.
    func text(_ column: Int32) -> String? {
        isNull(column) ? nil : String(decoding: bytes(column), as: UTF8.self)
    }
}
