import Foundation

/// A file Guichet keeps beside the store and outside it (the anchors file, the backups' seal key):
/// created readable by its owner alone, never through a symbolic link, and owned by the store's
/// owner even when root creates it, so that the service account can still use it afterwards.
///
/// ```swift
/// let fd = try StoreCompanionFile.open(storePath + ".ancres", storePath: storePath, flags: O_WRONLY | O_APPEND)
/// ```
enum StoreCompanionFile {
    /// Opens `path` with `flags`, creating it 0600 when absent; returns the descriptor.
    static func open(_ path: String, storePath: String, flags: Int32) throws -> Int32 {
        var fd = Foundation.open(path, flags | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0, errno == ENOENT {
            fd = Foundation.open(path, flags | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 {
                fchmod(fd, 0o600)
                if let owner = owner(storePath: storePath) { _ = fchown(fd, owner.uid, owner.gid) }
            } else if errno == EEXIST {
                fd = Foundation.open(path, flags | O_NOFOLLOW | O_CLOEXEC)
            }
        }
        guard fd >= 0 else {
            throw ValidationError(field: nil, message: "Impossible d'ouvrir \(ShownText.escaped(path, limit: 200)) : "
                + "\(String(cString: strerror(errno))).")
        }
        return fd
    }

    /// The owner to give a file created by root beside the store: the store's (or its folder's)
    /// owner; nil when this process is not root or the store is root's.
    static func owner(storePath: String) -> (uid: uid_t, gid: gid_t)? {
        guard geteuid() == 0 else { return nil }
        var info = stat()
        let folder = (storePath as NSString).deletingLastPathComponent
        guard stat(storePath, &info) == 0 || stat(folder.isEmpty ? "." : folder, &info) == 0, info.st_uid != 0 else { return nil }
        return (info.st_uid, info.st_gid)
    }

    /// Gives `path` (when it exists) to the store's owner, if root made it.
    static func adopt(_ path: String, storePath: String) {
        guard let owner = owner(storePath: storePath) else { return }
        _ = lchown(path, owner.uid, owner.gid)
    }

    /// The whole content of `path`, read without following a symbolic link; nil when absent.
    static func read(_ path: String) throws -> Data? {
        let fd = Foundation.open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw ValidationError(field: nil, message: "Impossible de lire \(ShownText.escaped(path, limit: 200)) : "
                + "\(String(cString: strerror(errno))).")
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        return try handle.readToEnd() ?? Data()
    }
}
