/// Rows read one at a time, for the reads that walk a whole table (purge, check, export) without
/// holding it in memory.
package final class StoreRowCursor {
    private let nextRow: () throws -> StoreRow?

    package init(_ next: @escaping () throws -> StoreRow?) { nextRow = next }

    /// An already-read list of rows served one by one.
    package convenience init(rows: [StoreRow]) {
        var iterator = rows.makeIterator()
        self.init { iterator.next() }
    }

    package func next() throws -> StoreRow? { try nextRow() }

    /// The rows converted as they are read.
    package func map<T>(_ transform: @escaping (StoreRow) throws -> T) -> StoreCursor<T> {
        StoreCursor { try self.next().map(transform) }
    }

    package func forEach(_ body: (StoreRow) throws -> Void) throws {
        while let row = try next() { try body(row) }
    }
}

/// Converted values read one at a time (see ``StoreRowCursor``).
package final class StoreCursor<Element> {
    private let nextElement: () throws -> Element?

    package init(_ next: @escaping () throws -> Element?) { nextElement = next }

    package func next() throws -> Element? { try nextElement() }

    package func forEach(_ body: (Element) throws -> Void) throws {
        while let element = try next() { try body(element) }
    }

    /// Every remaining element.
    package func toArray() throws -> [Element] {
        var all: [Element] = []
        while let element = try next() { all.append(element) }
        return all
    }
}
