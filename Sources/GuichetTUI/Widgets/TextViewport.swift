/// A text read a page at a time (a fiche pratique, a récépissé): its lines wrapped for the width
/// last drawn, the first line shown, the page size of the last frame, and the line and page moves
/// (↑ ↓, F7 F8) kept within the text.
///
/// ```swift
/// viewport.wrap(width: 76) { width in WrappedText.lines(text, width: width) }
/// viewport.visibleRows = area.height - 1
/// for (index, line) in viewport.visibleLines { buffer.put(line, x: x, y: y + 1 + index - viewport.offset) }
/// if viewport.scroll(action) { return .stay }
/// ```
struct TextViewport {
    /// The wrapped lines.
    private(set) var lines: [String] = []
    /// The index of the first line shown.
    private(set) var offset = 0
    /// The rows of text the last frame showed (the page size).
    var visibleRows = 19 {
        didSet { offset = min(offset, maxOffset) }
    }
    private var wrappedWidth: Int?

    /// The last first line: the text's end sits on the last row.
    var maxOffset: Int { max(lines.count - visibleRows, 0) }

    /// Wraps the text again when `width` changed since the last frame (`make` gives its lines at a width).
    mutating func wrap(width: Int, _ make: (Int) -> [String]) {
        guard width != wrappedWidth else { return }
        wrappedWidth = width
        lines = make(width)
        offset = min(offset, maxOffset)
    }

    /// The lines the page shows, with their index in the text.
    var visibleLines: [(index: Int, line: String)] {
        (offset..<min(offset + visibleRows, lines.count)).map { ($0, lines[$0]) }
    }

    /// Whether the text is longer than a page.
    var scrolls: Bool { lines.count > visibleRows }

    /// « lignes 1 à 19 sur 42 », or « 12 lignes » when the text fits.
    var position: String {
        scrolls ? "lignes \(offset + 1) à \(min(offset + visibleRows, lines.count)) sur \(lines.count)" : "\(lines.count) ligne\(lines.count > 1 ? "s" : "")"
    }

    /// Moves by a line or a page (keeping one line of the previous page); false when `action` is not a move.
    mutating func scroll(_ action: KeyAction?) -> Bool {
        let page = max(visibleRows - 1, 1)
        switch action {
        case .ligneSuivante: offset = min(offset + 1, maxOffset)
        case .lignePrecedente: offset = max(offset - 1, 0)
        case .pageSuivante: offset = min(offset + page, maxOffset)
        case .pagePrecedente: offset = max(offset - page, 0)
        default: return false
        }
        return true
    }
}
