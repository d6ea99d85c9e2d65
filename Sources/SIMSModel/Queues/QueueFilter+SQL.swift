package import GRDB

extension QueueFilter {
    /// The filter as SQL terms over `dossier d` (to be joined with AND), with their arguments:
    /// the same terms as ``DossierQueue``'s queries, written as the partial indexes of migration
    /// v6 are, for readers of the same dossiers in another order or shape (the CSV export).
    ///
    /// ```swift
    /// let (terms, arguments) = QueueFilter(procedureCode: "BS").sqlTerms(today: today)
    /// let sql = "SELECT count(*) FROM dossier d WHERE " + terms.joined(separator: " AND ")
    /// ```
    func sqlTerms(today: CalendarDate) -> (terms: [String], arguments: StatementArguments) {
        var terms: [String] = []
        var arguments: StatementArguments = []
        switch scope {
        case .open: terms.append("d.state IN \(DossierTallySQL.openStates)")
        case .decided: terms += ["d.state IN \(DossierTallySQL.decidedStates)", "d.submitted_at IS NOT NULL"]
        case .all: terms.append("d.submitted_at IS NOT NULL")
        case .state(let state):
            terms.append("d.state = ?")
            arguments += [state.rawValue]
        }
        if let procedureCode {
            terms.append("d.procedure_code = ?")
            arguments += [procedureCode]
        }
        switch assignee {
        case .anyone: break
        case .unassigned: terms.append("d.assignee_id IS NULL")
        case .agent(let id):
            terms.append("d.assignee_id = ?")
            arguments += [id]
        }
        if let days = olderThanDays {
            // Deposited on or before that New Caledonian day: before the next day's midnight (UTC+11).
            let limit = today.adding(days: -days + 1).iso + "T00:00:00.000"
            terms.append("d.submitted_at < strftime('%Y-%m-%dT%H:%M:%fZ', ?, '-11 hours')")
            arguments += [limit]
        }
        if let days = newerThanDays {
            // Deposited on or after that New Caledonian day: from its midnight (UTC+11).
            let start = today.adding(days: -days).iso + "T00:00:00.000"
            terms.append("d.submitted_at >= strftime('%Y-%m-%dT%H:%M:%fZ', ?, '-11 hours')")
            arguments += [start]
        }
        switch deadline {
        case .any: break
        case .overdue:
            terms.append("d.due_on < ?")
            arguments += [today.iso]
        case .within(let days):
            terms.append("d.due_on >= ? AND d.due_on <= ?")
            arguments += [today.iso, today.adding(days: days).iso]
        }
        return (terms, arguments)
    }
}
