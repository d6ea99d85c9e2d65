import Foundation
import SIMSModel

/// The progress of a long command on standard error, redrawn in place at most every 0.2 s, when
/// standard error is a terminal (quiet otherwise): done/total, percentage, rate, time left.
///
/// ```swift
/// let line = ProgressLine(label: "Sauvegarde")
/// line.update("base", done: 512, total: 2048, unit: "pages")   // Sauvegarde (base) : 512/2048 pages, 25 %, …
/// line.finish()
/// ```
package final class ProgressLine {
    package let label: String
    package let enabled: Bool
    private var phaseStart = Date()
    private var phase = ""
    private var lastDraw = Date.distantPast
    private var width = 0

    package init(label: String, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.label = label
        self.enabled = enabled
    }

    package func update(_ phase: String, done: Int64, total: Int64, unit: String) {
        guard enabled else { return }
        let now = Date()
        if phase != self.phase { self.phase = phase; phaseStart = now }
        guard now.timeIntervalSince(lastDraw) >= 0.2 || done >= total else { return }
        lastDraw = now
        FileHandle.standardError.write(Data(("\r" + Self.text(label: label, phase: phase, done: done, total: total, unit: unit,
                                                               elapsed: now.timeIntervalSince(phaseStart))).utf8))
    }

    /// Ends the line (the next output starts on a fresh one).
    package func finish() {
        guard enabled, !phase.isEmpty else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }

    /// The widest line drawn: one less than the narrowest terminal Guichet runs in (80 columns),
    /// so that the line never wraps and is redrawn in place.
    package static let maxWidth = 79

    /// « Sauvegarde (pièces) : 12 Mo/40 Mo, 30 %, 8 Mo/s, reste 4 s ».
    /// `unit` is « octets » for sizes (shown as ko, Mo…), « s » for a length of time, else the word
    /// counted (« pages »). Never wider than ``maxWidth``: a long line drops the unit of its rate,
    /// then the unit of its count, then its label, before it is cut with « … ».
    package static func text(label: String, phase: String, done: Int64, total: Int64, unit: String, elapsed: TimeInterval) -> String {
        let bytes = unit == "octets"
        func amount(_ value: Int64) -> String { bytes ? FileSize.french(value) : "\(value)" }
        let percent = total > 0 ? Int(done * 100 / total) : 100
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let count = "\(amount(done))/\(amount(total))"
        var tail: (rate: String, shortRate: String, left: String)?
        if unit == "s" {
            // A length of time (a benchmark's run): what is left, without a rate.
            tail = ("", "", "reste \(max(0, total - done)) s")
        } else if rate > 0 {
            let perSecond = bytes ? FileSize.french(Int64(rate)) + "/s" : "\(Int(rate)) \(unit)/s"
            tail = (perSecond, bytes ? perSecond : "\(Int(rate))/s", "reste \(Int((Double(total - done) / rate).rounded(.up))) s")
        }
        func line(head: String, countUnit: Bool, longRate: Bool) -> String {
            var text = "\(head) : \(count)\(bytes || !countUnit ? "" : " " + unit), \(percent) %"
            if let tail {
                let shownRate = longRate ? tail.rate : tail.shortRate
                text += (shownRate.isEmpty ? "" : ", " + shownRate) + ", " + tail.left
            }
            return text
        }
        let head = "\(label) (\(phase))"
        let candidates = [line(head: head, countUnit: true, longRate: true), line(head: head, countUnit: true, longRate: false),
                          line(head: head, countUnit: false, longRate: false),
                          line(head: phase.prefix(1).uppercased() + phase.dropFirst(), countUnit: false, longRate: false)]
        let text = candidates.first { $0.count <= maxWidth } ?? String(candidates[candidates.count - 1].prefix(maxWidth - 1)) + "…"
        // Padded so that a shorter line covers a longer one drawn before it.
        return text.padding(toLength: maxWidth, withPad: " ", startingAt: 0)
    }
}
