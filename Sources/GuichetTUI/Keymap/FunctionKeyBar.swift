/// The function-key bar at the bottom of the screen, htop style: « F1Aide  F3Retour  F10Enreg. ».
///
/// Generated from the keymap of the screen's context, so it always shows what the keys really do.
/// Keys appear in F1...F12 order, the key in `keyStyle` and the label in `labelStyle` (reverse by
/// default); an entry that does not fit the width is left out.
///
/// ```swift
/// let bar = FunctionKeyBar(keymap: keymap, context: .saisie)
/// bar.render(into: &buffer)               // on the last row
/// bar.text(width: 80)                     // "F1Aide  F3Retour  F7PgPréc ..."
/// ```
struct FunctionKeyBar: Hashable, Sendable {
    /// Between two entries.
    static let separator = "  "

    /// The plain function-key bindings of the context (generic ones included), in F-key order.
    let bindings: [KeyBinding]

    init(keymap: Keymap, context: KeymapContext) {
        bindings = keymap.bindings(in: context)
            .filter { $0.key.functionNumber != nil }
            .sorted { ($0.key.functionNumber ?? 0) < ($1.key.functionNumber ?? 0) }
    }

    private init(bindings: [KeyBinding]) { self.bindings = bindings }

    /// The same bar with only the given actions (those the screen answers now).
    func keeping(_ actions: Set<KeyAction>) -> FunctionKeyBar {
        FunctionKeyBar(bindings: bindings.filter { actions.contains($0.action) })
    }

    /// The entries that fit in `width` columns, in order (an entry too wide is skipped).
    func visibleBindings(width: Int) -> [KeyBinding] {
        var used = 0
        var visible: [KeyBinding] = []
        for binding in bindings {
            let needed = (visible.isEmpty ? 0 : Self.separator.count) + Self.entryWidth(binding)
            if used + needed <= width {
                visible.append(binding)
                used += needed
            }
        }
        return visible
    }

    /// Draws the bar on `row` (the last row by default), clearing the rest of the row.
    func render(
        into buffer: inout CellBuffer,
        row: Int? = nil,
        keyStyle: CellStyle = .plain,
        labelStyle: CellStyle = .reversed
    ) {
        let y = row ?? buffer.height - 1
        buffer.fill(line: y)
        var x = 0
        for (index, binding) in visibleBindings(width: buffer.width).enumerated() {
            if index > 0 { x = buffer.put(Self.separator, x: x, y: y) }
            x = buffer.put(binding.key.name, x: x, y: y, style: keyStyle)
            x = buffer.put(binding.action.label, x: x, y: y, style: labelStyle)
        }
    }

    /// The bar as plain text at the given width (trailing spaces trimmed), for tests.
    func text(width: Int = 80) -> String {
        var buffer = CellBuffer(width: width, height: 1)
        render(into: &buffer, row: 0)
        return buffer.text
    }

    private static func entryWidth(_ binding: KeyBinding) -> Int {
        DisplayWidth.of(binding.key.name) + DisplayWidth.of(binding.action.label)
    }
}
