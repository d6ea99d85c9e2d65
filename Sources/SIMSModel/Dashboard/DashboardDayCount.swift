/// The decisions taken on one New Caledonian day.
public struct DashboardDayCount: Sendable, Equatable {
    public var day: CalendarDate
    public var decisions: Int

    public init(day: CalendarDate, decisions: Int) {
        self.day = day
        self.decisions = decisions
    }
}
