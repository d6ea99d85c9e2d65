import Foundation

extension StoreBackup {
    /// The lock file inside a backup being written: held (`flock`) by the process writing it,
    /// released by the system when that process ends, however it ends.
    static let partialLockName = ".verrou"
    /// A partial backup without its lock file is taken for a leftover once it is this old (its
    /// process was killed between creating the folder and the lock).
    static let unlockedLeftoverAge: TimeInterval = 60

    /// Holds the lock of the partial backup `folder` until the returned descriptor is closed.
    static func holdPartialLock(_ folder: String) throws -> Int32 {
        let fd = open(folder + "/" + partialLockName, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0, flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            if fd >= 0 { close(fd) }
            throw ValidationError(field: nil, message: "Impossible de verrouiller la sauvegarde en cours \(ShownText.escaped(folder, limit: 200)) : "
                + "\(String(cString: strerror(errno))).")
        }
        fchmod(fd, 0o600)
        return fd
    }

    /// Removes what killed backups left in `parent`: hidden `.sauvegarde-….partielle` folders
    /// whose process is gone (their lock is free). A backup still being written is left alone.
    /// Returns the folders removed.
    ///
    /// ```swift
    /// for folder in StoreBackup.removeLeftovers(ofBackupsIn: "/srv/guichet/sauvegardes") { print(folder) }
    /// ```
    public static func removeLeftovers(ofBackupsIn parent: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        var removed: [String] = []
        for name in names.sorted() where name.hasPrefix("." + prefix) && name.hasSuffix(".partielle") {
            let folder = parent + "/" + name
            guard isAbandoned(partial: folder), (try? FileManager.default.removeItem(atPath: folder)) != nil else { continue }
            removed.append(folder)
        }
        return removed
    }

    /// Removes what killed restorations left beside the store at `storePath`: the copies
    /// `.restauration-PID.sqlite` (with their WAL files) whose process is gone. Returns the
    /// copies removed.
    public static func removeLeftovers(ofRestoresBeside storePath: String) -> [String] {
        let folder = (storePath as NSString).deletingLastPathComponent
        let parent = folder.isEmpty ? "." : folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        var removed: [String] = []
        for name in names.sorted() where name.hasPrefix(".restauration-") && name.hasSuffix(".sqlite") {
            let digits = name.dropFirst(".restauration-".count).dropLast(".sqlite".count)
            guard let pid = Int32(digits), !isRunning(pid) else { continue }
            let copy = parent + "/" + name
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(copy + suffix) }
            removed.append(copy)
        }
        return removed
    }

    /// Whether the partial backup `folder` was left by a process that is gone.
    private static func isAbandoned(partial folder: String) -> Bool {
        let fd = open(folder + "/" + partialLockName, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            let modified = (try? FileManager.default.attributesOfItem(atPath: folder))?[.modificationDate] as? Date
            return modified.map { Date().timeIntervalSince($0) > unlockedLeftoverAge } ?? false
        }
        defer { close(fd) }
        return flock(fd, LOCK_EX | LOCK_NB) == 0
    }

    /// Whether a process of this id exists (one of another user counts).
    private static func isRunning(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }
}
