import SIMSModel
import Foundation

/// The demo store opened with clocks fixed at past instants, one connection pool per day, so that
/// demonstration dossiers and their events carry the dates they would have had.
struct DemoClockedStores {
    let store: SIMSStore
    private var byDay: [Int: SIMSStore] = [:]

    init(store: SIMSStore) { self.store = store }

    /// The store whose clock reads `date` (the first instant asked for that day, plus one second per
    /// later use, so that the day's events stay in order).
    mutating func at(_ date: Date) throws -> SIMSStore {
        let day = Int(date.timeIntervalSince1970 / 86_400)
        if let opened = byDay[day] { return opened }
        let ticks = DemoTicks(start: date)
        let opened = try SIMSStore.open(path: store.path, clock: SIMSClock { ticks.next() })
        byDay[day] = opened
        return opened
    }

    func close() throws {
        for opened in byDay.values { try opened.close() }
    }
}
