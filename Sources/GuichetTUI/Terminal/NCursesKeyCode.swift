/// The ncurses `KEY_` codes the decoder understands, mirrored from `<curses.h>` as plain constants.
///
/// They are part of the curses ABI and never change; ``NCursesTerminal/keyCodesMatchCurses()``
/// checks them against the C header. `pasteBegin` and `pasteEnd` are Guichet's own codes, given
/// to ncurses with `define_key` for the bracketed-paste markers `ESC [200~` and `ESC [201~`.
enum NCursesKeyCode {
    static let codeYes = 0o400
    static let down = 0o402
    static let up = 0o403
    static let left = 0o404
    static let right = 0o405
    static let home = 0o406
    static let backspace = 0o407
    /// `KEY_F0`; `KEY_F(n)` is `f0 + n`.
    static let f0 = 0o410
    static let deleteChar = 0o512
    static let insertChar = 0o513
    static let scrollForward = 0o520
    static let scrollReverse = 0o521
    static let nextPage = 0o522
    static let previousPage = 0o523
    static let enter = 0o527
    static let lowerLeft = 0o533
    static let keypadA1 = 0o534
    static let keypadA3 = 0o535
    static let keypadB2 = 0o536
    static let keypadC1 = 0o537
    static let keypadC3 = 0o540
    static let backTab = 0o541
    static let end = 0o550
    static let find = 0o552
    static let shiftDeleteChar = 0o577
    static let select = 0o601
    static let shiftEnd = 0o602
    static let shiftHome = 0o607
    static let shiftInsertChar = 0o610
    static let shiftLeft = 0o611
    static let shiftRight = 0o622
    static let mouse = 0o631
    static let resize = 0o632
    static let max = 0o777

    /// Guichet's code for the bracketed-paste start marker `ESC [200~`.
    static let pasteBegin = 0x7E00
    /// Guichet's code for the bracketed-paste end marker `ESC [201~`.
    static let pasteEnd = 0x7E01

    /// `KEY_F(n)`.
    static func function(_ number: Int) -> Int { f0 + number }
}
