/// The size of a terminal screen, in character cells.
///
/// ```swift
/// let size = TerminalSize(columns: 80, rows: 24)
/// ```
package struct TerminalSize: Hashable, Sendable, CustomStringConvertible {
    /// Number of columns (cells per row).
    var columns: Int
    /// Number of rows.
    var rows: Int

    /// Creates a size; negative values are clamped to zero.
    init(columns: Int, rows: Int) {
        self.columns = max(0, columns)
        self.rows = max(0, rows)
    }

    /// The classic 80×24 terminal, the size every screen must work at.
    static let standard = TerminalSize(columns: 80, rows: 24)

    package var description: String { "\(columns)x\(rows)" }
}
