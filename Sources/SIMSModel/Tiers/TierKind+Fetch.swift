extension TierKind {
    /// The kind of the tier with this id, or nil when there is none.
    static func fetch(_ db: any StoreSession, id: Int64) throws -> TierKind? {
        try String.fetchOne(db, sql: "SELECT kind FROM tier WHERE id = ?", arguments: [id]).flatMap(TierKind.init(rawValue:))
    }
}
