import Foundation

extension StoreError {
    /// Free space below which an input/output error of SQLite is taken for a full disk: SQLite
    /// reports a shared-memory or log file it cannot grow as « disk I/O error », not as « full ».
    static let nearlyFullBytes: Int64 = 4 << 20

    /// The one place where a failure of the host becomes a French error: SQLite's
    /// `SQLITE_FULL` and `SQLITE_IOERR` (all their extended codes), and `ENOSPC` / `EIO` / `EROFS`
    /// from a file written beside the store (a rejects file, a backup, a document). `path` is a
    /// file or folder on the file system concerned; `needed` what the operation wanted, when it
    /// knows. Any other error gives nil: the caller lets it through.
    ///
    /// ```swift
    /// do { try body() } catch { throw StoreError.hostFault(error, at: store.path) ?? error }
    /// ```
    public static func hostFault(_ error: Error, at path: String, needed: Int64? = nil) -> StoreError? {
        if let known = error as? StoreError {
            switch known {
            case .diskFull, .diskFailure: return known
            default: return nil
            }
        }
        let folder = existingFolder(of: path)
        let available = availableBytes(folder)
        if let engine = sqliteFault(error, folder: folder, available: available, needed: needed) {
            return engine
        }
        switch posixCode(of: error) {
        case ENOSPC, EDQUOT:
            return .diskFull(folder: folder, available: available, needed: needed)
        case EIO:
            return .diskFailure(folder: folder, reason: "erreur d'entrée-sortie")
        case EROFS:
            return .diskFailure(folder: folder, reason: "système de fichiers en lecture seule")
        default:
            return nil
        }
    }

    /// Whether this error is the host's (disk full or failing) rather than the store's.
    public var isHostFault: Bool {
        switch self {
        case .diskFull, .diskFailure: return true
        default: return false
        }
    }

    /// The POSIX code under a Foundation or POSIX error, if any.
    private static func posixCode(of error: Error) -> Int32? {
        if let posix = error as? POSIXError { return posix.code.rawValue }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        if ns.domain == NSCocoaErrorDomain, ns.code == CocoaError.fileWriteOutOfSpace.rawValue { return ENOSPC }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? Error { return posixCode(of: underlying) }
        return nil
    }

    /// `path` itself when it is a folder, else the nearest existing folder above it.
    static func existingFolder(of path: String) -> String {
        var candidate = path.isEmpty ? "." : path
        var isFolder: ObjCBool = false
        while !(FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder) && isFolder.boolValue) {
            let parent = (candidate as NSString).deletingLastPathComponent
            if parent.isEmpty { return "." }
            if parent == candidate { return candidate }
            candidate = parent
        }
        return candidate
    }

    /// The bytes an unprivileged writer may still use on the file system of `folder`.
    static func availableBytes(_ folder: String) -> Int64? {
        var info = statvfs()
        guard statvfs(folder, &info) == 0 else { return nil }
        return Int64(info.f_bavail) * Int64(info.f_frsize)
    }
}
