/// The modifier keys held with a key: Ctrl, Alt (Meta) and Shift.
///
/// The terminal reports Alt as Esc followed by the key, Ctrl only with letters (control bytes),
/// and Shift only with some named keys (Shift-F1 is F13 for the terminal).
package struct KeyModifiers: OptionSet, Hashable, Sendable {
    package let rawValue: UInt8

    package init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    static let control = KeyModifiers(rawValue: 1 << 0)
    static let alt = KeyModifiers(rawValue: 1 << 1)
    static let shift = KeyModifiers(rawValue: 1 << 2)
}
