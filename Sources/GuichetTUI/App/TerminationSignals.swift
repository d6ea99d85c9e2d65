import Foundation

/// Notes SIGHUP (a dropped SSH session) and SIGTERM, so that the main loop saves the drafts and
/// leaves cleanly instead of dying in the middle of a form.
package enum TerminationSignals {
    nonisolated(unsafe) private static var raised: sig_atomic_t = 0

    /// Installs the handlers; must run before ncurses starts, so that ncurses keeps them.
    package static func install() {
        signal(SIGHUP) { _ in TerminationSignals.raised = 1 }
        signal(SIGTERM) { _ in TerminationSignals.raised = 1 }
    }

    /// Whether a termination was asked since the start.
    static var isRaised: Bool { raised != 0 }
}
