import Crypto
import Foundation

extension MatchRecord {
    /// The record as one line of text, its compared values in a fixed order (the bulk analysis
    /// keeps records in this form in its work file); ``init(id:text:)`` reads it back.
    ///
    /// ```swift
    /// let line = record.text
    /// MatchRecord(id: 12, text: line) == record   // true
    /// ```
    public var text: String {
        [signedText, String(firstGivenNameWords), sex ?? ""].joined(separator: Self.separator)
    }

    private static let separator = "\u{1F}"

    /// The values the ``signature`` covers: those compared when decisions were first signed
    /// (the first given name's span and the sex came later: decided pairs keep their signature).
    private var signedText: String {
        [kind == .person ? "p" : "o", surnames.joined(separator: " "), givenNames.joined(separator: " "),
         birthDate?.iso ?? "", commune ?? "", address ?? "", phone ?? "", email ?? "", cafat ?? "", ridet ?? ""]
            .joined(separator: Self.separator)
    }

    /// The record written by ``text``, nil when the text is not one.
    public init?(id: Int64?, text: String) {
        let parts = text.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 10 || parts.count == 12 else { return nil }
        self.init(id: id, kind: parts[0] == "p" ? .person : .organisation, values: [:])
        surnames = parts[1].isEmpty ? [] : parts[1].split(separator: " ").map(String.init)
        givenNames = parts[2].isEmpty ? [] : parts[2].split(separator: " ").map(String.init)
        birthDate = CalendarDate(iso: parts[3])
        func optional(_ text: String) -> String? { text.isEmpty ? nil : text }
        commune = optional(parts[4])
        address = optional(parts[5])
        phone = optional(parts[6])
        email = optional(parts[7])
        cafat = optional(parts[8])
        ridet = optional(parts[9])
        if parts.count == 12 {
            firstGivenNameWords = max(Int(parts[10]) ?? 1, 1)
            sex = optional(parts[11])
        }
    }

    /// A short digest of the compared values: it changes when a fact the match score reads
    /// changes, so that a pair decided « personnes différentes » comes back only then.
    public var signature: String {
        String(HexDigest.string(SHA256.hash(data: Data(signedText.utf8))).prefix(16))
    }
}
