import Foundation

/// A column of the dossiers' CSV export, named by its French header (what a spreadsheet shows).
///
/// ```swift
/// let columns = try DossierExportColumn.parse("numero,demarche,etat")   // [.number, .procedure, .state]
/// ```
public enum DossierExportColumn: String, Sendable, CaseIterable {
    case number = "numero"
    case trackingCode = "code_suivi"
    case procedure = "demarche"
    case title = "intitule"
    case state = "etat"
    case applicant = "demandeur"
    case beneficiary = "beneficiaire"
    case assignee = "attribue_a"
    case submittedOn = "depose_le"
    case dueOn = "echeance"
    case overdue = "en_retard"
    case proposal = "proposition"
    case decision = "decision"
    case decidedOn = "decide_le"
    case decidedBy = "decide_par"
    case motif = "motif"

    /// The header written in the first line.
    public var header: String { rawValue }

    /// The columns, as a comma-separated list of headers (for help texts and messages).
    public static var headerList: String { allCases.map(\.header).joined(separator: ",") }

    /// Parses `numero,demarche,etat` (spaces and case ignored, order kept); an unknown column
    /// throws a French message listing the valid ones.
    public static func parse(_ list: String) throws -> [DossierExportColumn] {
        let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        guard !names.isEmpty else {
            throw ValidationError(field: nil, message: "Aucune colonne demandée. Colonnes possibles : \(headerList).")
        }
        return try names.map { name in
            guard let column = DossierExportColumn(rawValue: name) else {
                throw ValidationError(field: nil, message: "Colonne inconnue : « \(name) ». Colonnes possibles : \(headerList).")
            }
            return column
        }
    }

    /// The SQL expression giving the cell's text (NULL for an empty cell), over `dossier d`,
    /// `tier a` (applicant), `tier b` (beneficiary), `agent g` (assignee) and `agent k` (decider).
    /// Dates are New Caledonian days written `jj/mm/aaaa` (in `calendar`'s functions).
    func sql(today: CalendarDate, calendar: any CalendarSQL) -> String {
        switch self {
        case .number: return "d.number"
        case .trackingCode: return "d.tracking_code"
        case .procedure: return "d.procedure_code"
        case .title: return "d.procedure_title"
        case .state: return Self.labels("d.state", DossierState.allCases.map { ($0.rawValue, $0.label) })
        case .applicant: return "a.display_name"
        case .beneficiary: return "b.display_name"
        case .assignee: return "g.full_name"
        case .submittedOn: return calendar.frenchDate(ofInstant: "d.submitted_at")
        case .dueOn: return calendar.frenchDate(ofDay: "d.due_on")
        case .overdue:
            return "CASE WHEN d.state IN \(DossierState.openSQL) AND d.due_on < '\(today.iso)' THEN 'oui' ELSE 'non' END"
        case .proposal: return Self.labels("d.proposed_decision", DossierDecision.allCases.map { ($0.rawValue, $0.label) })
        case .decision: return Self.labels("d.state", DossierDecision.allCases.map { ($0.rawValue, $0.label) })
        case .decidedOn: return calendar.frenchDate(ofInstant: "d.decided_at")
        case .decidedBy: return "k.full_name"
        case .motif: return "d.decision_motif"
        }
    }

    /// `CASE column WHEN 'code' THEN 'libellé' … END` (NULL for any other value).
    private static func labels(_ column: String, _ pairs: [(code: String, label: String)]) -> String {
        func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
        return "CASE \(column) " + pairs.map { "WHEN \(literal($0.code)) THEN \(literal($0.label))" }.joined(separator: " ") + " END"
    }
}
