import Foundation
import XCTest

/// The real `guichet` binary in a tmux pane: send keys, poll the pane until a condition holds,
/// and show the screen when it does not (after fzf's end-to-end tests).
final class TmuxSession {
    let socket = "guichet-e2e-\(UUID().uuidString.prefix(8))"
    let name = "g"
    static var tmux: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts `command` (arguments, run without a shell) in a new 80×24 session.
    init(_ command: [String], environment: [String: String], columns: Int = 80, rows: Int = 24) throws {
        let env = environment.map { "\($0.key)=\($0.value)" }.sorted()
        // The server forked by new-session keeps its standard output: do not wait on a pipe there.
        try tmux(["new-session", "-d", "-s", name, "-x", String(columns), "-y", String(rows), "env"] + env + command,
                 capture: false)
        try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    /// Runs tmux with posix_spawn and waitpid: Foundation's Process can wait for ever on a tmux
    /// client whose forked server lives on.
    @discardableResult
    func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
        let argv = [Self.tmux ?? "/usr/bin/tmux", "-L", socket] + arguments
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw XCTSkip("pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        var pid: pid_t = 0
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArgs, environ)
        close(fds[1])
        defer { close(fds[0]) }
        guard spawned == 0 else { throw XCTSkip("tmux could not start: \(spawned)") }
        var output = Data()
        if capture {
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = read(fds[0], &chunk, chunk.count)
                if n <= 0 { break }
                output.append(contentsOf: chunk[0..<n])
            }
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return String(decoding: output, as: UTF8.self)
    }

    /// Sends tmux key names (« Enter », « F10 », « Tab »...).
    func keys(_ names: String...) throws {
        try tmux(["send-keys", "-t", name] + names)
    }

    /// Types text literally (accents included).
    func type(_ text: String) throws {
        try tmux(["send-keys", "-t", name, "-l", text])
    }

    /// The pane's text now.
    func screen() throws -> String {
        try tmux(["capture-pane", "-p", "-t", name])
    }

    /// Waits until the screen satisfies `condition`; fails the test with the screen otherwise.
    @discardableResult
    func waitFor(_ description: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line,
                 _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("waiting for \(description); the screen was:\n\(last)", file: file, line: line)
        throw XCTSkip("stopped after a failed wait")
    }

    /// Waits until the screen shows `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try waitFor("« \(text) »", timeout: timeout, file: file, line: line) { $0.contains(text) }
    }

    /// Where the pane's cursor is (zero-based column and row), as a screen reader or a braille
    /// display following it finds it.
    func cursor() throws -> (x: Int, y: Int) {
        let text = try tmux(["display-message", "-p", "-t", name, "#{cursor_x} #{cursor_y}"])
        let numbers = text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard numbers.count == 2 else { throw XCTSkip("tmux gave no cursor: \(text)") }
        return (numbers[0], numbers[1])
    }

    /// The plain text of the line the cursor is on, from the cursor's column: what a braille
    /// display following the cursor shows first.
    func cursorLine() throws -> String {
        let (x, y) = try cursor()
        let lines = try screen().components(separatedBy: "\n")
        guard lines.indices.contains(y) else { return "" }
        return String(lines[y].dropFirst(x))
    }

    /// Waits until the cursor's line, from the cursor on, starts with `text`.
    @discardableResult
    func waitForCursor(on text: String, timeout: TimeInterval = 10, file: StaticString = #filePath,
                       line: UInt = #line) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try cursorLine()
            if last.hasPrefix(text) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let place = (try? cursor()).map { "\($0.x) \($0.y)" } ?? "?"
        XCTFail("waiting for the cursor on « \(text) »; it was at \(place) on « \(last) »; the screen was:\n"
                + ((try? screen()) ?? ""), file: file, line: line)
        throw XCTSkip("stopped after a failed wait")
    }

    /// The pid of the program in the pane.
    func pid() throws -> Int32 {
        let text = try tmux(["display-message", "-p", "-t", name, "#{pane_pid}"])
        guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 1 else {
            throw XCTSkip("tmux gave no pane pid: \(text)") // never signal pid 0: that is our own group
        }
        return pid
    }

    /// Whether the program in the pane has exited.
    func hasExited() throws -> Bool {
        try tmux(["display-message", "-p", "-t", name, "#{pane_dead}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", name, "-x", String(columns), "-y", String(rows)])
    }

    func kill() {
        _ = try? tmux(["kill-server"])
    }
}
