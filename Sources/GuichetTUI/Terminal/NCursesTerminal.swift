import CNCurses
import Foundation

/// The real terminal, over ncursesw: presents cell buffers and reads keys.
///
/// It writes only the cells that changed since the previous present (ncurses then sends only what
/// differs from the screen), reads accented characters with `get_wch`, decodes Esc/Alt and
/// bracketed paste with ``KeyDecoder``, reports resizes, and falls back to monochrome when the
/// terminal has no colours or `NO_COLOR` is set. Ctrl-S, Ctrl-Q, Ctrl-C and Ctrl-Z reach the
/// application (raw mode): they are ordinary keys for the keymap.
///
/// Not thread-safe: use it from the thread that runs the main loop.
///
/// ```swift
/// let terminal = try NCursesTerminal()
/// defer { terminal.shutdown() }
/// terminal.present(buffer, cursor: nil)
/// let event = terminal.nextKey(timeoutMilliseconds: -1)
/// ```
///
/// For a benchmark, `countingBytes: true` routes ncurses' output through a pipe and sets
/// ``bytesWrittenByLastPresent``. ncurses then cannot query the tty (it reads the size and sets
/// the modes on its output descriptor), so the size comes from `LINES`/`COLUMNS` or the terminal
/// type; use it with a non-tty input and an explicit `terminalType`.
package final class NCursesTerminal: Terminal {
    /// How long after an Esc the terminal waits for a following key (Alt-key) before reporting Esc.
    static let escapeDelayMilliseconds = 25
    /// How long a bracketed paste may pause before it is delivered without its end marker.
    static let pasteTimeoutMilliseconds = 1000

    package private(set) var size: TerminalSize
    /// Colours or monochrome, decided at start-up.
    let colorMode: ColorMode
    /// Bytes ncurses wrote for the last present, in counting mode (nil otherwise).
    package private(set) var bytesWrittenByLastPresent: Int?
    /// Cells written into ncurses' screen by the last present (continuation cells not counted).
    private(set) var cellsWrittenByLastPresent = 0

    private let screen: OpaquePointer
    private let cursesOutput: UnsafeMutablePointer<FILE>
    private let byteCounter: OutputByteCounter?
    private let hasDefaultColors: Bool
    private var decoder = KeyDecoder()
    private var queuedEvents: [KeyEvent] = []
    private var lastFrame: CellBuffer?
    private var cursorVisible: Bool?
    private var colorPairs: [Int: Int16] = [:]
    private var nextColorPair = 1
    private var isShutDown = false

    /// Starts ncurses on `input` and `output` (standard input and output by default).
    ///
    /// - Parameters:
    ///   - terminalType: the terminfo name; nil uses `TERM`.
    ///   - environment: read for `NO_COLOR`.
    ///   - countingBytes: count the bytes written, for benchmarks (see the type's documentation).
    package init(
        input: UnsafeMutablePointer<FILE>? = nil,
        output: UnsafeMutablePointer<FILE>? = nil,
        terminalType: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        countingBytes: Bool = false
    ) throws(NCursesTerminalError) {
        Self.setUpLocale()
        let input = input ?? guichet_stdin()!
        let output = output ?? guichet_stdout()!
        let counter = countingBytes ? try OutputByteCounter(forwardingTo: fileno(output)) : nil
        let cursesOutput = counter?.file ?? output
        fflush(output)
        if terminalType == nil, (environment["TERM"] ?? "").isEmpty {
            counter?.stop()
            throw .unsetTerminal
        }

        let newScreen: OpaquePointer? = if let terminalType {
            terminalType.withCString { newterm($0, cursesOutput, input) }
        } else {
            newterm(nil, cursesOutput, input)
        }
        guard let newScreen else {
            counter?.stop()
            throw .unknownTerminal(terminalType ?? environment["TERM"] ?? "")
        }
        set_term(newScreen)
        // A terminal that cannot address the cursor (TERM=dumb) would get an unreadable stream.
        let cursorAddress = tigetstr("cup")
        if cursorAddress == nil || Int(bitPattern: cursorAddress) == -1 {
            endwin()
            delscreen(newScreen)
            counter?.stop()
            throw .cannotDrawOn(terminalType ?? environment["TERM"] ?? "")
        }
        screen = newScreen
        self.cursesOutput = cursesOutput
        byteCounter = counter

        raw()
        noecho()
        nonl()
        let window = guichet_stdscr()
        keypad(window, true)
        intrflush(window, false)
        set_escdelay(Int32(Self.escapeDelayMilliseconds))
        Self.defineExtraKeys()

        let mode = ColorMode.decide(environment: environment, terminalHasColors: has_colors())
        colorMode = mode
        if mode == .color {
            start_color()
            hasDefaultColors = use_default_colors() == OK
        } else {
            hasDefaultColors = false
        }
        size = Self.readSize()

        setCursorVisible(false)
        wnoutrefresh(window)
        doupdate()
        writeDirectly("\u{1B}[?2004h")   // bracketed paste on
    }

    deinit {
        shutdown()
    }

    // MARK: - Terminal

    package func present(_ buffer: CellBuffer, cursor: CursorPosition?) {
        guard !isShutDown else { return }
        let frame = buffer.resized(to: size)
        let runs = frame.changes(since: lastFrame ?? CellBuffer(width: 0, height: 0))
        byteCounter?.waitUntilDrained()   // earlier output (start-up) is not this present's
        let bytesBefore = byteCounter?.totalBytes
        let window = guichet_stdscr()
        var written = 0
        for run in runs {
            written += draw(run, in: window)
        }
        if let cursor, cursor.x >= 0, cursor.x < size.columns, cursor.y >= 0, cursor.y < size.rows {
            setCursorVisible(true)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            setCursorVisible(false)
        }
        wnoutrefresh(window)
        doupdate()
        lastFrame = frame
        cellsWrittenByLastPresent = written
        if let byteCounter, let bytesBefore {
            byteCounter.waitUntilDrained()
            bytesWrittenByLastPresent = byteCounter.totalBytes - bytesBefore
        }
    }

    package func nextKey(timeoutMilliseconds: Int) -> KeyEvent? {
        guard !isShutDown else { return nil }
        let window = guichet_stdscr()
        while queuedEvents.isEmpty {
            let wait = decoder.isPasting ? Self.pasteTimeoutMilliseconds
                : decoder.isPending ? Self.escapeDelayMilliseconds
                : timeoutMilliseconds
            wtimeout(window, Int32(clamping: wait < 0 ? -1 : wait))
            var character: wint_t = 0
            let result = guichet_get_wch(&character)
            if result == ERR {
                guard decoder.isPending else { return nil }
                queuedEvents += decoder.flush()
                continue
            }
            let input = RawKeyInput(code: UInt32(character), isKeyCode: result == KEY_CODE_YES)
            if input == .keyCode(NCursesKeyCode.resize) {
                size = Self.readSize()
                invalidate()
            }
            queuedEvents += decoder.feed(input)
        }
        return queuedEvents.removeFirst()
    }

    /// Forgets what is on screen: the next present clears it and redraws every cell (Ctrl-L).
    package func invalidate() {
        guard !isShutDown else { return }
        lastFrame = nil
        clearok(guichet_stdscr(), true)
    }

    package func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        writeDirectly("\u{1B}[?2004l")   // bracketed paste off
        curs_set(1)
        endwin()
        delscreen(screen)
        if let byteCounter {
            byteCounter.waitUntilDrained()
            byteCounter.stop()
        }
    }

    // MARK: - Checks

    /// Whether ``NCursesKeyCode``'s constants equal the `<curses.h>` macros (a test calls this).
    static func keyCodesMatchCurses() -> Bool {
        typealias K = NCursesKeyCode
        let pairs: [(Int, Int32)] = [
            (K.codeYes, KEY_CODE_YES), (K.down, KEY_DOWN), (K.up, KEY_UP), (K.left, KEY_LEFT),
            (K.right, KEY_RIGHT), (K.home, KEY_HOME), (K.backspace, KEY_BACKSPACE), (K.f0, KEY_F0),
            (K.deleteChar, KEY_DC), (K.insertChar, KEY_IC), (K.scrollForward, KEY_SF),
            (K.scrollReverse, KEY_SR), (K.nextPage, KEY_NPAGE), (K.previousPage, KEY_PPAGE),
            (K.enter, KEY_ENTER), (K.lowerLeft, KEY_LL), (K.keypadA1, KEY_A1), (K.keypadA3, KEY_A3),
            (K.keypadB2, KEY_B2), (K.keypadC1, KEY_C1), (K.keypadC3, KEY_C3), (K.backTab, KEY_BTAB),
            (K.end, KEY_END), (K.find, KEY_FIND), (K.shiftDeleteChar, KEY_SDC), (K.select, KEY_SELECT),
            (K.shiftEnd, KEY_SEND), (K.shiftHome, KEY_SHOME), (K.shiftInsertChar, KEY_SIC),
            (K.shiftLeft, KEY_SLEFT), (K.shiftRight, KEY_SRIGHT), (K.mouse, KEY_MOUSE),
            (K.resize, KEY_RESIZE), (K.max, KEY_MAX),
            (K.function(1), guichet_key_f(1)), (K.function(12), guichet_key_f(12)),
        ]
        return pairs.allSatisfy { $0.0 == Int($0.1) } && K.pasteBegin > K.max && K.pasteEnd > K.max
    }

    /// Whether a locale whose character set is `codeset` cannot show accents, so that the
    /// terminal should switch to C.UTF-8 (the plain C/POSIX locale is ASCII).
    static func needsUTF8Fallback(codeset: String) -> Bool {
        ["ANSI_X3.4-1968", "ASCII", "US-ASCII", "646"].contains(codeset)
    }

    // MARK: - Set-up

    /// `setlocale(LC_ALL, "")`, then C.UTF-8 for the character type if the locale is plain ASCII
    /// (an SSH session without `LANG`), so that accents are read and shown.
    private static func setUpLocale() {
        setlocale(LC_ALL, "")
        if let codeset = guichet_codeset(), needsUTF8Fallback(codeset: String(cString: codeset)) {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    /// Makes ncurses report the bracketed-paste markers as single key codes, and teaches it the
    /// usual function-key and cursor sequences its terminal description lacks (PuTTY sends
    /// `ESC [11~` for F1 whatever TERM says; the Linux console sends `ESC [[A`).
    private static func defineExtraKeys() {
        typealias K = NCursesKeyCode
        let escape = "\u{1B}"
        var sequences: [(String, Int)] = [
            (escape + "[200~", K.pasteBegin), (escape + "[201~", K.pasteEnd),
            (escape + "[A", K.up), (escape + "[B", K.down), (escape + "[C", K.right), (escape + "[D", K.left),
            (escape + "OA", K.up), (escape + "OB", K.down), (escape + "OC", K.right), (escape + "OD", K.left),
            (escape + "[H", K.home), (escape + "[F", K.end), (escape + "OH", K.home), (escape + "OF", K.end),
            (escape + "[1~", K.home), (escape + "[4~", K.end), (escape + "[7~", K.home), (escape + "[8~", K.end),
            (escape + "[2~", K.insertChar), (escape + "[3~", K.deleteChar),
            (escape + "[5~", K.previousPage), (escape + "[6~", K.nextPage),
            (escape + "[Z", K.backTab),
        ]
        let vtFunctionKeys = [11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24]
        for (index, number) in vtFunctionKeys.enumerated() {
            sequences.append((escape + "[\(number)~", K.function(index + 1)))
        }
        for (index, letter) in ["P", "Q", "R", "S"].enumerated() {
            sequences.append((escape + "O" + letter, K.function(index + 1)))
        }
        for (index, letter) in ["A", "B", "C", "D", "E"].enumerated() {
            sequences.append((escape + "[[" + letter, K.function(index + 1)))
        }
        // key_defined: 0 when unknown, -1 when it clashes with a longer or shorter sequence.
        for (sequence, code) in sequences where key_defined(sequence) == 0 {
            define_key(sequence, Int32(code))
        }
    }

    private static func readSize() -> TerminalSize {
        var rows: Int32 = 0
        var columns: Int32 = 0
        guichet_getmaxyx(guichet_stdscr(), &rows, &columns)
        return TerminalSize(columns: Int(columns), rows: Int(rows))
    }

    // MARK: - Drawing

    /// Puts one run into ncurses' screen; returns the number of cells written.
    private func draw(_ run: CellRun, in window: UnsafeMutablePointer<WINDOW>?) -> Int {
        var written = 0
        var blankNextContinuation = false
        for (offset, cell) in run.cells.enumerated() {
            let x = run.x + offset
            if cell.isContinuation {
                // The left half was drawn as a narrow replacement: fill the right half.
                if blankNextContinuation { put(" ", style: cell.style, x: x, y: run.y, window: window) }
                blankNextContinuation = false
                continue
            }
            let isWide = offset + 1 < run.cells.count && run.cells[offset + 1].isContinuation
            blankNextContinuation = false
            if Self.cursesWidth(of: cell.grapheme) == (isWide ? 2 : 1) {
                put(cell.grapheme, style: cell.style, x: x, y: run.y, window: window)
            } else {
                // ncurses would not give this grapheme the width the buffer gave it: keep the
                // grid aligned with a replacement.
                put("?", style: cell.style, x: x, y: run.y, window: window)
                blankNextContinuation = isWide
            }
            written += 1
        }
        return written
    }

    /// Writes one grapheme at (x, y) with `add_wchnstr`, which neither moves the cursor nor wraps.
    private func put(_ grapheme: String, style: CellStyle, x: Int, y: Int, window: UnsafeMutablePointer<WINDOW>?) {
        let resolved = colorMode.resolve(style)
        var characters = grapheme.unicodeScalars.prefix(Int(guichet_ccharw_max())).map { wchar_t(bitPattern: $0.value) }
        characters.append(0)
        let attributes = attributes(for: resolved)
        let pair = colorPair(for: resolved)
        var cell = cchar_t()
        if setcchar(&cell, characters, attributes, pair, nil) != OK {
            _ = setcchar(&cell, [wchar_t(63), 0], attributes, pair, nil)   // "?"
        }
        mvwadd_wchnstr(window, Int32(y), Int32(x), &cell, 1)
    }

    /// The width ncurses (the C library's `wcwidth`) gives a grapheme: that of its first scalar.
    private static func cursesWidth(of grapheme: String) -> Int {
        guard let first = grapheme.unicodeScalars.first else { return 0 }
        if first.value >= 0x20 && first.value < 0x7F { return 1 }
        return Int(guichet_wcwidth(wchar_t(bitPattern: first.value)))
    }

    private func attributes(for style: CellStyle) -> attr_t {
        var attributes = guichet_a_normal()
        if style.bold { attributes |= guichet_a_bold() }
        if style.reverse { attributes |= guichet_a_reverse() }
        if style.underline { attributes |= guichet_a_underline() }
        if style.dim { attributes |= guichet_a_dim() }
        return attributes
    }

    /// The colour pair for a style's colours, allocated on first use (0 when out of pairs).
    private func colorPair(for style: CellStyle) -> Int16 {
        guard colorMode == .color, style.hasColor else { return 0 }
        var foreground = style.foreground.cursesNumber
        var background = style.background.cursesNumber
        if !hasDefaultColors {
            if foreground < 0 { foreground = Int16(COLOR_WHITE) }
            if background < 0 { background = Int16(COLOR_BLACK) }
        }
        let key = Int(foreground + 1) * 16 + Int(background + 1)
        if let pair = colorPairs[key] { return pair }
        guard nextColorPair < min(Int(guichet_color_pairs()), Int(Int16.max)) else { return 0 }
        let pair = Int16(nextColorPair)
        guard init_pair(pair, foreground, background) == OK else { return 0 }
        nextColorPair += 1
        colorPairs[key] = pair
        return pair
    }

    private func setCursorVisible(_ visible: Bool) {
        guard cursorVisible != visible else { return }
        cursorVisible = visible
        curs_set(visible ? 1 : 0)
        leaveok(guichet_stdscr(), !visible)
    }

    /// Writes a control sequence straight to the descriptor ncurses writes to, after its own output.
    private func writeDirectly(_ sequence: String) {
        fflush(cursesOutput)
        let descriptor = fileno(cursesOutput)
        var bytes = Array(sequence.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if count <= 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(count)
        }
    }
}
