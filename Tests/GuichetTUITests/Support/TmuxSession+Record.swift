extension TmuxSession {
    /// From the home screen (or the search): searches `query`, waits for `name` among the results
    /// and opens the first one's record; returns the record's screen.
    @discardableResult
    func openRecord(searching query: String, name: String) throws -> String {
        try keys("F5")
        try type(query)
        try waitFor(name)
        try keys("Enter")
        return try waitFor("Fiche : \(name)")
    }
}
