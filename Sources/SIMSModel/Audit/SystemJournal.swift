import Foundation

/// The host's system journal (syslog(3), read by journald or rsyslog), where an anchor line is
/// beyond the reach of the service account that owns the store. Where there is none (a
/// container without `/dev/log`), the line is dropped silently: the anchors file still has it.
///
/// ```swift
/// SystemJournal.write("SIMS-ANCRE 2026-12-07T10:00:00.000Z n=1234 h=9f86… r=5c0f… motif=horaire")
/// // journalctl -t guichet
/// ```
enum SystemJournal {
    /// Sends one line under the tag `guichet`.
    static func write(_ line: String) {
        "guichet".withCString { ident in
            // openlog keeps the pointer: the log is closed before it goes away.
            openlog(ident, LOG_PID, LOG_USER)
            withVaList([line]) { vsyslog(LOG_NOTICE, "%s", $0) }
            closelog()
        }
    }
}
