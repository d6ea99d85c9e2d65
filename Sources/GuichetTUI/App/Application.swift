import Foundation
import SIMSModel

/// The main loop: key → keymap → action → the top screen's update → render into a buffer →
/// present (the terminal writes only what changed).
///
/// The frame around every screen: a header line (application, screen title, agent, date), the
/// screen's body, a message line, and the function-key bar generated from the keymap. Below
/// 80×24 a « terminal trop petit » screen replaces everything until the window grows again.
///
/// ```swift
/// let app = Application(terminal: InMemoryTerminal(), session: session, root: HomeScreen(session: session))
/// terminal.type("r")
/// app.process(terminal.nextKey(timeoutMilliseconds: 0)!)
/// app.renderFrame()
/// ```
package final class Application {
    static let minimumSize = TerminalSize(columns: 80, rows: 24)

    /// The actions the application answers itself on every screen (help, quit, redraw).
    static let ownActions: Set<KeyAction> = [.aide, .quitter, .redessiner]

    let terminal: Terminal
    let session: AppSession
    var theme: Theme
    private(set) var stack: [Screen]

    package init(terminal: Terminal, session: AppSession, root: Screen, theme: Theme = .standard) {
        self.terminal = terminal
        self.session = session
        self.stack = [root]
        self.theme = theme
    }

    package var top: Screen { stack[stack.count - 1] }

    /// Opens a screen on top of the stack, as a `.push` outcome would (tests and benchmarks start
    /// a journey mid-way).
    func open(_ screen: Screen) {
        stack.append(screen)
    }

    /// Runs until the agent quits or the process is asked to terminate; drafts are saved first.
    package func run() {
        renderFrame()
        while true {
            if TerminationSignals.isRaised { break }
            guard let event = terminal.nextKey(timeoutMilliseconds: 250) else {
                if top.wantsTicks { renderFrame() }   // a screen working in the background shows its progress
                continue
            }
            if !process(event) { break }
            renderFrame()
        }
        saveDrafts()
        terminal.shutdown()
    }

    /// Handles one event. Returns false when the application should stop.
    @discardableResult
    package func process(_ event: KeyEvent) -> Bool {
        if case .resize = event { return true }
        let action = session.keymap.action(for: event, in: top.context)
        if isTooSmall {
            return action != .quitter
        }
        session.message = nil
        switch action {
        case .quitter:
            return false
        case .redessiner:
            terminal.invalidate()
            return true
        case .aide where !(top is HelpScreen):
            stack.append(HelpScreen(keymap: session.keymap, context: top.context, screenTitle: top.title,
                                    shown: top.shownActions))
            return true
        default:
            break
        }
        switch top.handle(event, action: action) {
        case .stay:
            break
        case .push(let screen):
            stack.append(screen)
        case .pop:
            if stack.count > 1 {
                stack.removeLast()
                top.didReappear()
            }
        case .replace(let screen):
            stack[stack.count - 1] = screen
        case .quit:
            return false
        }
        return true
    }

    /// Saves the drafts of every open screen.
    func saveDrafts() {
        for screen in stack { screen.saveDraft() }
    }

    var isTooSmall: Bool {
        terminal.size.columns < Self.minimumSize.columns || terminal.size.rows < Self.minimumSize.rows
    }

    /// Draws the whole frame and presents it.
    package func renderFrame() {
        let (buffer, cursor) = frame()
        terminal.present(buffer, cursor: cursor)
    }

    /// The frame for the current state, without presenting it. The cursor is always somewhere a
    /// screen reader or a braille display finds the focus: where the screen put it (the field
    /// being typed in, the selected row of a list), else at the start of the body's first line
    /// that says something, never where the last cell happened to be drawn.
    func frame() -> (CellBuffer, CursorPosition?) {
        var buffer = CellBuffer(size: terminal.size)
        if isTooSmall {
            drawTooSmall(into: &buffer)
            return (buffer, Self.firstText(in: buffer, within: buffer.bounds))
        }
        let width = buffer.width, height = buffer.height
        drawHeader(into: &buffer)
        let body = CellRect(x: 0, y: 1, width: width, height: height - 3)
        let cursor = top.render(into: &buffer, area: body, theme: theme) ?? Self.firstText(in: buffer, within: body)
        if let message = session.message {
            let style = message.kind == .error ? theme.error : theme.notice
            let prefix = message.kind == .error ? "✗ " : ""
            // A long message takes the body's last line too, rather than losing its end.
            let lines = CellBuffer.wrappedLines(prefix + message.text, width: width - 2, maxLines: 2).count
            buffer.fill(CellRect(x: 0, y: height - 1 - lines, width: width, height: lines))
            buffer.putWrapped(prefix + message.text, x: 1, y: height - 1 - lines, width: width - 2, maxLines: 2, style: style)
        }
        session.functionKeyBar(for: top.context).keeping(top.shownActions)
            .render(into: &buffer, row: height - 1, keyStyle: .plain, labelStyle: theme.keyLabel)
        return (buffer, cursor)
    }

    /// The first cell that is not blank in `area`, row by row; the area's corner when all is blank.
    static func firstText(in buffer: CellBuffer, within area: CellRect) -> CursorPosition {
        for y in area.y..<(area.y + area.height) {
            for x in area.x..<(area.x + area.width) where buffer[x, y].grapheme != " " && !buffer[x, y].isContinuation {
                return CursorPosition(x: x, y: y)
            }
        }
        return CursorPosition(x: area.x, y: area.y)
    }

    private func drawHeader(into buffer: inout CellBuffer) {
        buffer.fill(line: 0, style: theme.header)
        let date = session.clock.today().french
        // What gives way when the line is short: the « Guichet · » prefix first, then the agent's
        // first name (its initial); only then is the title cut, with « … ».
        let names = session.agent.fullName.split(separator: " ")
        let initials = names.prefix(1).map { "\($0.prefix(1))." } + names.dropFirst().map(String.init)
        let layouts: [(title: String, right: String)] = [
            (" Guichet · \(top.title)", "\(session.agent.fullName) · \(date) "),
            (" \(top.title)", "\(session.agent.fullName) · \(date) "),
            (" \(top.title)", "\(initials.joined(separator: " ")) · \(date) "),
        ]
        let fitting = layouts.first { DisplayWidth.of($0.title) + 1 + DisplayWidth.of($0.right) <= buffer.width } ?? layouts[2]
        let width = DisplayWidth.of(fitting.right)
        buffer.put(fitting.title, x: 0, y: 0, style: theme.header, maxWidth: max(buffer.width - width - 1, 0))
        buffer.put(fitting.right, x: max(buffer.width - width, 0), y: 0, style: theme.header)
    }

    private func drawTooSmall(into buffer: inout CellBuffer) {
        let size = terminal.size
        let lines = [
            "Terminal trop petit : \(size.columns)×\(size.rows).",
            "Agrandissez la fenêtre à au moins \(Self.minimumSize.columns)×\(Self.minimumSize.rows).",
            "Votre saisie est conservée.",
        ]
        let top = max((buffer.height - lines.count) / 2, 0)
        for (index, line) in lines.enumerated() {
            let x = max((buffer.width - DisplayWidth.of(line)) / 2, 0)
            buffer.put(line, x: x, y: top + index, style: index == 0 ? theme.title : .plain)
        }
    }
}
