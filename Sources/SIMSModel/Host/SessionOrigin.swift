import Foundation

/// Where an agent's session comes from, as the system recorded it when they logged in: the
/// terminal line (`pts/3`, `tty1`) and the remote address sshd wrote in utmp (`10.0.1.21`; empty
/// for a console of the host). On a shared host this names the counter (``CounterSection``).
///
/// Nothing here is taken from what the agent can set. Not their environment (`SSH_CLIENT`,
/// `SSH_CONNECTION`: anyone sets them). Not any terminal they might open (a tmux pane, `script`,
/// a utmp record added through libutempter): the terminal is the one that root's `sshd` (or
/// `login`, for a console) gave the session, found by walking this process's ancestors in
/// `/proc` up to that root-owned process; the address is the utmp record of that terminal, which
/// only root writes, and which must be the agent's own login session. A session that does not
/// descend from sshd or login (tmux, cron) sits at no counter.
///
/// ```swift
/// let origin = SessionOrigin.current(login: "mgorodey")   // SessionOrigin(line: "pts/3", address: "10.0.1.21")
/// ```
public struct SessionOrigin: Sendable, Equatable {
    public var line: String
    public var address: String

    public init(line: String, address: String) {
        self.line = line
        self.address = address
    }

    public static let utmpFile = "/var/run/utmp"

    /// The root processes that open login sessions (OpenSSH 9.8 and later name theirs sshd-session).
    static let sessionOpeners: Set<String> = ["sshd", "sshd-session", "login"]

    /// The login session of `login` that this process runs in, or nil.
    public static func current(login: String, utmpFile: String = utmpFile) -> SessionOrigin? {
        var ancestors: [(uid: uid_t, name: String, tty: Int)] = []
        var pid = getppid()
        for _ in 0..<32 where pid > 1 {
            guard let (parent, tty) = processStat(of: pid), let uid = owner(of: pid) else { break }
            let name = ((try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? "").trimmingCharacters(in: .newlines)
            ancestors.append((uid, name, tty))
            pid = parent
        }
        guard let line = loginLine(ancestors: ancestors) else { return nil }
        return loginSessions(utmpFile: utmpFile).first { $0.line == line && $0.user == login }?.origin
    }

    /// The terminal root's sshd or login gave the session: that of the highest process under the
    /// nearest such root-owned ancestor. `ancestors`: nearest first.
    static func loginLine(ancestors: [(uid: uid_t, name: String, tty: Int)]) -> String? {
        var highest: String?
        for process in ancestors {
            if process.uid == 0, sessionOpeners.contains(process.name) { return highest }
            if let line = lineName(device: process.tty) { highest = line }
        }
        return nil
    }

    /// The real user of a process (the owner of `/proc/PID`).
    static func owner(of pid: pid_t) -> uid_t? {
        var info = stat()
        return stat("/proc/\(pid)", &info) == 0 ? info.st_uid : nil
    }

    /// `(ppid, tty_nr)` of `/proc/PID/stat` (after the command's parenthesis, which may hold spaces).
    static func processStat(of pid: pid_t) -> (pid_t, Int)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        // state ppid pgrp session tty_nr ...
        guard fields.count > 4, let parent = pid_t(fields[1]), let device = Int(fields[4]) else { return nil }
        return (parent, device)
    }

    /// The utmp name of a terminal device number: `pts/N` (majors 136 to 143), `ttyN` (major 4).
    static func lineName(device: Int) -> String? {
        let major = (device >> 8) & 0xfff, minor = (device & 0xff) | ((device >> 12) & 0xfff00)
        if (136...143).contains(major) { return "pts/\((major - 136) * 256 + minor)" }
        if major == 4, minor < 64, minor > 0 { return "tty\(minor)" }
        return nil
    }

    /// The size and layout of a glibc utmp record on Linux (the same on 32- and 64-bit).
    static let recordSize = 384
    static let userProcess: Int16 = 7

    /// Every login session of the utmp file: user, line, address.
    static func loginSessions(utmpFile: String) -> [(user: String, line: String, origin: SessionOrigin)] {
        guard let data = FileManager.default.contents(atPath: utmpFile) else { return [] }
        var sessions: [(user: String, line: String, origin: SessionOrigin)] = []
        let bytes = [UInt8](data)
        func text(_ start: Int, _ length: Int) -> String {
            String(decoding: bytes[start..<(start + length)].prefix { $0 != 0 }, as: UTF8.self)
        }
        var offset = 0
        while offset + recordSize <= bytes.count {
            let type = Int16(bytes[offset]) | Int16(bytes[offset + 1]) << 8
            if type == userProcess {
                let line = text(offset + 8, 32), user = text(offset + 44, 32), host = text(offset + 76, 256)
                sessions.append((user, line, SessionOrigin(line: line, address: host)))
            }
            offset += recordSize
        }
        return sessions
    }

    /// One utmp record of a login session (for tests, and to read what `loginSessions` reads).
    static func record(user: String, line: String, host: String, pid: Int32 = 1) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: recordSize)
        bytes[0] = UInt8(userProcess)
        withUnsafeBytes(of: pid.littleEndian) { for (index, byte) in $0.enumerated() { bytes[4 + index] = byte } }
        func put(_ text: String, _ start: Int, _ length: Int) {
            for (index, byte) in text.utf8.prefix(length).enumerated() { bytes[start + index] = byte }
        }
        put(line, 8, 32)
        put(user, 44, 32)
        put(host, 76, 256)
        return bytes
    }
}
