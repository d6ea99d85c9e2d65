/// Where the terminal's visible cursor goes after a present (zero-based cell coordinates).
///
/// Passing `nil` instead of a position to ``Terminal/present(_:cursor:)`` hides the cursor.
package struct CursorPosition: Hashable, Sendable {
    /// Column, from 0 at the left.
    var x: Int
    /// Row, from 0 at the top.
    var y: Int

    init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}
