extension ProcedureCatalog {
    /// Each procedure's current retention in years (`conservation_ans`), by code.
    public var retentionByCode: [String: Int] {
        Dictionary(procedures.map { ($0.code, $0.retentionYears) }, uniquingKeysWith: { first, _ in first })
    }
}
