import Foundation

/// The head of the audit chain written as one short line kept outside the store: Guichet writes
/// one by itself at each backup, each purge and at least hourly while agents work (see
/// ``ExternalAnchors``), and a superviseur may keep one more (`guichet check --ancre`). `guichet
/// check` then proves that nothing up to that event was rewritten or dropped since.
///
/// ```swift
/// let line = ChainAnchor(events: 1234, hash: "9f86…", at: "2026-12-03T10:12:00Z", registerID: "5c0f…", reason: .backup).line
/// // "SIMS-ANCRE 2026-12-03T10:12:00Z n=1234 h=9f86… r=5c0f… motif=sauvegarde"
/// ```
public struct ChainAnchor: Equatable, Sendable {
    /// Why Guichet wrote an anchor by itself.
    public enum Reason: String, Sendable, CaseIterable {
        case backup = "sauvegarde"
        case purge = "purge"
        case hourly = "horaire"
        case restore = "restauration"
        /// A restoration forced by root: the anchors written before it belong to the history it replaced.
        case forcedRestore = "restauration-forcee"
    }

    /// The id of the newest event (the chain's length).
    public var events: Int64
    /// Its hash.
    public var hash: String
    /// When the anchor was taken (UTC, ISO 8601).
    public var at: String
    /// The register the chain belongs to (``RegisterIdentity``); nil in a line kept by hand before
    /// registers had one.
    public var registerID: String?
    /// Why Guichet wrote it; nil for a line printed by `guichet check --ancre`.
    public var reason: Reason?

    public init(events: Int64, hash: String, at: String, registerID: String? = nil, reason: Reason? = nil) {
        self.events = events
        self.hash = hash
        self.at = at
        self.registerID = registerID
        self.reason = reason
    }

    /// The line to keep.
    public var line: String {
        var text = "SIMS-ANCRE \(at) n=\(events) h=\(hash)"
        if let registerID { text += " r=\(registerID)" }
        if let reason { text += " motif=\(reason.rawValue)" }
        return text
    }

    /// « 07/12/2026 à 21:00 » in New Caledonian time (the stored text when it is not a date).
    public var frenchTime: String {
        let plain = ISO8601DateFormatter()
        guard let date = Timestamp.date(from: at) ?? plain.date(from: at) else { return ShownText.escaped(at, limit: 40) }
        let shown = Timestamp.french(Timestamp.string(from: date))
        guard let space = shown.firstIndex(of: " ") else { return shown }
        return shown[..<space] + " à " + shown[shown.index(after: space)...]
    }

    /// Reads a line written by ``line`` (extra spaces allowed, and what precedes `SIMS-ANCRE`
    /// ignored, such as the date and tag of a line of the system journal); a French reason otherwise.
    public static func parse(_ text: String) -> Result<ChainAnchor, ValidationError> {
        let start = text.range(of: "SIMS-ANCRE ")?.lowerBound ?? text.startIndex
        let parts = text[start...].split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let invalid = ValidationError(field: nil, message: "Ancre illisible : attendu « SIMS-ANCRE <date> n=<nombre> h=<64 chiffres hexadécimaux> », telle que l'imprime guichet check --ancre.")
        guard parts.count >= 4, parts[0] == "SIMS-ANCRE", parts[2].hasPrefix("n="), parts[3].hasPrefix("h="),
              let events = Int64(parts[2].dropFirst(2)), events > 0, isHex(parts[3].dropFirst(2).lowercased(), count: 64)
        else { return .failure(invalid) }
        var anchor = ChainAnchor(events: events, hash: String(parts[3].dropFirst(2)).lowercased(), at: parts[1])
        for part in parts.dropFirst(4) {
            if part.hasPrefix("r="), isHex(String(part.dropFirst(2)), count: RegisterIdentity.length), anchor.registerID == nil {
                anchor.registerID = String(part.dropFirst(2))
            } else if part.hasPrefix("motif="), let reason = Reason(rawValue: String(part.dropFirst(6))), anchor.reason == nil {
                anchor.reason = reason
            } else {
                return .failure(invalid)
            }
        }
        return .success(anchor)
    }

    /// Whether `text` is `count` lowercase hexadecimal digits.
    static func isHex(_ text: String, count: Int) -> Bool {
        text.utf8.count == count && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }

    /// Whether the chain of `store` still holds this anchor: French explanation when it does not.
    /// The whole chain is walked (``ChainVerifier/verify(_:anchors:)``): the anchored event must be
    /// the one the chain recomputes, never just a row that says so.
    public func verify(_ store: SIMSStore) throws -> String? {
        let report = try ChainVerifier.verify(store, anchors: [self])
        return report.anchorProblem ?? report.firstBreak
    }
}
