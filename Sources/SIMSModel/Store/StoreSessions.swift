import Foundation

/// The `guichet` processes working on a store, each announced by a file it holds locked in the
/// folder `<store>.sessions` beside the store (mode 0700, files 0600): who (login), doing what
/// (the command, never its arguments) and since when. The lock goes with the process, so a
/// process killed with `kill -9` or a dropped SSH session leaves no false presence: a file
/// nobody holds is removed by the next reader.
///
/// `guichet restaurer` refuses while anyone is connected; a busy store names what holds it.
///
/// The gate: every `guichet` holds a shared lock on `<store>.sessions/porte` from before it opens
/// the store until it ends (``enter(storePath:waiting:)``); a restoration swaps the files under
/// the exclusive lock (``exclusively(storePath:action:_:)``), so that a `guichet` starting meanwhile
/// waits for the swap instead of opening the store being replaced.
///
/// ```swift
/// StoreSessions.register(storePath: store.path, login: "mwamytan", activity: "import tiers")
/// let others = StoreSessions.active(storePath: store.path).filter { $0.pid != getpid() }
/// ```
public enum StoreSessions {
    /// One process working on the store.
    public struct Session: Sendable, Equatable {
        public var pid: Int32
        public var login: String
        public var activity: String
        /// When the process opened the store (stored text of ``Timestamp``).
        public var since: String

        /// « « import tiers » de admin (processus 1234, depuis le 03/12/2026 09:40) ».
        public var french: String {
            "\(ShownText.quoted(activity)) de \(ShownText.escaped(login)) (processus \(pid), depuis le \(Timestamp.french(since)))"
        }
    }

    /// The folder of the presence files of the store at `storePath`.
    public static func folder(storePath: String) -> String { storePath + ".sessions" }

    /// The descriptor kept open (and locked) for the life of this process, per store.
    nonisolated(unsafe) private static var held: [String: Int32] = [:]
    private static let lock = NSLock()

    /// Descriptors of the gate (shared lock) held for the life of this process, per store.
    nonisolated(unsafe) private static var gates: [String: Int32] = [:]

    /// How long a `guichet` starting during a restoration waits for its swap.
    public static let gateWait: TimeInterval = 120

    static func gatePath(storePath: String) -> String { folder(storePath: storePath) + "/porte" }

    /// Takes the shared lock of the store's gate before the store is opened, and keeps it for the
    /// life of the process. While a restoration swaps the files, `waiting` is told once (in
    /// French) and the process waits, up to ``gateWait`` seconds, then is refused. Harmless when
    /// the folder cannot be written (a read-only copy).
    public static func enter(storePath: String, waiting: (String) -> Void = { _ in }) throws {
        lock.lock()
        defer { lock.unlock() }
        guard gates[storePath] == nil else { return }
        _ = try StoreLocation.filePath(storePath)
        mkdir(folder(storePath: storePath), 0o700)
        let fd = open(gatePath(storePath: storePath), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        var told = false
        let started = Date()
        while flock(fd, LOCK_SH | LOCK_NB) != 0 {
            if !told {
                waiting("La base est en cours de restauration : Guichet attend la fin de la remise en place…")
                told = true
            }
            guard Date().timeIntervalSince(started) < gateWait else {
                close(fd)
                throw ValidationError(field: nil, message: "La base est en cours de restauration depuis plus de \(Int(gateWait)) s : "
                    + "réessayez dans quelques minutes, ou demandez à l'administrateur où en est « guichet restaurer ».")
            }
            usleep(100_000)
        }
        gates[storePath] = fd
    }

    /// Runs `body` holding the store's gate exclusively: no `guichet` is working on the store and
    /// none can open it until `body` returns (they wait at ``enter(storePath:waiting:)``). Throws
    /// ``refusal(_:others:)`` naming the others (`action`: « Restauration ») when any is connected. This process's own shared lock, if
    /// any, is raised for the time of `body`, then lowered again.
    public static func exclusively<T>(storePath: String, action: String, _ body: () throws -> T) throws -> T {
        lock.lock()
        let own = gates[storePath]
        lock.unlock()
        mkdir(folder(storePath: storePath), 0o700)
        let fd = own ?? open(gatePath(storePath: storePath), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ValidationError(field: nil, message: "Impossible d'ouvrir \(gatePath(storePath: storePath)) : \(String(cString: strerror(errno))).")
        }
        defer {
            if own != nil { flock(fd, LOCK_SH) } else { close(fd) }
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            throw refusal(action, others: active(storePath: storePath).filter { $0.pid != getpid() })
        }
        let others = active(storePath: storePath).filter { $0.pid != getpid() }
        guard others.isEmpty else { throw refusal(action, others: others) }
        return try body()
    }

    /// « Restauration refusée : 2 guichet(s) travaillent sur la base (…). Demandez aux agents… ».
    public static func refusal(_ action: String, others: [Session]) -> ValidationError {
        ValidationError(field: nil, message: "\(action) refusée : \(max(others.count, 1)) guichet(s) travaillent sur la base"
            + (others.isEmpty ? "" : " (\(others.prefix(5).map(\.french).joined(separator: ", ")))")
            + ". Demandez aux agents de quitter Guichet, puis relancez ; rien n'a été modifié.")
    }

    /// Announces this process on the store; harmless when the folder cannot be written (a
    /// read-only copy): presence is then simply not shown.
    public static func register(storePath: String, login: String, activity: String, now: Date = Date()) {
        lock.lock()
        defer { lock.unlock() }
        guard held[storePath] == nil, (try? StoreLocation.filePath(storePath)) != nil else { return }
        let dir = folder(storePath: storePath)
        mkdir(dir, 0o700)
        let path = dir + "/\(getpid())"
        unlink(path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        fchmod(fd, 0o600)
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { close(fd); return }
        let clean = { (text: String) in String(text.unicodeScalars.filter { $0 != "\t" && $0 != "\n" }) }
        let line = "\(clean(login))\t\(clean(activity))\t\(Timestamp.string(from: now))\n"
        _ = line.withCString { write(fd, $0, strlen($0)) }
        held[storePath] = fd
    }

    /// Every process working on the store now (this one included when registered), oldest
    /// first; files left by processes that ended are removed on the way.
    public static func active(storePath: String) -> [Session] {
        let dir = folder(storePath: storePath)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { return [] }
        var sessions: [Session] = []
        for name in names {
            guard let pid = Int32(name) else { continue }
            let path = dir + "/" + name
            let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            guard fd >= 0 else { continue }
            defer { close(fd) }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 {
                // Nobody holds it: its process has ended.
                unlink(path)
                continue
            }
            var buffer = [UInt8](repeating: 0, count: 1024)
            let count = read(fd, &buffer, buffer.count)
            let fields = String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self)
                .trimmingCharacters(in: .newlines).components(separatedBy: "\t")
            sessions.append(Session(pid: pid, login: fields.first ?? "?", activity: fields.count > 1 ? fields[1] : "?",
                                    since: fields.count > 2 ? fields[2] : ""))
        }
        return sessions.sorted { ($0.since, $0.pid) < ($1.since, $1.pid) }
    }
}
