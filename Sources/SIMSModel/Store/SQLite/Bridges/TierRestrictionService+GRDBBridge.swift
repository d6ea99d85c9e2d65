package import GRDB

// GRDB overloads of TierRestrictionService's session functions, for callers not yet behind the
// store seam (Merge, Tiers, Search). To be deleted once every caller passes a session.
extension TierRestrictionService {
    static func masked(_ db: Database, _ hits: [SearchHit]) throws -> [SearchHit] {
        try masked(SQLiteSession(db), hits)
    }

    static func consultationPayload(_ db: Database, tierIDs: [Int64], motif: String?,
                                    context: ConsultationContext) throws -> [String: String] {
        try consultationPayload(SQLiteSession(db), tierIDs: tierIDs, motif: motif, context: context)
    }

    static func motifIfRestricted(_ db: Database, tierIDs: [Int64], motif: String?) throws -> String? {
        try motifIfRestricted(SQLiteSession(db), tierIDs: tierIDs, motif: motif)
    }
}
