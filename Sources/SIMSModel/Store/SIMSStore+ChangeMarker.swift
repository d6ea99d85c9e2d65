extension SIMSStore {
    /// The id of the newest event: every write records one, so a screen that shows figures reads
    /// this cheap marker and recomputes only when it moved.
    ///
    /// ```swift
    /// let marker = try store.lastEventID()
    /// if marker != shownMarker { figures = try DashboardService(store: store).figures(now: now) }
    /// ```
    public func lastEventID() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT last_event_id FROM chain_head") } ?? 0
    }
}
