/// A person listed for a superviseur to anonymise or keep: no open dossier, no closed dossier
/// whose retention still runs, and no activity for the inactivity period (see
/// ``InactiveTierReview``).
public struct InactiveTier: Sendable, Equatable {
    public let id: Int64
    public let name: String
    /// The instant of the last activity (stored form), see ``InactiveTierReview``.
    public let lastActivity: String
    /// Its day in Nouméa.
    public let lastActivityOn: CalendarDate
    /// Closed dossiers of the person (applicant or beneficiary), all past their retention.
    public let closedDossiers: Int
    /// The last day the latest of them was kept, when there is one.
    public let retentionEnded: CalendarDate?
    /// The day of the last « conserver » decision, older than the inactivity period (the person
    /// came back to the list).
    public let keptOn: CalendarDate?

    public init(id: Int64, name: String, lastActivity: String, lastActivityOn: CalendarDate, closedDossiers: Int,
                retentionEnded: CalendarDate?, keptOn: CalendarDate?) {
        self.id = id
        self.name = name
        self.lastActivity = lastActivity
        self.lastActivityOn = lastActivityOn
        self.closedDossiers = closedDossiers
        self.retentionEnded = retentionEnded
        self.keptOn = keptOn
    }

    /// The day of the last activity, as shown (jj/mm/aaaa, Nouméa).
    public var lastActivityDay: String { lastActivityOn.french }

    /// Why it is listed, beside the inactivity itself: « aucun dossier », « 2 dossiers, échus
    /// le 15/09/2025 » (their retention ended that day); « conservée le 03/12/2020 » when it was kept before.
    public var reason: String {
        var parts: [String] = []
        switch (closedDossiers, retentionEnded) {
        case (0, _): parts.append("aucun dossier")
        case (1, let day?): parts.append("1 dossier, échu le \(day.french)")
        case (let n, let day?): parts.append("\(n) dossiers, échus le \(day.french)")
        case (let n, nil): parts.append("\(n) dossier\(n > 1 ? "s" : "") échu\(n > 1 ? "s" : "")")
        }
        if let keptOn { parts.append("conservée le \(keptOn.french)") }
        return parts.joined(separator: " ; ")
    }
}
