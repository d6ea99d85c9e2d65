import SIMSModel
import Foundation
import Synchronization

/// A clock for demonstration data: starts at an instant and moves one second at each reading.
final class DemoTicks: Sendable {
    private let seconds: Mutex<TimeInterval>

    init(start: Date) { seconds = Mutex(start.timeIntervalSince1970) }

    func next() -> Date {
        Date(timeIntervalSince1970: seconds.withLock { value in
            defer { value += 1 }
            return value
        })
    }
}
