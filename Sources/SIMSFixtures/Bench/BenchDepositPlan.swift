import SIMSModel
import Foundation

/// When each deposit happens: working days (Monday to Friday) of the last `days` days up to
/// yesterday, 7:30 to 16:30 in Nouméa, the same number each day, in increasing order.
struct BenchDepositPlan {
    /// Starts of the working days' opening hours (UTC seconds).
    var openings: [Int64] = []
    let dossiers: Int

    static let open: Int64 = 7 * 3600 + 1800
    static let hours: Int64 = 9 * 3600

    init(dossiers: Int, days: Int, now: Date) {
        self.dossiers = dossiers
        let today = BenchCivilDay.ncDay(Int64(now.timeIntervalSince1970))
        for day in (today - Int64(days))..<today where (1...5).contains(BenchCivilDay.weekday(day)) {
            openings.append(day * 86_400 - BenchCivilDay.ncOffset + Self.open)
        }
        if openings.isEmpty { openings = [(today - 1) * 86_400 - BenchCivilDay.ncOffset + Self.open] }
    }

    /// The instant (UTC milliseconds) of deposit `index`: deposits are spread evenly over the
    /// days, and over each day's hours with a little noise, still increasing.
    func instant(_ index: Int, using random: inout DemoRandomGenerator) -> Int64 {
        let position = Double(index) / Double(dossiers) * Double(openings.count)
        let day = min(Int(position), openings.count - 1)
        let perDay = Double(dossiers) / Double(openings.count)
        let slot = Double(Self.hours * 1000) / max(perDay, 1)
        let within = (position - Double(day)) * Double(Self.hours * 1000) + random.unit() * slot * 0.9
        return openings[day] * 1000 + Int64(min(within, Double(Self.hours * 1000 - 1)))
    }
}

