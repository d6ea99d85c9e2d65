/// How a fact's level was earned, in words: « vérifié sur Pièce d'identité du 12/03/2024 »,
/// « validé par la décision BS-2026-000001 », « validé : « motif » ».
///
/// A fact verified on a document names it in its reference as `piece:<document id>`; a fact
/// validated by a decision names the dossier (`decision:<number>`), one validated by a superviseur
/// carries the motif (`motif:<text>`).
///
/// ```swift
/// FactEvidence.documentID(of: fact)                       // 42
/// FactEvidence.describe(fact, documents: [42: card])      // "vérifié sur Pièce d'identité du 12/03/2024"
/// ```
public enum FactEvidence {
    static let documentPrefix = "piece:"
    static let decisionPrefix = "decision:"
    static let motifPrefix = "motif:"

    /// The reference of a fact verified on a document.
    public static func reference(document id: Int64) -> String { documentPrefix + String(id) }

    /// The document a fact was verified on (or validated with), if any.
    public static func documentID(of fact: Fact) -> Int64? {
        guard let reference = fact.reference else { return nil }
        let parts = reference.split(separator: " ")
        for part in parts where part.hasPrefix(documentPrefix) {
            return Int64(part.dropFirst(documentPrefix.count))
        }
        return nil
    }

    /// The fact's provenance in words, with the document's summary when `documents` holds it.
    public static func describe(_ fact: Fact, documents: [Int64: Document]) -> String {
        let reference = fact.reference ?? ""
        let document = documentID(of: fact).flatMap { documents[$0] }
        switch fact.level {
        case .declared:
            return fact.source.label + (reference.isEmpty ? "" : " (\(reference))")
        case .checkedAgainstDocument:
            if let document { return "vérifié sur \(document.summary)" }
            if fact.source == .imported { return "vérifié selon la source \(reference)" }
            return "vérifié sur pièce" + (reference.isEmpty ? "" : " (\(reference))")
        case .validated:
            if reference.hasPrefix(decisionPrefix) {
                let number = reference.dropFirst(decisionPrefix.count).split(separator: " ").first.map(String.init) ?? ""
                return "validé par la décision \(number)" + (document.map { " sur \($0.summary)" } ?? "")
            }
            if reference.hasPrefix(motifPrefix) {
                return "validé : « \(reference.dropFirst(motifPrefix.count)) »"
            }
            if fact.source == .imported { return "validé selon la source \(reference)" }
            return "validé" + (reference.isEmpty ? "" : " (\(reference))")
        }
    }
}
