/// A keymap file that cannot be used: where (file and line) and why, with a French message.
///
/// ```swift
/// do { _ = try Keymap.parse(text, fileName: "keymap.conf") }
/// catch { print(error.message) }   // keymap.conf, ligne 12 : action inconnue « sauver »
/// ```
package struct KeymapError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file, as given to the parser (a name or a path).
    var fileName: String
    /// The line, from 1; nil when the problem is the whole file.
    var line: Int?
    /// What is wrong.
    var kind: KeymapErrorKind

    init(fileName: String, line: Int?, kind: KeymapErrorKind) {
        self.fileName = fileName
        self.line = line
        self.kind = kind
    }

    /// The message for the user: « keymap.conf, ligne 12 : action inconnue « sauver » ».
    var message: String {
        if let line {
            return "\(fileName), ligne \(line) : \(kind.detail)"
        }
        return "\(fileName) : \(kind.detail)"
    }

    package var description: String { message }
}
