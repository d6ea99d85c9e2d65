import Foundation

/// The source of the current time, injected so that tests and benchmarks control it.
///
/// ```swift
/// let clock = SIMSClock.fixed(Date(timeIntervalSince1970: 1_800_000_000))
/// ```
public struct SIMSClock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) { self.read = read }

    /// The wall clock.
    public static let system = SIMSClock { Date() }

    /// A clock that always answers the same instant.
    public static func fixed(_ date: Date) -> SIMSClock { SIMSClock { date } }

    /// The current instant.
    public func now() -> Date { read() }

    /// Today's date in New Caledonia.
    public func today() -> CalendarDate { CalendarDate.today(now: read()) }
}
