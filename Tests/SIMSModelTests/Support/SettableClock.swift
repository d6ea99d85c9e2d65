import Foundation
@testable import SIMSModel

/// A clock the test moves by hand, from 29/11/2026 10:00 in Nouméa.
final class SettableClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = TestStore.now

    var clock: SIMSClock { SIMSClock { [self] in lock.withLock { current } } }

    /// Moves the clock `seconds` forward.
    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}
