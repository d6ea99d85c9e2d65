/// The fiche pratique of a procedure as plain printable text: title and code, the four sections
/// with their headings, the pieces checked at the counter with their maximum age, then the review
/// levels, the deadline and the retention.
///
/// Long lines are wrapped at `width` columns; a line starting with `- ` keeps its hanging
/// indent. `guichet procedures show` prints it; the application prints the same text.
///
/// ```swift
/// let grant = catalog.procedure(code: "BS")!
/// print(ProcedureSheetText.render(grant))
/// // Demande de bourse scolaire
/// // Code de la démarche : BS
/// // ...
/// ```
public enum ProcedureSheetText {
    /// The fiche pratique of `procedure`, lines of at most `width` characters (longer words
    /// excepted), ending with a line break.
    public static func render(_ procedure: Procedure, width: Int = 78) -> String {
        var lines: [String] = []
        lines += wrap(procedure.title, width: width)
        lines.append("Code de la démarche : \(procedure.code)")
        let applicant = procedure.applicantKind == .person ? "une personne" : "une organisation"
        lines += wrap("Demandeur : \(applicant)" + (procedure.beneficiary.map { " ; bénéficiaire : \($0.label)" } ?? ""),
                      width: width)
        if procedure.isRenewal {
            lines += wrap("Renouvelle les dossiers : \(procedure.renews.joined(separator: ", "))", width: width)
        }
        lines.append(String(repeating: "=", count: min(width, lines.map(\.count).max() ?? 0)))

        for section in procedure.sheet.sections {
            lines += heading(section.heading)
            for line in section.text.split(separator: "\n", omittingEmptySubsequences: false) {
                lines += wrap(String(line), width: width)
            }
        }

        if !procedure.pieces.isEmpty {
            lines += heading("Pièces vérifiées au guichet")
            for piece in procedure.pieces {
                lines += wrap("- " + describe(piece, in: procedure), width: width)
            }
        }

        lines += heading("Instruction")
        let levels = procedure.reviewLevels >= 2
            ? "\(procedure.reviewLevels) niveaux (un instructeur propose, un superviseur valide)"
            : "1 niveau (un instructeur décide)"
        lines += wrap("Validation : \(levels).", width: width)
        lines += wrap("Délai de décision : \(days(procedure.deadlineDays)) après le dépôt du dossier complet.", width: width)
        lines += wrap("Conservation : \(years(procedure.retentionYears)) après la clôture du dossier.", width: width)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `Justificatif de domicile (demandeur), de moins de 3 mois`.
    public static func describe(_ piece: PieceRequirement, in procedure: Procedure) -> String {
        let owner = piece.concerns == .beneficiary ? (procedure.beneficiary?.label.lowercased() ?? "bénéficiaire") : "demandeur"
        var text = "\(piece.label) (\(owner))"
        if let age = piece.maxAgeDays { text += ", de moins de \(ageText(days: age))" }
        if !piece.required { text += ", facultative" }
        if let condition = piece.condition {
            let label = procedure.fields.first { $0.key == condition.fieldKey }?.label.lowercased() ?? condition.fieldKey
            text += ", seulement si \(label) : \(condition.valuesText)"
        }
        return text
    }

    /// `3 mois` when the days are a whole number of months by
    /// ``ProcedureFileParser/days(months:)``, else `10 jours`.
    public static func ageText(days: Int) -> String {
        if let months = ProcedureFileParser.months(days: days) { return "\(months) mois" }
        return Self.days(days)
    }

    private static func days(_ count: Int) -> String { count == 1 ? "1 jour" : "\(count) jours" }
    private static func years(_ count: Int) -> String { count == 1 ? "1 an" : "\(count) ans" }

    private static func heading(_ text: String) -> [String] {
        ["", text, String(repeating: "-", count: text.count)]
    }

    /// `line` cut at spaces into lines of at most `width` characters; a `- ` item or an indented
    /// line keeps its indent on the following lines.
    static func wrap(_ line: String, width: Int) -> [String] {
        if line.count <= width { return [line] }
        let indentCount = line.prefix { $0 == " " }.count
        var hanging = indentCount
        let rest = line.dropFirst(indentCount)
        for bullet in ["- ", "• ", "* "] where rest.hasPrefix(bullet) { hanging += bullet.count }
        let continuation = String(repeating: " ", count: hanging)
        var lines: [String] = []
        var current = String(line.prefix(hanging))
        var currentHasWord = false
        for word in line.dropFirst(hanging).split(separator: " ") {
            if currentHasWord && current.count + 1 + word.count > width {
                lines.append(current)
                current = continuation
                currentHasWord = false
            }
            current += (currentHasWord ? " " : "") + word
            currentHasWord = true
        }
        lines.append(current)
        return lines
    }
}
