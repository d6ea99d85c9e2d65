/// Where a record absorbed by a merge now lives: opening it, finding it by its number, exporting
/// it or starting a dossier for it leads to the survivor.
///
/// ```swift
/// if let redirect = try TierRedirect.find(db, id: 12) {
///     redirect.survivorID   // 7
///     redirect.notice       // "Fiche n° 12 fusionnée le 03/12/2026 dans n° 7."
/// }
/// ```
public struct TierRedirect: Sendable, Equatable, Codable {
    /// The number asked for.
    public var absorbedID: Int64
    /// The record it leads to (the end of the chain, should the survivor itself be absorbed later).
    public var survivorID: Int64
    /// When the asked record was merged (stored timestamp).
    public var mergedAt: String
    /// The merge (a row of `tier_merge`).
    public var mergeID: Int64

    /// « Fiche n° 12 fusionnée le 03/12/2026 dans n° 7. »
    public var notice: String {
        "Fiche n° \(absorbedID) fusionnée le \(Timestamp.french(mergedAt).prefix(10)) dans n° \(survivorID)."
    }

    /// The standing redirect of `id`, or nil when the record is not absorbed.
    package static func find(_ db: any StoreSession, id: Int64) throws -> TierRedirect? {
        let standing = try db.cachedStatement(sql: """
            SELECT id, survivor_id, merged_at FROM tier_merge WHERE absorbed_id = ? AND undone_at IS NULL
            """)
        guard let first = try StoreRow.fetchOne(standing, arguments: [id]) else { return nil }
        var redirect = TierRedirect(absorbedID: id, survivorID: first[1], mergedAt: first[2], mergeID: first[0])
        var seen: Set<Int64> = [id]
        while let next = try StoreRow.fetchOne(standing, arguments: [redirect.survivorID]), seen.insert(redirect.survivorID).inserted {
            redirect.survivorID = next[1]
        }
        return redirect
    }

    /// The record `id` leads to: itself, or its survivor.
    package static func resolve(_ db: any StoreSession, id: Int64) throws -> Int64 {
        try find(db, id: id)?.survivorID ?? id
    }

    /// Refuses a write to an absorbed record: « Fiche fusionnée dans n° 7 … ». Every service that
    /// writes a tier's facts calls this first.
    static func refuseIfAbsorbed(_ db: any StoreSession, id: Int64) throws {
        guard let redirect = try find(db, id: id) else { return }
        throw TierMergeRefusal("Fiche fusionnée dans n° \(redirect.survivorID) le \(Timestamp.french(redirect.mergedAt).prefix(10)) : "
            + "rien n'a été enregistré ; ouvrez la fiche n° \(redirect.survivorID) et refaites-y la modification.")
    }
}
