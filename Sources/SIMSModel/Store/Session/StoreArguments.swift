/// The positional arguments of one statement (`?` in the SQL, in order). Written as an array
/// literal, as with the engine's own arguments: `arguments: [tierID, kind.rawValue]`.
package struct StoreArguments: ExpressibleByArrayLiteral, Sendable {
    package var values: [StoreValue]

    package init() { values = [] }

    package init(arrayLiteral elements: (any StoreValueConvertible)?...) {
        values = elements.map { $0?.storeValue ?? .null }
    }

    package init<S: Sequence>(_ sequence: S) where S.Element: StoreValueConvertible {
        values = sequence.map(\.storeValue)
    }

    package init(_ values: [(any StoreValueConvertible)?]) {
        self.values = values.map { $0?.storeValue ?? .null }
    }

    package init(storeValues: [StoreValue]) { values = storeValues }

    package var isEmpty: Bool { values.isEmpty }

    package static func + (lhs: StoreArguments, rhs: StoreArguments) -> StoreArguments {
        StoreArguments(storeValues: lhs.values + rhs.values)
    }

    package static func += (lhs: inout StoreArguments, rhs: StoreArguments) {
        lhs.values += rhs.values
    }

    package mutating func append(_ value: (any StoreValueConvertible)?) {
        values.append(value?.storeValue ?? .null)
    }
}
