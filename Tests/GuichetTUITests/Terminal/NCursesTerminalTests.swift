import XCTest
@testable import GuichetTUI
#if canImport(Glibc)
import Glibc
#endif

/// Runs the real ncurses terminal on a pipe (no tty): key codes, locale decision and the bytes
/// actually written for a present.
final class NCursesTerminalTests: XCTestCase {
    func testMirroredKeyCodesMatchTheCursesHeader() {
        XCTAssertTrue(NCursesTerminal.keyCodesMatchCurses())
    }

    func testPlainASCIILocaleFallsBackToUTF8() {
        XCTAssertTrue(NCursesTerminal.needsUTF8Fallback(codeset: "ANSI_X3.4-1968"))
        XCTAssertFalse(NCursesTerminal.needsUTF8Fallback(codeset: "UTF-8"))
        XCTAssertFalse(NCursesTerminal.needsUTF8Fallback(codeset: "ISO-8859-15"), "a Latin-9 terminal is respected")
    }

    func testPresentWritesOnlyWhatChanged() throws {
        guard let input = fopen("/dev/null", "r"), let sink = fopen("/dev/null", "w") else {
            throw XCTSkip("/dev/null unavailable")
        }
        defer { fclose(input); fclose(sink) }
        let terminal = try NCursesTerminal(
            input: input, output: sink, terminalType: "xterm-256color",
            environment: [:], countingBytes: true
        )
        defer { terminal.shutdown() }
        XCTAssertEqual(terminal.colorMode, .color)

        var frame = CellBuffer(size: terminal.size)
        frame.put("Éléonore Dupré, née à Nouméa", x: 0, y: 0)
        frame.put("中文", x: 0, y: 1, style: CellStyle(foreground: .yellow, background: .blue))
        terminal.present(frame, cursor: nil)
        let firstBytes = try XCTUnwrap(terminal.bytesWrittenByLastPresent)
        XCTAssertGreaterThan(firstBytes, 30)

        terminal.present(frame, cursor: nil)
        XCTAssertEqual(terminal.cellsWrittenByLastPresent, 0)
        XCTAssertEqual(terminal.bytesWrittenByLastPresent, 0, "an identical frame sends nothing")

        frame.put("Dupuy", x: 9, y: 0)
        terminal.present(frame, cursor: nil)
        XCTAssertEqual(terminal.cellsWrittenByLastPresent, 2, "Dupré -> Dupuy: two cells")
        let smallBytes = try XCTUnwrap(terminal.bytesWrittenByLastPresent)
        XCTAssertGreaterThan(smallBytes, 0)
        XCTAssertLessThan(smallBytes, 20, "a move and two characters")
    }

    /// A screen reader follows the cursor: moving it alone sends a short move, and a frame whose
    /// text and cursor did not change sends nothing (a braille display is not refreshed for nothing).
    func testACursorMoveAloneIsShortAndAnUnchangedFrameSendsNothing() throws {
        guard let input = fopen("/dev/null", "r"), let sink = fopen("/dev/null", "w") else {
            throw XCTSkip("/dev/null unavailable")
        }
        defer { fclose(input); fclose(sink) }
        let terminal = try NCursesTerminal(input: input, output: sink, terminalType: "vt100", environment: ["NO_COLOR": "1"],
                                           countingBytes: true)
        defer { terminal.shutdown() }
        var frame = CellBuffer(size: terminal.size)
        frame.put("▸WAMYTAN Hélène", x: 0, y: 5)
        frame.put(" WAMYTAN Léa", x: 0, y: 6)
        terminal.present(frame, cursor: CursorPosition(x: 1, y: 5))
        terminal.present(frame, cursor: CursorPosition(x: 1, y: 5))
        XCTAssertEqual(terminal.bytesWrittenByLastPresent, 0, "the same frame and cursor send nothing")
        terminal.present(frame, cursor: CursorPosition(x: 1, y: 6))
        XCTAssertEqual(terminal.cellsWrittenByLastPresent, 0)
        let moved = try XCTUnwrap(terminal.bytesWrittenByLastPresent)
        XCTAssertGreaterThan(moved, 0, "the cursor moved")
        XCTAssertLessThan(moved, 12, "a cursor move alone")
    }

    func testColorModeFollowsNoColorAndTheTerminalType() throws {
        XCTAssertEqual(try colorMode(terminalType: "xterm-256color", environment: [:]), .color)
        XCTAssertEqual(try colorMode(terminalType: "xterm-256color", environment: ["NO_COLOR": "1"]), .monochrome)
        XCTAssertEqual(try colorMode(terminalType: "vt100", environment: [:]), .monochrome)
    }

    func testUnknownTerminalTypeIsAFrenchError() throws {
        let error = try XCTUnwrap(try startingError(terminalType: "guichet-inexistant"))
        XCTAssertEqual(error as? NCursesTerminalError, .unknownTerminal("guichet-inexistant"))
        XCTAssertEqual("\(error)", "Impossible d'ouvrir le terminal « guichet-inexistant » : ce type de terminal est inconnu. "
            + "Lancez Guichet dans un terminal (xterm, GNOME Terminal, tmux…) ou définissez TERM selon le vôtre, "
            + "par exemple : export TERM=xterm-256color")
    }

    func testADumbTerminalIsRefusedAndSaysWhatToSet() throws {
        let error = try XCTUnwrap(try startingError(terminalType: "dumb"))
        XCTAssertEqual(error as? NCursesTerminalError, .cannotDrawOn("dumb"))
        XCTAssertEqual("\(error)", "Le terminal « dumb » ne sait pas placer le curseur : Guichet ne peut pas y dessiner ses "
            + "écrans. Lancez Guichet dans un terminal (xterm, GNOME Terminal, tmux…) ou définissez TERM selon le vôtre, "
            + "par exemple : export TERM=xterm-256color")
    }

    func testAnUnsetTermIsNamedAsSuch() throws {
        for environment in [[:], ["TERM": ""]] {
            let error = try XCTUnwrap(try startingError(environment: environment))
            XCTAssertEqual(error as? NCursesTerminalError, .unsetTerminal)
            XCTAssertTrue("\(error)".hasPrefix("La variable TERM n'est pas définie : Guichet ne sait pas quel terminal dessiner. "
                + "Lancez Guichet dans un terminal"), "\(error)")
        }
    }

    /// Why the terminal does not start on /dev/null; nil when it starts (it is shut down at once).
    private func startingError(terminalType: String? = nil, environment: [String: String] = [:]) throws -> Error? {
        guard let input = fopen("/dev/null", "r"), let sink = fopen("/dev/null", "w") else {
            throw XCTSkip("/dev/null unavailable")
        }
        defer { fclose(input); fclose(sink) }
        do {
            try NCursesTerminal(input: input, output: sink, terminalType: terminalType, environment: environment).shutdown()
            return nil
        } catch {
            return error
        }
    }

    private func colorMode(terminalType: String, environment: [String: String]) throws -> ColorMode {
        guard let input = fopen("/dev/null", "r"), let sink = fopen("/dev/null", "w") else {
            throw XCTSkip("/dev/null unavailable")
        }
        defer { fclose(input); fclose(sink) }
        let terminal = try NCursesTerminal(input: input, output: sink, terminalType: terminalType, environment: environment)
        defer { terminal.shutdown() }
        return terminal.colorMode
    }
}
