/// A CSV cell made harmless for a spreadsheet (OWASP's rule against CSV injection): a value
/// that begins with `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a formula,
/// so it is written with a leading `'`, which spreadsheets show as text and do not display.
///
/// ```swift
/// SpreadsheetCell.neutralised("=HYPERLINK(\"http://x\")")   // "'=HYPERLINK(\"http://x\")"
/// SpreadsheetCell.neutralised("+687 25 12 34")              // "'+687 25 12 34"
/// SpreadsheetCell.neutralised("WAMYTAN Hélène")             // unchanged
/// ```
public enum SpreadsheetCell {
    /// The first characters that make a spreadsheet evaluate a cell.
    public static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// The value, prefixed with `'` when a spreadsheet would read it as a formula.
    public static func neutralised(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, formulaStarts.contains(Character(first)) else { return value }
        return "'" + value
    }
}
