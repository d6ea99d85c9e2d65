import Foundation

/// A benchmark's figures, printed as a table for people or as one JSON object.
struct BenchReport {
    var title: String
    /// (key, value, goal) in print order.
    var rows: [(key: String, value: Double, note: String)] = []

    mutating func add(_ key: String, _ value: Double, _ note: String = "") {
        rows.append((key, value, note))
    }

    func print(json: Bool) {
        if json {
            var object: [String: Any] = [:]
            for row in rows { object[row.key] = (row.value * 1000).rounded() / 1000 }
            let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            Swift.print(String(decoding: data, as: UTF8.self))
            return
        }
        Swift.print(title)
        let width = rows.map(\.key.count).max() ?? 10
        for row in rows {
            let key = row.key.padding(toLength: width, withPad: " ", startingAt: 0)
            let value = String(format: "%12.3f", row.value)
            Swift.print("  \(key)  \(value)  \(row.note)")
        }
    }
}
