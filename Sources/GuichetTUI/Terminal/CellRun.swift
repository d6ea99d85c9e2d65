/// A horizontal run of consecutive cells of one row that changed between two buffers.
///
/// ``CellBuffer/changes(since:)`` returns these; a terminal writes each run at (`x`, `y`).
/// A run never starts on the right half of a wide character and never ends on its left half.
struct CellRun: Hashable, Sendable {
    /// Column of the first cell.
    var x: Int
    /// Row of the run.
    var y: Int
    /// The new cells, continuation cells included (so `cells.count` is the width in columns).
    var cells: [Cell]

    /// The run's width in columns.
    var width: Int { cells.count }

    /// The run's text (continuation cells contribute nothing).
    var text: String { cells.map(\.grapheme).joined() }
}
