/// What erasing a tier at its request would do now: what stays under a legal retention (with the
/// reason and the date until which), and what goes.
///
/// A dossier under instruction, or closed and still within its procedure's retention counted from
/// the decision, stays with its pieces and events, and so does the identity that names the person
/// in it; everything else goes: the other facts and their history, brouillons, closed dossiers
/// whose retention ran out, relations, pieces no kept dossier needs, the personal content of the
/// tier's events. With nothing kept, the record keeps only its number.
public struct TierErasurePlan: Sendable, Equatable {
    public let tierID: Int64
    public let name: String
    public let kind: TierKind
    /// What stays, and why.
    public internal(set) var kept: [String] = []
    /// The dossiers erased with the request: « BS-2026-000012 (conservation échue le 15/09/2025) ».
    public internal(set) var erasedDossiers: [String] = []
    /// The fields whose current value goes.
    public internal(set) var erasedFields: [TierField] = []
    /// Pieces deleted, and pieces shared with another tier that only lose this owner.
    public var documents: Int { releasedDocuments.count + unlinkedDocuments.count }
    public internal(set) var drafts = 0
    public internal(set) var relations = 0
    /// Events of the tier whose personal content goes (those of erased dossiers included).
    public var events: Int { eventIDs.count }

    var keptDossierIDs: Set<Int64> = []
    /// The tier's pieces deleted with it, and those shared with another tier that only lose this owner.
    var releasedDocuments: [Int64] = []
    var unlinkedDocuments: [Int64] = []
    var eventIDs: [Int64] = []
    var erasedDossierIDs: [Int64] = []
    /// The retention that ran out, for each erased dossier that had one.
    var erasedTerms: [Int64: RetentionTerm] = [:]

    /// Whether nothing stays under a retention: the record is anonymised.
    public var isComplete: Bool { keptDossierIDs.isEmpty }

    /// What goes, in French, one line per kind of data.
    public var erasedLines: [String] {
        var lines: [String] = []
        if !erasedFields.isEmpty {
            lines.append(FrenchCount.of(erasedFields.count, "fait", "faits")
                + (erasedFields.count == 1 ? " et son historique (" : " et leur historique (")
                + erasedFields.map(\.inSentence).joined(separator: ", ") + ")")
        }
        for dossier in erasedDossiers { lines.append("dossier \(dossier)") }
        if documents > 0 { lines.append(FrenchCount.of(documents, "pièce", "pièces") + " (fichiers compris)") }
        if drafts > 0 { lines.append(FrenchCount.of(drafts, "saisie en cours", "saisies en cours")) }
        if relations > 0 { lines.append(FrenchCount.of(relations, "lien avec un autre tiers", "liens avec d'autres tiers")) }
        if events > 0 { lines.append((events == 1 ? "le contenu d'un événement" : "le contenu de \(events) événements") + " du journal") }
        if isComplete { lines.append("la fiche elle-même : il n'en restera que son numéro") }
        return lines
    }
}
