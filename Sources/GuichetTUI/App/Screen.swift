/// One screen of the application: it draws itself into the body of the frame and answers keys.
///
/// Screens never call the terminal: they render into a ``CellBuffer`` and return a
/// ``ScreenOutcome``; the ``Application`` does the rest (frame, function-key bar, help, resize).
package protocol Screen: AnyObject {
    /// The title shown in the header line.
    var title: String { get }
    /// The keymap context of the screen.
    var context: KeymapContext { get }

    /// Draws the screen's body into `area` of `buffer`; returns where the cursor goes: the field
    /// being typed in, or the selected row of a list (``ListCursor/drawSelection(into:x:y:width:height:style:)``).
    /// Screen readers follow it. Nil when nothing has the focus: the application puts the cursor at
    /// the start of the body's first text.
    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition?

    /// Handles one event; `action` is what the keymap binds the key to in this context, if anything.
    func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome

    /// Called when the screen comes back to the top of the stack (after a pushed screen closed).
    func didReappear()

    /// Saves what the agent typed so far, if anything (before quitting, on SIGHUP or SIGTERM).
    func saveDraft()

    /// Whether the screen changes without keys (work running in the background, e.g. a scan):
    /// while true, the main loop redraws it every 250 ms even when no key comes. Default false.
    var wantsTicks: Bool { get }

    /// Actions of the screen's context that are not available now: left out of the function-key
    /// bar (e.g. the workflow actions the agent may not take on this dossier). Default none.
    var hiddenActions: Set<KeyAction> { get }

    /// The actions of the screen's context that the screen answers: the function-key bar and the
    /// help (F1) show only the keys bound to these and to the application's own
    /// (``Application/ownActions``), so that a hint never names a key that does nothing here.
    /// Default: every action (the whole context is shown).
    var offeredActions: Set<KeyAction> { get }
}

extension Screen {
    package func didReappear() {}
    package func saveDraft() {}
    package var wantsTicks: Bool { false }
    package var hiddenActions: Set<KeyAction> { [] }
    package var offeredActions: Set<KeyAction> { Set(KeyAction.allCases) }

    /// The actions the bar and the help show now: those offered and the application's own, less
    /// those hidden now.
    package var shownActions: Set<KeyAction> {
        offeredActions.union(Application.ownActions).subtracting(hiddenActions)
    }
}
