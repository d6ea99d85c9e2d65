import SIMSModel
/// A fixed-size ring of the most recent adults, so that memory does not grow with the population.
///
/// ```swift
/// var window = DemoAdultWindow(capacity: 512)
/// window.append(adult)
/// let manager = window.randomElement(using: &random)
/// ```
struct DemoAdultWindow: Sendable {
    private var slots: [DemoAdult] = []
    private var nextSlot = 0
    private let capacity: Int

    /// Creates an empty window keeping at most `capacity` adults.
    init(capacity: Int) {
        precondition(capacity > 0, "capacity must be positive")
        self.capacity = capacity
        slots.reserveCapacity(capacity)
    }

    /// Whether no adult was remembered yet.
    var isEmpty: Bool { slots.isEmpty }

    /// The number of adults remembered.
    var count: Int { slots.count }

    /// Remembers `adult`, forgetting the oldest one when full.
    mutating func append(_ adult: DemoAdult) {
        if slots.count < capacity {
            slots.append(adult)
        } else {
            slots[nextSlot] = adult
        }
        nextSlot = (nextSlot + 1) % capacity
    }

    /// One of the remembered adults, uniformly; the window must not be empty.
    func randomElement(using random: inout DemoRandomGenerator) -> DemoAdult {
        slots[random.below(slots.count)]
    }
}
