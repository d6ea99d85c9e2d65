/// The capability of an engine's session to read the search index fast (``SearchTokenIndex``):
/// a search asks it of its read session, `try db.capability(SearchIndexReading.self)`.
package protocol SearchIndexReading {
    /// The index as this read sees it, valid for the session's closure only.
    func searchTokenIndex() throws -> any SearchTokenIndex
}
