import Foundation

/// The persons examined for inactivity and what was found about each, fed row by row from the
/// register's tables (every row at once for the list, one person's rows to check a decision):
/// the same rules either way (see ``InactiveTierReview``).
struct InactivityLedger {
    struct Entry {
        var name: String
        var last: String
        var closedDossiers = 0
        var retentionEnded: CalendarDate?
        var keptAt: String?
    }

    /// The first instant that counts as recent activity.
    let cutoff: String
    let today: CalendarDate
    /// Each procedure's current retention in years, by code.
    let retention: [String: Int]
    /// The persons still inactive, by id.
    private(set) var entries: [Int64: Entry] = [:]
    /// The day in Nouméa of each hour met (`2026-11-29T23`): parsing an instant costs more than
    /// the rest of a dossier's row.
    private var days: [Substring: CalendarDate] = [:]
    /// One parser for the whole list (``Timestamp/date(from:)`` makes one per call).
    private let parser: ISO8601DateFormatter = {
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return parser
    }()

    init(cutoff: String, today: CalendarDate, retention: [String: Int]) {
        self.cutoff = cutoff
        self.today = today
        self.retention = retention
    }

    /// A person whose record has not changed since the cutoff.
    mutating func person(_ id: Int64, name: String, updatedAt: String) {
        entries[id] = Entry(name: name, last: updatedAt)
    }

    /// Whether the person is still on the list (the rows of others need not be read).
    func examines(_ id: Int64) -> Bool { entries[id] != nil }

    /// The person leaves the list (absorbed by a merge, erased, or kept recently).
    mutating func drop(_ id: Int64) { entries[id] = nil }

    /// Something the person did at `instant`: recent, they leave the list; else it may be their last activity.
    mutating func activity(_ id: Int64?, at instant: String?) {
        guard let id, let instant, var entry = entries[id] else { return }
        if instant >= cutoff {
            entries[id] = nil
            return
        }
        if instant > entry.last { entry.last = instant }
        entries[id] = entry
    }

    /// A dossier of the person (applicant or beneficiary): open, or closed with its retention still
    /// running (or of a procedure no file describes), it keeps them.
    mutating func dossier(_ id: Int64, state: String, updatedAt: String, procedure: String, decidedAt: String?, until: String?) {
        guard entries[id] != nil else { return }
        activity(id, at: updatedAt)
        guard var entry = entries[id] else { return }
        guard RetentionPurge.closedStates.contains(state) else {
            entries[id] = nil
            return
        }
        let end: CalendarDate? = until.flatMap(CalendarDate.init(iso:)) ?? retention[procedure].flatMap { years in
            decidedAt.flatMap { day(of: $0) }.map { RetentionTerm(decidedOn: $0, years: years).until }
        }
        guard let end, end < today else {
            entries[id] = nil
            return
        }
        entry.closedDossiers += 1
        entry.retentionEnded = max(entry.retentionEnded ?? end, end)
        entries[id] = entry
    }

    /// The day of a stored instant in Nouméa's calendar (as ``RetentionTerm`` counts a decision).
    private mutating func day(of instant: String) -> CalendarDate? {
        let hour = instant.prefix(13)
        if let day = days[hour] { return day }
        guard let date = parser.date(from: instant) else { return nil }
        let day = CalendarDate.today(now: date)
        days[hour] = day
        return day
    }

    /// A « conserver » decision on the person at `instant`: recent, they leave the list; older, it is said.
    mutating func kept(_ id: Int64, at instant: String) {
        guard var entry = entries[id] else { return }
        if instant >= cutoff {
            entries[id] = nil
            return
        }
        entry.keptAt = max(entry.keptAt ?? instant, instant)
        entries[id] = entry
    }

    /// The persons left, the longest inactive first.
    mutating func inactive() -> [InactiveTier] {
        let sorted = entries.sorted { ($0.value.last, $0.key) < ($1.value.last, $1.key) }
        return sorted.map { id, entry in
            InactiveTier(id: id, name: entry.name, lastActivity: entry.last,
                         lastActivityOn: day(of: entry.last) ?? CalendarDate(year: 1, month: 1, day: 1)!,
                         closedDossiers: entry.closedDossiers, retentionEnded: entry.retentionEnded,
                         keptOn: entry.keptAt.flatMap { day(of: $0) })
        }
    }
}
