internal import GRDB

extension StoreError {
    /// SQLite's part of ``hostFault(_:at:needed:)``: an error of SQLite gives `.some` (nil inside
    /// when it is no fault of the host); any other error gives nil, for the file-system checks.
    static func sqliteFault(_ error: Error, folder: String, available: Int64?, needed: Int64?) -> StoreError?? {
        guard let database = error as? DatabaseError else { return nil }
        switch database.resultCode {
        case .SQLITE_FULL:
            return .some(.diskFull(folder: folder, available: available, needed: needed))
        case .SQLITE_IOERR:
            if let available, available < nearlyFullBytes {
                return .some(.diskFull(folder: folder, available: available, needed: needed))
            }
            return .some(.diskFailure(folder: folder, reason: "erreur d'entrée-sortie de SQLite, code \(database.extendedResultCode.rawValue)"))
        default:
            return .some(nil)
        }
    }
}
