/// The derived and working tables that the chain does not attest row by row, each checked
/// against what it is derived from: the search index and its vocabulary rebuilt from the tier
/// rows (``SearchIndexVerifier``), the dashboard's tallies recomputed from the dossiers
/// (``TallyVerifier``). The duplicate score's weights, who holds which brouillon and the rows
/// detached by v7 are attested like the register's rows (``AttestedTable``).
///
/// ```swift
/// let problems = try DerivedTableVerifier.verify(db)   // [] when every derived table is sound
/// ```
enum DerivedTableVerifier {
    static func verify(_ db: any StoreSession) throws -> [String] {
        try SearchIndexVerifier.verify(db) + TallyVerifier.verify(db)
    }
}
