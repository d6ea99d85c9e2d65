/// A width × height grid of styled cells that screens render into.
///
/// Screens never talk to the terminal: they draw into a buffer, and the terminal writes only the
/// cells that changed since the previous frame (``changes(since:)``). Tests assert the buffer's
/// ``text`` against a multi-line string literal.
///
/// ```swift
/// var buffer = CellBuffer(size: .standard)
/// buffer.put("Recherche d'un tiers", x: 2, y: 0, style: .emphasized)
/// buffer.fill(line: 23, style: .reversed)
/// XCTAssertEqual(buffer.lines[0], "  Recherche d'un tiers" + String(repeating: " ", count: 58))
/// ```
package struct CellBuffer: Hashable, Sendable {
    /// Number of columns.
    let width: Int
    /// Number of rows.
    let height: Int
    /// Row-major cells: the cell at (x, y) is `cells[y * width + x]`.
    private(set) var cells: [Cell]

    /// Creates a buffer filled with `fill` (a plain space by default).
    init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill.isContinuation ? .blank : fill, count: self.width * self.height)
    }

    /// Creates a blank buffer of the given size.
    init(size: TerminalSize) {
        self.init(width: size.columns, height: size.rows)
    }

    /// The buffer's size.
    var size: TerminalSize { TerminalSize(columns: width, rows: height) }

    /// The whole buffer as a rectangle.
    var bounds: CellRect { CellRect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (x, y); reading outside the buffer gives a blank cell, writing there does nothing.
    ///
    /// Prefer ``put(_:x:y:style:maxWidth:)``, which keeps wide characters consistent.
    subscript(x: Int, y: Int) -> Cell {
        get { contains(x: x, y: y) ? cells[y * width + x] : .blank }
        set {
            guard contains(x: x, y: y) else { return }
            cells[y * width + x] = newValue
        }
    }

    /// The cells of row `y` (empty when `y` is outside the buffer).
    func row(_ y: Int) -> ArraySlice<Cell> {
        guard y >= 0, y < height else { return [] }
        return cells[(y * width)..<((y + 1) * width)]
    }

    /// Whether (x, y) is inside the buffer.
    func contains(x: Int, y: Int) -> Bool {
        x >= 0 && x < width && y >= 0 && y < height
    }

    // MARK: - Drawing

    /// How ``put(_:x:y:style:maxWidth:overflow:)`` ends a text wider than its room.
    enum Overflow: Sendable {
        /// The last column shows « … »: the agent sees that the text goes on (every label, value
        /// and message of the screens).
        case ellipsis
        /// The text stops at the edge (a scrolling input field, whose cursor shows the rest).
        case clip
    }

    /// Writes `text` at (x, y) and returns the column just after the last cell written.
    ///
    /// The text is kept to the buffer and, when `maxWidth` is given, to `maxWidth` columns from
    /// `x`; it never wraps. A text wider than that room ends with « … » in its last column (unless
    /// `overflow` is ``Overflow/clip``), so nothing is ever cut without the agent seeing it. A wide
    /// character takes two cells (the second is a continuation); when only one column is left for
    /// it, a space is written instead. Combining marks stay in the cell of their base character.
    /// A tab becomes a space, other control characters a "?".
    @discardableResult
    mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = .plain, maxWidth: Int? = nil,
                      overflow: Overflow = .ellipsis) -> Int {
        guard y >= 0, y < height else { return x }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        if overflow == .ellipsis, limit > x, x >= 0, DisplayWidth.of(text) > limit - x {
            // Keep what fits in all but the last column, then « … » there.
            var kept = ""
            var used = 0
            for character in text {
                let columns = DisplayWidth.of(character)
                if used + columns > limit - x - 1 { break }
                kept.append(character)
                used += columns
            }
            while kept.last == " " { kept.removeLast(); used -= 1 }
            let end = put(kept, x: x, y: y, style: style, maxWidth: limit - x - 1, overflow: .clip)
            return put("…", x: end, y: y, style: style, maxWidth: 1, overflow: .clip)
        }
        var column = x
        var lastWritten: Int? = nil
        for character in text {
            if column >= limit { break }
            var grapheme = String(character)
            var columns = DisplayWidth.of(character)
            if let first = character.unicodeScalars.first, DisplayWidth.isControl(first) {
                grapheme = first == "\t" ? " " : "?"
                columns = 1
            }
            if columns == 0 {
                // A lone combining mark or format character: attach it to the previous cell.
                if let previous = lastWritten {
                    cells[y * width + previous].grapheme += grapheme
                }
                continue
            }
            if column + columns > limit {
                // A wide character that does not fit: pad the last column with a space.
                if column >= 0 { setCell(Cell(" ", style: style), x: column, y: y) }
                column += 1
                break
            }
            if column < 0 {
                // Clipped on the left; a wide character straddling column 0 leaves a space.
                if column + columns > 0 { setCell(Cell(" ", style: style), x: 0, y: y) }
                column += columns
                continue
            }
            setCell(Cell(grapheme, style: style), x: column, y: y)
            if columns == 2 {
                setCell(.continuation(style: style), x: column + 1, y: y)
            }
            lastWritten = column
            column += columns
        }
        return column
    }

    /// Fills a rectangle (clipped to the buffer) with `character` in `style`.
    mutating func fill(_ rect: CellRect, with character: Character = " ", style: CellStyle = .plain) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let columns = DisplayWidth.of(character)
        let grapheme = columns == 1 && !DisplayWidth.isControl(character.unicodeScalars.first!) ? String(character) : " "
        for y in area.y..<(area.y + area.height) {
            for x in area.x..<(area.x + area.width) {
                setCell(Cell(grapheme, style: style), x: x, y: y)
            }
        }
    }

    /// Fills a whole row with spaces in `style`.
    mutating func fill(line y: Int, style: CellStyle = .plain) {
        fill(CellRect(x: 0, y: y, width: width, height: 1), style: style)
    }

    /// Resets every cell to a plain space.
    mutating func clear() {
        cells = Array(repeating: .blank, count: width * height)
    }

    /// Copies `other` into this buffer with its top-left corner at (x, y), clipping what falls outside.
    mutating func draw(_ other: CellBuffer, x: Int, y: Int) {
        for row in 0..<other.height {
            for column in 0..<other.width {
                let cell = other[column, row]
                if cell.isContinuation { continue }
                let isWide = column + 1 < other.width && other[column + 1, row].isContinuation
                let targetX = x + column
                let targetY = y + row
                guard contains(x: targetX, y: targetY) else { continue }
                if isWide && targetX + 1 >= width {
                    setCell(Cell(" ", style: cell.style), x: targetX, y: targetY)
                } else {
                    setCell(cell, x: targetX, y: targetY)
                    if isWide { setCell(.continuation(style: cell.style), x: targetX + 1, y: targetY) }
                }
            }
        }
    }

    /// A copy of this buffer with another size: content kept from the top-left corner, clipped or
    /// padded with blanks.
    func resized(to size: TerminalSize) -> CellBuffer {
        if size == self.size { return self }
        var copy = CellBuffer(size: size)
        copy.draw(self, x: 0, y: 0)
        return copy
    }

    /// Writes one cell, blanking the other half of any wide character it overwrites.
    private mutating func setCell(_ cell: Cell, x: Int, y: Int) {
        guard contains(x: x, y: y) else { return }
        let index = y * width + x
        if !cell.isContinuation, cells[index].isContinuation, x > 0 {
            // Overwriting the right half of a wide character: its left half becomes a space.
            // (A continuation is only written right after its own left half, so it skips this.)
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        }
        if !cells[index].isContinuation, x + 1 < width, cells[index + 1].isContinuation {
            // Overwriting the left half of a wide character: its right half becomes a space.
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
        cells[index] = cell
    }

    // MARK: - Reading, for tests and diffs

    /// Each row as text, trailing spaces kept (so each row is `width` columns wide).
    var lines: [String] {
        (0..<height).map { y in row(y).map(\.grapheme).joined() }
    }

    /// The rows joined with "\n", trailing spaces of each row trimmed: what a test asserts.
    var text: String {
        lines.map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed.removeLast() }
            return String(trimmed)
        }.joined(separator: "\n")
    }

    /// The runs of cells that differ from `old`, row by row, left to right.
    ///
    /// When the sizes differ every row is one run (a full redraw). A run that touches one half of
    /// a wide character includes the other half, so a terminal can write it as a whole.
    func changes(since old: CellBuffer) -> [CellRun] {
        guard old.width == width, old.height == height else {
            guard width > 0 else { return [] }
            return (0..<height).map { CellRun(x: 0, y: $0, cells: Array(row($0))) }
        }
        var runs: [CellRun] = []
        var changed = [Bool](repeating: false, count: width)
        for y in 0..<height {
            let base = y * width
            var any = false
            for x in 0..<width {
                changed[x] = cells[base + x] != old.cells[base + x]
                any = any || changed[x]
            }
            guard any else { continue }
            // Widen to whole wide characters.
            for x in 0..<width where changed[x] {
                if cells[base + x].isContinuation, x > 0 { changed[x - 1] = true }
                if x + 1 < width, cells[base + x + 1].isContinuation { changed[x + 1] = true }
            }
            var x = 0
            while x < width {
                guard changed[x] else { x += 1; continue }
                let start = x
                while x < width, changed[x] { x += 1 }
                runs.append(CellRun(x: start, y: y, cells: Array(cells[(base + start)..<(base + x)])))
            }
        }
        return runs
    }
}
