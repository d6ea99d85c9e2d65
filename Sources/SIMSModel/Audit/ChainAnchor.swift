import Foundation
package import GRDB

/// The head of the audit chain written as one short line that a superviseur keeps outside the
/// store (a printed daily report, syslog, a message): `guichet check --depuis-ancre` then proves
/// that nothing up to that event was rewritten or dropped since.
///
/// ```swift
/// let line = ChainAnchor(events: 1234, hash: "9f86…", at: "2026-12-03T10:12:00Z").line
/// // "SIMS-ANCRE 2026-12-03T10:12:00Z n=1234 h=9f86…"
/// ```
public struct ChainAnchor: Equatable, Sendable {
    /// The id of the newest event (the chain's length).
    public var events: Int64
    /// Its hash.
    public var hash: String
    /// When the anchor was taken (UTC, ISO 8601).
    public var at: String

    public init(events: Int64, hash: String, at: String) {
        self.events = events
        self.hash = hash
        self.at = at
    }

    /// The line to keep.
    public var line: String { "SIMS-ANCRE \(at) n=\(events) h=\(hash)" }

    /// Reads a line written by ``line`` (extra spaces allowed); nil with a French reason otherwise.
    public static func parse(_ text: String) -> Result<ChainAnchor, ValidationError> {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let invalid = ValidationError(field: nil, message: "Ancre illisible : attendu « SIMS-ANCRE <date> n=<nombre> h=<64 chiffres hexadécimaux> », telle que l'imprime guichet check --ancre.")
        guard parts.count == 4, parts[0] == "SIMS-ANCRE", parts[2].hasPrefix("n="), parts[3].hasPrefix("h="),
              let events = Int64(parts[2].dropFirst(2)), events > 0 else { return .failure(invalid) }
        let hash = String(parts[3].dropFirst(2)).lowercased()
        guard hash.utf8.count == 64, hash.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            return .failure(invalid)
        }
        return .success(ChainAnchor(events: events, hash: hash, at: parts[1]))
    }

    /// Whether the chain of `store` still holds this anchor: French explanation when it does not.
    public func verify(_ store: SIMSStore) throws -> String? {
        try store.pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT hash, legacy_hash FROM event WHERE id = ?", arguments: [events]) else {
                let last = try Int64.fetchOne(db, sql: "SELECT max(id) FROM event") ?? 0
                return "L'ancre du \(at) désigne l'événement n° \(events), qui n'existe plus (la chaîne s'arrête à n° \(last)) : des événements ont été supprimés."
            }
            // An anchor taken before the chain was converted (v13) names the event's former hash,
            // which the new hash covers.
            guard (row["hash"] as String?) == self.hash || (row["legacy_hash"] as String?) == self.hash else {
                return "L'événement n° \(events) n'a plus l'empreinte de l'ancre du \(at) : le journal a été réécrit jusqu'à lui."
            }
            return nil
        }
    }
}
