package import GRDB

// GRDB overload of TierErasure's session function, for callers not yet behind the store seam
// (Tiers). To be deleted once every caller passes a session.
extension TierErasure {
    static func refuseIfErased(_ db: Database, id: Int64) throws {
        try refuseIfErased(SQLiteSession(db), id: id)
    }
}
