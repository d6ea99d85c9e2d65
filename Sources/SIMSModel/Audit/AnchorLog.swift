import Foundation

/// The anchors file beside the store (`<store>.ancres`, mode 0600): one ``ChainAnchor`` line per
/// backup, purge, hour of work and restoration, only ever appended to. `guichet check` verifies
/// the store against every anchor written since the last forced restoration.
///
/// ```swift
/// let log = AnchorLog(storePath: "/srv/guichet/sims.sqlite")
/// try log.append(anchor)
/// let binding = try log.binding()   // what `check` compares the chain with
/// ```
public struct AnchorLog: Sendable {
    /// The file's path.
    public let path: String
    /// The store it anchors.
    public let storePath: String

    public init(storePath: String) {
        self.storePath = storePath
        path = storePath + ".ancres"
    }

    /// Appends one line in a single write (`O_APPEND`), flushed to disk.
    public func append(_ anchor: ChainAnchor) throws {
        let fd = try StoreCompanionFile.open(path, storePath: storePath, flags: O_WRONLY | O_APPEND)
        defer { close(fd) }
        let bytes = Array((anchor.line + "\n").utf8)
        let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            throw ValidationError(field: nil, message: "Impossible d'écrire l'ancre dans \(ShownText.escaped(path, limit: 200)) : "
                + "\(String(cString: strerror(errno))).")
        }
        fsync(fd)
    }

    /// Every readable anchor of the file, in the order written (lines that are not anchors are skipped).
    public func anchors() throws -> [ChainAnchor] {
        guard let data = try StoreCompanionFile.read(path) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap {
            try? ChainAnchor.parse(String($0)).get()
        }
    }

    /// The anchors the store must hold now: those written since the last forced restoration
    /// (which replaced the history the earlier ones anchored), that one included.
    public func binding() throws -> [ChainAnchor] {
        let all = try anchors()
        guard let reset = all.lastIndex(where: { $0.reason == .forcedRestore }) else { return all }
        return Array(all[reset...])
    }

    /// The newest of `anchors` (the longest chain; the last written among equals).
    public static func newest(_ anchors: [ChainAnchor]) -> ChainAnchor? {
        anchors.enumerated().max { ($0.element.events, $0.offset) < ($1.element.events, $1.offset) }?.element
    }

    /// Renames the file (if any) to `<store>.ancres.avant-<date>`: a new store created at this
    /// path is another register, which the former anchors do not bind.
    func setAside(now: Date) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        rename(path, path + ".avant-" + StoreBackup.folderStamp(now))
    }

    /// When the last line was written, read from the file's end alone (the hourly check after a
    /// commit must stay cheap); nil when the file is absent or its last line unreadable.
    func lastWritten() -> Date? {
        let fd = Foundation.open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let size = lseek(fd, 0, SEEK_END)
        guard size > 0 else { return nil }
        let start = max(0, size - 1024)
        var buffer = [UInt8](repeating: 0, count: Int(size - start))
        let read = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, start) }
        guard read > 0 else { return nil }
        let text = String(decoding: buffer.prefix(read), as: UTF8.self)
        guard let line = text.split(separator: "\n").last, case .success(let anchor) = ChainAnchor.parse(String(line)) else {
            return nil
        }
        return Timestamp.date(from: anchor.at)
    }
}
