/// Text read from a file or typed by someone else, made safe to show on a terminal: control,
/// invisible and line-breaking characters are written as escapes (`\x1B`, `\u{202E}`) so that
/// no escape sequence reaches the terminal, and a long value is shortened with « … ».
///
/// ```swift
/// ShownText.escaped("nom\u{1B}[2J")            // "nom\x1B[2J"
/// ShownText.quoted(String(repeating: "a", count: 500), limit: 10)   // "« aaaaaaaaa… »"
/// ```
public enum ShownText {
    /// The longest value shown by default, in characters.
    public static let defaultLimit = 60

    /// The text with every control, format and line or paragraph separator character escaped,
    /// shortened to `limit` characters (the last one « … ») when longer.
    public static func escaped(_ text: String, limit: Int = defaultLimit) -> String {
        let pieces = text.map(escape)
        guard pieces.reduce(0, { $0 + $1.count }) > limit else { return pieces.joined() }
        var shown = ""
        var count = 0
        for piece in pieces {
            guard count + piece.count <= limit - 1 else { break }
            shown += piece
            count += piece.count
        }
        return shown + "…"
    }

    /// The escaped, shortened text between French quotes: `« valeur »`.
    public static func quoted(_ text: String, limit: Int = defaultLimit) -> String {
        "« " + escaped(text, limit: limit) + " »"
    }

    /// Whether a scalar must not reach a terminal as it is.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned: return true
        default: return false
        }
    }

    private static func escape(_ character: Character) -> String {
        guard character.unicodeScalars.contains(where: needsEscape) else { return String(character) }
        var text = ""
        for scalar in character.unicodeScalars {
            guard needsEscape(scalar) else { text.unicodeScalars.append(scalar); continue }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            text += scalar.value < 0x100
                ? "\\x" + (hex.count < 2 ? "0" : "") + hex
                : "\\u{" + hex + "}"
        }
        return text
    }
}
