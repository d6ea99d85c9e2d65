import Foundation

/// Finds, among the documents of a tier or of a dossier, those whose text (read by OCR)
/// contains every word typed, without regard to accents or case (« helene noumea » finds
/// « Hélène … Nouméa »), each with a short excerpt around its first match.
///
/// The documents are loaded and their text folded once; ``matches(_:)`` then runs at every key.
///
/// ```swift
/// let search = try DocumentTextSearch(store: store, tierID: tier.id)
/// search.matches("domicile noumea").first?.excerpt   // "…Justificatif de domicile à Nouméa, le 12…"
/// ```
public struct DocumentTextSearch: Sendable {
    /// The documents searched, in their order (newest issue first for a tier, arrival order for a dossier).
    public let documents: [Document]
    private let texts: [FoldedText?]

    /// The documents of a tier.
    public init(store: SIMSStore, tierID: Int64) throws {
        self.init(documents: try DocumentService(store: store).documents(ownedBy: tierID))
    }

    /// The documents of a dossier.
    public init(store: SIMSStore, dossierID: Int64) throws {
        self.init(documents: try DocumentService(store: store).documents(ofDossier: dossierID))
    }

    /// Documents already loaded; only the text of those read (`lu`) is searched.
    public init(documents: [Document]) {
        self.documents = documents
        texts = documents.map { document in
            guard document.ocrState == .done, let text = document.ocrText, !text.isEmpty else { return nil }
            return FoldedText(text)
        }
    }

    /// The documents whose text contains every word of `query` (each word anywhere, as a part of
    /// a word too: « wamy » finds « WAMYTAN »). An empty query gives every document, with the
    /// beginning of its text as excerpt.
    public func matches(_ query: String, excerptLength: Int = 60) -> [DocumentTextHit] {
        let words = SearchText.words(query)
        var hits: [DocumentTextHit] = []
        for (document, text) in zip(documents, texts) {
            if words.isEmpty {
                hits.append(DocumentTextHit(document: document, excerpt: text?.excerpt(at: 0, length: 0, width: excerptLength) ?? ""))
                continue
            }
            guard let text else { continue }
            var first: (offset: Int, length: Int)?
            var all = true
            for word in words {
                guard let offset = text.firstOffset(of: word) else { all = false; break }
                if first == nil || offset < first!.offset { first = (offset, word.unicodeScalars.count) }
            }
            guard all, let first else { continue }
            hits.append(DocumentTextHit(document: document, excerpt: text.excerpt(at: first.offset, length: first.length,
                                                                                   width: excerptLength)))
        }
        return hits
    }
}
