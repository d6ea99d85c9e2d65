extension QueueFilter {
    /// The filter as SQL terms over `dossier d` (to be joined with AND), with their arguments:
    /// the same terms as ``DossierQueue``'s queries, written as the partial indexes of migration
    /// v6 are, for readers of the same dossiers in another order or shape (the CSV export).
    ///
    /// ```swift
    /// let (terms, arguments) = QueueFilter(procedureCode: "BS").sqlTerms(today: today)
    /// let sql = "SELECT count(*) FROM dossier d WHERE " + terms.joined(separator: " AND ")
    /// ```
    func sqlTerms(today: CalendarDate) -> (terms: [String], arguments: StoreArguments) {
        var terms: [String] = []
        var arguments: StoreArguments = []
        switch scope {
        case .open: terms.append("d.state IN \(DossierState.openSQL)")
        case .decided: terms += ["d.state IN \(DossierState.decidedSQL)", "d.submitted_at IS NOT NULL"]
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
            // Deposited on or before that New Caledonian day: before the next day's midnight.
            terms.append("d.submitted_at < ?")
            arguments += [Self.instant(ofMidnight: today.adding(days: -days + 1))]
        }
        if let days = newerThanDays {
            // Deposited on or after that New Caledonian day: from its midnight.
            terms.append("d.submitted_at >= ?")
            arguments += [Self.instant(ofMidnight: today.adding(days: -days))]
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

    /// The stored instant of a New Caledonian day's midnight (UTC+11 all year): 13:00 UTC the day before.
    static func instant(ofMidnight day: CalendarDate) -> String {
        day.adding(days: -1).iso + "T13:00:00.000Z"
    }
}
