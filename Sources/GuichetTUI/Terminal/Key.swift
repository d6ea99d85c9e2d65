/// A key of the keyboard, without its modifiers (see ``KeyEvent`` and ``KeyModifiers``).
///
/// Letters typed with Ctrl or Alt are `.character` keys with the `.control` or `.alt` modifier;
/// Shift-Tab is its own key, ``backTab``, because terminals send it as one.
package enum Key: Hashable, Sendable {
    /// A printable character, accents included ("é", "Ç", a decomposed "é" is one character).
    case character(Character)
    /// Function key F1 ... F12 (the number).
    case function(Int)
    case enter
    case tab
    /// Shift-Tab.
    case backTab
    case backspace
    case delete
    case insert
    case escape
    case up
    case down
    case left
    case right
    case home
    case end
    case pageUp
    case pageDown
}
