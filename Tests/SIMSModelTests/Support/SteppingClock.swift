import Foundation
@testable import SIMSModel

/// A clock that moves one minute at each reading, from 29/11/2026 10:00 in Nouméa: what is
/// recorded later is newer, as in real use.
final class SteppingClock: @unchecked Sendable {
    private let lock = NSLock()
    private var next = TestStore.now

    var clock: SIMSClock {
        SIMSClock { [self] in
            lock.lock()
            defer { lock.unlock() }
            next += 60
            return next
        }
    }
}
