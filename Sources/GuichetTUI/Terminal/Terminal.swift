/// What the application needs from a terminal: its size, presenting a frame, and reading keys.
///
/// ``NCursesTerminal`` is the real one; ``InMemoryTerminal`` serves the tests. Screens never see
/// either: they render into a ``CellBuffer`` that the main loop presents.
///
/// ```swift
/// while let event = terminal.nextKey(timeoutMilliseconds: 1000) ?? .some(.resize) {
///     state.update(with: event)
///     var buffer = CellBuffer(size: terminal.size)
///     state.render(into: &buffer)
///     terminal.present(buffer, cursor: state.cursor)
/// }
/// terminal.shutdown()
/// ```
package protocol Terminal: AnyObject {
    /// The current size of the screen; changes after a ``KeyEvent/resize`` event.
    var size: TerminalSize { get }

    /// Shows `buffer`, writing only what changed since the previous present; places the visible
    /// cursor at `cursor`, or hides it when `cursor` is nil.
    func present(_ buffer: CellBuffer, cursor: CursorPosition?)

    /// The next input event, waiting at most `timeoutMilliseconds` (negative: wait for ever);
    /// nil when nothing arrived in time.
    func nextKey(timeoutMilliseconds: Int) -> KeyEvent?

    /// Forgets what is on screen, so that the next present redraws every cell (Ctrl-L, after
    /// another program wrote over the screen).
    func invalidate()

    /// Restores the terminal as it was before the application started. Safe to call twice.
    func shutdown()
}
