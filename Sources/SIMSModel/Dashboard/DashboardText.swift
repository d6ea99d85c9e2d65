/// The dashboard as plain French text (`guichet dashboard --once`): the same figures as the
/// screen, in aligned columns that fit 80 columns (long names are cut with « … »), dates
/// jj/mm/aaaa, the decisions of the last 30 days as a sparkline, overdue figures marked
/// « ! en retard » and overdue deadlines « ! ».
///
/// ```swift
/// print(DashboardText.render(try DashboardService(store: store).figures(now: Date())))
/// DashboardText.sparkline([0, 1, 4, 2])     // "▁▃█▅"
/// ```
public enum DashboardText {
    /// The mark of an overdue figure or dossier.
    public static let overdueMark = "! en retard"

    /// Short column headers of the states, in the order of ``DashboardFigures/states``.
    public static func shortLabel(_ state: DossierState) -> String {
        switch state {
        case .draft: return "Brouill."
        case .submitted: return "Déposé"
        case .underReview: return "Instr."
        case .awaitingPieces: return "Pièces"
        case .awaitingValidation: return "À val."
        case .accepted: return "Accepté"
        case .refused: return "Refusé"
        case .closedWithoutAction: return "S.suite"
        }
    }

    /// The bars of a sparkline, lowest first.
    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One character per value: ▁ for zero, then ▂ to █ in proportion to the largest value.
    public static func sparkline(_ values: [Int]) -> String {
        let top = values.max() ?? 0
        return String(values.map { value -> Character in
            guard value > 0, top > 0 else { return bars[0] }
            let level = (value * (bars.count - 1) + top - 1) / top   // 1...7, rounded up
            return bars[min(max(level, 1), bars.count - 1)]
        })
    }

    /// A state in a narrow column (the screen's and the text's list of the oldest dossiers).
    public static func narrowState(_ state: DossierState) -> String {
        switch state {
        case .underReview: return "en instr."
        case .awaitingPieces: return "pièces"
        default: return state.label
        }
    }

    /// `text`, cut to `width` characters with « … » when longer.
    public static func clipped(_ text: String, to width: Int) -> String {
        text.count > width ? String(text.prefix(max(width - 1, 0))) + "…" : text
    }

    /// « 12 j », or « — » when there is no figure.
    public static func days(_ value: Int?) -> String { value.map { "\($0) j" } ?? "—" }

    /// The whole dashboard.
    public static func render(_ figures: DashboardFigures) -> String {
        var out: [String] = ["Tableau de bord des dossiers au \(figures.today.french)", ""]
        let lines = figures.procedures + [figures.totals]
        func name(_ line: DashboardProcedureFigures) -> String { line.procedureCode ?? "Total" }

        out.append("Dossiers par état et démarche")
        if figures.procedures.isEmpty {
            out.append("Aucun dossier déposé.")
        } else {
            out += table(["Démarche"] + DashboardFigures.states.map(shortLabel) + ["Total"],
                         lines.map { line in [name(line)] + DashboardFigures.states.map { "\(line.count($0))" } + ["\(line.total)"] })
        }

        out += ["", "Ancienneté des dossiers ouverts (jours depuis le dépôt)"]
        out += table(["Démarche"] + DashboardAgeBucket.allCases.map(\.label) + ["Ouverts"],
                     lines.map { line in [name(line)] + DashboardAgeBucket.allCases.map { "\(line.count(in: $0))" } + ["\(line.open)"] })

        out += ["", "Échéances des dossiers ouverts"]
        out += table(["Démarche", "Dépassées", "Sous \(DashboardFigures.dueSoonDays) jours", ""],
                     lines.map { line in [name(line), "\(line.overdue)", "\(line.dueWithinWeek)", line.overdue > 0 ? overdueMark : ""] })

        let period = "du \(figures.firstDay.french) au \(figures.today.french)"
        out += ["", "Délai de traitement des décisions (\(period))"]
        out += table(["Démarche", "Décisions", "90e centile"],
                     lines.map { line in [name(line), "\(line.decisions)", days(line.processingDaysP90)] })

        let perDay = figures.throughput.map(\.decisions)
        out += ["", "Décisions par jour sur \(DashboardFigures.days) jours (\(period))"]
        out.append(sparkline(perDay) + "  \(throughputSummary(perDay))")

        out += ["", "Charge par agent (dossiers ouverts)"]
        if figures.load.isEmpty {
            out.append("Aucun dossier ouvert.")
        } else {
            out += table(["Agent"] + DashboardFigures.openStates.map(shortLabel) + ["Total"],
                         figures.load.map { agent in
                             [clipped(agent.name, to: 30)] + DashboardFigures.openStates.map { "\(agent.count($0))" } + ["\(agent.total)"]
                         }, leftColumns: 1)
        }

        out += ["", "Les \(DashboardFigures.oldestCount) dossiers ouverts les plus anciens"]
        if figures.oldest.isEmpty {
            out.append("Aucun dossier ouvert.")
        } else {
            // 80 columns: the number names the procedure; the names are cut.
            out += table(["N°", "Demandeur", "État", "Attribué à", "Déposé le", "Échéance"],
                         figures.oldest.map { dossier in
                             [dossier.number, clipped(dossier.applicantName, to: 14), narrowState(dossier.state),
                              clipped(dossier.assigneeName ?? "—", to: 10), dossier.submittedOn?.french ?? "—",
                              (dossier.dueOn?.french ?? "—") + (dossier.overdue ? " !" : "")]
                         }, leftColumns: 6)
            if figures.oldest.contains(where: \.overdue) { out.append("! : échéance dépassée") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// « 12 décisions, au plus 4 par jour », « aucune décision ».
    public static func throughputSummary(_ perDay: [Int]) -> String {
        let total = perDay.reduce(0, +)
        switch total {
        case 0: return "aucune décision"
        case 1: return "1 décision"
        default: return "\(total) décisions, au plus \(perDay.max() ?? 0) par jour"
        }
    }

    /// Aligned columns two spaces apart: the first `leftColumns` aligned left, the others (figures)
    /// right; trailing spaces removed.
    static func table(_ header: [String], _ rows: [[String]], leftColumns: Int = 1) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { cells in
            let padded = cells.enumerated().map { column, cell -> String in
                let room = String(repeating: " ", count: widths[column] - cell.count)
                return column < leftColumns ? cell + room : room + cell
            }
            var line = padded.joined(separator: "  ")
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
