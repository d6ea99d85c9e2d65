/// A terminal held in memory, for tests: keys are queued by the test, frames are kept for assertions.
///
/// ```swift
/// let terminal = InMemoryTerminal(size: .standard)
/// terminal.type("Dupont")
/// terminal.send(.enter, .function(10))
/// app.run(until: .idle, on: terminal)
/// XCTAssertEqual(terminal.screenText, """
///     Recherche d'un tiers
///     ...
///     """)
/// terminal.size = TerminalSize(columns: 100, rows: 30)   // queues a .resize event
/// ```
package final class InMemoryTerminal: Terminal {
    /// The screen size; setting a different size queues a ``KeyEvent/resize`` event.
    package var size: TerminalSize {
        didSet {
            guard size != oldValue else { return }
            screen = screen.resized(to: size)
            pendingEvents.append(.resize)
        }
    }

    /// The last presented frame, at the terminal's size (blank before the first present).
    private(set) var screen: CellBuffer
    /// Where the cursor was left by the last present (nil: hidden).
    private(set) var cursor: CursorPosition?
    /// How many times ``present(_:cursor:)`` was called.
    private(set) var presentCount = 0
    /// For each present, how many cells changed on screen.
    private(set) var changedCellCounts: [Int] = []
    /// Whether ``shutdown()`` was called.
    private(set) var isShutDown = false
    /// Events queued by the test and not read yet, oldest first.
    private(set) var pendingEvents: [KeyEvent] = []
    /// Whether ``invalidate()`` was called since the last present.
    private(set) var isInvalidated = false
    /// The timeouts passed to ``nextKey(timeoutMilliseconds:)``, in order (to test a refresh loop).
    private(set) var requestedTimeouts: [Int] = []

    init(size: TerminalSize = .standard) {
        self.size = size
        self.screen = CellBuffer(size: size)
    }

    package convenience init(columns: Int, rows: Int) {
        self.init(size: TerminalSize(columns: columns, rows: rows))
    }

    /// The screen as text: rows joined with "\n", trailing spaces trimmed.
    var screenText: String { screen.text }

    /// The screen's rows, trailing spaces kept.
    var screenLines: [String] { screen.lines }

    /// The number of cells the last present changed (0 before any present).
    var lastChangedCellCount: Int { changedCellCounts.last ?? 0 }

    /// Queues key events, read in order by ``nextKey(timeoutMilliseconds:)``.
    func send(_ events: KeyEvent...) {
        pendingEvents += events
    }

    /// Queues key events, read in order by ``nextKey(timeoutMilliseconds:)``.
    func send(_ events: [KeyEvent]) {
        pendingEvents += events
    }

    /// Queues each character of `text` as a key press; "\n" is Enter and "\t" is Tab.
    func type(_ text: String) {
        for character in text {
            switch character {
            case "\n", "\r", "\r\n": pendingEvents.append(.enter)
            case "\t": pendingEvents.append(.tab)
            default: pendingEvents.append(.character(character))
            }
        }
    }

    package func present(_ buffer: CellBuffer, cursor: CursorPosition?) {
        let frame = buffer.resized(to: size)
        let previous = isInvalidated ? CellBuffer(width: 0, height: 0) : screen
        let changed = frame.changes(since: previous).reduce(0) { $0 + $1.width }
        isInvalidated = false
        screen = frame
        self.cursor = cursor
        presentCount += 1
        changedCellCounts.append(changed)
    }

    /// The oldest queued event, or nil at once when the queue is empty (it never waits).
    package func nextKey(timeoutMilliseconds: Int) -> KeyEvent? {
        requestedTimeouts.append(timeoutMilliseconds)
        guard !pendingEvents.isEmpty else { return nil }
        return pendingEvents.removeFirst()
    }

    /// The next present counts every cell as changed, as a real terminal redraws them all.
    package func invalidate() {
        isInvalidated = true
    }

    package func shutdown() {
        isShutDown = true
    }
}
