internal import GRDB

extension StoreFailure {
    /// The classification of an error GRDB raised for SQLite, by its primary result code; nil
    /// for any other error.
    static func sqlite(_ error: any Error) -> StoreFailure? {
        guard let error = error as? DatabaseError else { return nil }
        let kind: Kind
        switch error.resultCode {
        case .SQLITE_BUSY: kind = .busy
        case .SQLITE_LOCKED: kind = .locked
        case .SQLITE_READONLY: kind = .readOnly
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: kind = .corrupt
        case .SQLITE_CONSTRAINT: kind = .constraint
        case .SQLITE_FULL: kind = .full
        case .SQLITE_IOERR: kind = .inputOutput
        case .SQLITE_CANTOPEN: kind = .cannotOpen
        default: kind = .other
        }
        return StoreFailure(kind: kind, engine: .sqlite, message: error.message ?? "\(error)")
    }
}
