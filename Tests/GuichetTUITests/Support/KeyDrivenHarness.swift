@testable import GuichetTUI

/// A test harness that drives the application on an in-memory terminal by keys, as the main loop
/// would, and reads the 80×24 screen.
protocol KeyDrivenHarness: AnyObject {
    var app: Application { get }
    var terminal: InMemoryTerminal { get }
}

extension KeyDrivenHarness {
    /// Sends events through the application, rendering after each; false once the app quits.
    @discardableResult
    func press(_ events: KeyEvent...) -> Bool {
        var running = true
        for event in events {
            running = app.process(event)
            app.renderFrame()
        }
        return running
    }

    /// Types text key by key.
    func type(_ text: String) {
        for character in text { press(.character(character)) }
    }

    /// The 80×24 screen as text, trailing spaces trimmed on each line.
    var screen: String { terminal.screenText }

    /// The two lines above the function-key bar, trimmed and joined by a space: where a message
    /// shows (a long one wraps onto the body's last line).
    var messageArea: String {
        terminal.screenLines[21].trimmingCharacters(in: .whitespaces) + " "
            + terminal.screenLines[22].trimmingCharacters(in: .whitespaces)
    }

    /// The screen's lines, padded: line `n` of the terminal.
    func line(_ n: Int) -> String { terminal.screenLines[n] }
}
