extension SQLiteSession: SearchIndexReading {
    package func searchTokenIndex() throws -> any SearchTokenIndex {
        try SQLiteSearchTokenIndex(database)
    }
}
