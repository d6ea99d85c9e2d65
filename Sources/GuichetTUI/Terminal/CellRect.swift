/// A rectangle of cells in a ``CellBuffer``, used by ``CellBuffer/fill(_:with:style:)``.
///
/// ```swift
/// buffer.fill(CellRect(x: 0, y: 23, width: 80, height: 1), style: .reversed)
/// ```
package struct CellRect: Hashable, Sendable {
    var x: Int
    var y: Int
    var width: Int
    var height: Int

    init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The rectangle covering a whole buffer of the given size.
    init(size: TerminalSize) {
        self.init(x: 0, y: 0, width: size.columns, height: size.rows)
    }

    /// Whether the rectangle holds no cell.
    var isEmpty: Bool { width == 0 || height == 0 }

    /// The part of the rectangle that is also inside `other` (possibly empty).
    func intersection(_ other: CellRect) -> CellRect {
        let left = max(x, other.x)
        let top = max(y, other.y)
        let right = min(x + width, other.x + other.width)
        let bottom = min(y + height, other.y + other.height)
        return CellRect(x: left, y: top, width: right - left, height: bottom - top)
    }
}
