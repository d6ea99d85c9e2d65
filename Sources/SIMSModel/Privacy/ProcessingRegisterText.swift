import Foundation

/// The register of processing as plain text (lines of at most 80 columns) or as Markdown.
///
/// ```swift
/// print(ProcessingRegisterText.render(register, markdown: true))
/// // # Registre des activités de traitement
/// // ...
/// ```
public enum ProcessingRegisterText {
    /// The widest line of the plain text.
    public static let width = 80

    public static func render(_ register: ProcessingRegister, markdown: Bool) -> String {
        var out = Output(markdown: markdown)
        out.title("Registre des activités de traitement")
        out.paragraph("Province Sud · registre SIMS (outil Guichet).")
        out.line("Édité le \(register.madeOn.french) à partir des \(register.activities.count) démarches du catalogue.")
        for (index, activity) in register.activities.enumerated() {
            out.heading("\(index + 1). \(activity.title) (\(activity.code))")
            out.item("Finalité", activity.purpose.first ?? activity.title)
            out.subitems(Array(activity.purpose.dropFirst()))
            out.item("Personnes concernées", activity.dataSubjects)
            out.item("Données du demandeur", list(activity.applicantData))
            if !activity.beneficiaryData.isEmpty {
                out.item("Données du bénéficiaire", list(activity.beneficiaryData))
            }
            out.item("Données propres au dossier", list(activity.dossierData))
            out.list("Pièces justificatives", activity.pieces.isEmpty ? ["aucune"] : activity.pieces)
            out.list("Traité par", activity.handledBy)
            out.item("Conservation", (activity.retentionYears == 1 ? "1 an" : "\(activity.retentionYears) ans")
                     + " après la clôture du dossier (décision), puis effacement.")
            if !activity.sourceFile.isEmpty {
                out.item("Défini par", (activity.sourceFile as NSString).lastPathComponent)
            }
        }
        out.heading("Mesures de sécurité")
        out.bullets(register.measures)
        return out.lines.joined(separator: "\n") + "\n"
    }

    static func list(_ labels: [String]) -> String {
        labels.isEmpty ? "aucune" : labels.joined(separator: ", ")
    }

    /// Lines in one of the two forms.
    struct Output {
        let markdown: Bool
        var lines: [String] = []

        mutating func title(_ text: String) {
            if markdown { lines.append("# \(text)") } else {
                lines += wrap(text)
                lines.append(String(repeating: "=", count: min(width, text.count)))
            }
        }

        mutating func heading(_ text: String) {
            lines.append("")
            if markdown { lines.append("## \(text)") } else {
                let wrapped = wrap(text)
                lines += wrapped
                lines.append(String(repeating: "-", count: min(width, wrapped.map(\.count).max() ?? 0)))
            }
            lines.append("")
        }

        mutating func paragraph(_ text: String) {
            lines.append("")
            lines += markdown ? [text] : wrap(text)
        }

        mutating func line(_ text: String) {
            lines += markdown ? [text] : wrap(text)
        }

        /// Paragraphs under an item (a fiche's list): indented, `- ` items kept.
        mutating func subitems(_ items: [String]) {
            for item in items {
                let text = item.hasPrefix("- ") ? String(item.dropFirst(2)) : item
                lines += markdown ? ["  - \(text)"] : wrap("  " + (item.hasPrefix("- ") ? item : text))
            }
        }

        mutating func item(_ label: String, _ text: String) {
            if markdown { lines.append("- **\(label)** : \(text)") } else { lines += wrap("\(label) : \(text)") }
        }

        mutating func list(_ label: String, _ items: [String]) {
            if markdown {
                lines.append("- **\(label)** :")
                lines += items.map { "  - \($0)" }
            } else {
                lines.append("\(label) :")
                for item in items { lines += wrap("- \(item)") }
            }
        }

        mutating func bullets(_ items: [String]) {
            for item in items { lines += markdown ? ["- \(item)"] : wrap("- \(item)") }
        }

        func wrap(_ line: String) -> [String] {
            ProcedureSheetText.wrap(line, width: width).map { $0.count > width ? String($0.prefix(width - 1)) + "…" : $0 }
        }
    }
}
