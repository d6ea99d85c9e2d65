/// One result of ncurses' `get_wch`: a character, or a `KEY_` code (when it returned `KEY_CODE_YES`).
///
/// ``KeyDecoder`` turns a sequence of these into ``KeyEvent``s, without a terminal.
enum RawKeyInput: Hashable, Sendable {
    /// A character code (Unicode scalar value, or a control byte such as 0x1B for Esc).
    case character(UInt32)
    /// An ncurses key code such as `KEY_UP` (see ``NCursesKeyCode``).
    case keyCode(Int)

    /// Builds the input from `get_wch`'s two results: the code and whether it was a `KEY_` code.
    init(code: UInt32, isKeyCode: Bool) {
        self = isKeyCode ? .keyCode(Int(code)) : .character(code)
    }

    /// Each Unicode scalar of `text` as a character input (for tests: `RawKeyInput.text("\u{1B}x")`).
    static func text(_ text: String) -> [RawKeyInput] {
        text.unicodeScalars.map { .character($0.value) }
    }
}
