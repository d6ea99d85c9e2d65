/// What a purge did (or, simulated, would do).
public struct RetentionPurgeReport: Sendable, Equatable {
    /// Dossiers erased, by procedure code and year of decision.
    public var erasedByProcedureYear: [String: [Int: Int]] = [:]
    /// Dossiers left as they are, with the reason in French (« BS-2026-000123 : rouvert entre-temps »).
    public var skipped: [String] = []
    /// Closed dossiers of procedures that no procedure file describes any more: kept, counted.
    public var unknownProcedures: [String: Int] = [:]
    public var erasedDocuments = 0
    public var erasedFiles = 0
    public var erasedEvents = 0
    /// Dossiers whose retention came from the procedure file (none recorded at their decision).
    public var retentionFromProcedureFile = 0

    public init() {}

    /// Counts `dossier` as erased (or, simulated, to erase) under its procedure and year of decision.
    public mutating func count(_ dossier: ExpiredDossier) {
        erasedByProcedureYear[dossier.procedureCode, default: [:]][dossier.term.decidedOn.year, default: 0] += 1
        if !dossier.recordedAtDecision { retentionFromProcedureFile += 1 }
    }

    public var erasedDossiers: Int { erasedByProcedureYear.values.reduce(0) { $0 + $1.values.reduce(0, +) } }

    /// The report's lines in French: by procedure and year, then the rest.
    public func lines(simulated: Bool) -> [String] {
        var lines: [String] = []
        let verb = simulated ? "à effacer" : "effacés"
        lines.append("Dossiers clos dont la conservation est échue, \(verb) : \(erasedDossiers)")
        for code in erasedByProcedureYear.keys.sorted() {
            for (year, n) in erasedByProcedureYear[code]!.sorted(by: { $0.key < $1.key }) {
                lines.append("  \(code) décidés en \(year) : \(n)")
            }
        }
        if retentionFromProcedureFile > 0 {
            lines.append("  dont \(retentionFromProcedureFile) sans durée enregistrée à la décision : durée actuelle de la démarche appliquée")
        }
        if !simulated {
            lines.append("Pièces effacées : \(erasedDocuments) (fichiers : \(erasedFiles)) ; événements au contenu effacé : \(erasedEvents)")
        }
        for (code, n) in unknownProcedures.sorted(by: { $0.key < $1.key }) {
            lines.append("Démarche \(code) inconnue des fichiers de démarches : \(n) dossier(s) clos conservé(s) ; rétablissez son fichier pour appliquer sa durée.")
        }
        if !skipped.isEmpty {
            lines.append("Laissés tels quels : \(skipped.count)")
            lines += skipped.prefix(50).map { "  \($0)" }
            if skipped.count > 50 { lines.append("  … et \(skipped.count - 50) autre(s)") }
        }
        return lines
    }
}
