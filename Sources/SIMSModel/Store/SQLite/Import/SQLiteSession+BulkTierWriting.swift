import Foundation

extension SQLiteSession: BulkTierWriting {
    func bulkTierRows(at: Date) throws -> any BulkTierRows {
        try SQLiteBulkTierRows(database, at: at)
    }
}
