import SIMSModel

/// What is wrong in a keymap file, with the offending word; see ``KeymapError``.
package enum KeymapErrorKind: Hashable, Sendable {
    /// The context is not one of ``KeymapContext``.
    case unknownContext(String)
    /// The key name is not understood by ``KeyStroke/init(name:)``.
    case unknownKey(String)
    /// The action is not one of ``KeyAction`` (nor `aucune`).
    case unknownAction(String)
    /// The line does not start with `bind`.
    case unknownCommand(String)
    /// `bind` with fewer than three words after it.
    case missingFields
    /// Words after the action that are not a `#` comment.
    case extraText(String)
    /// The same key is bound twice in the same context of one file.
    case duplicateBinding(key: String, context: KeymapContext, firstLine: Int)
    /// The file could not be read.
    case unreadableFile(String)

    /// The French explanation, without the file name and line.
    var detail: String {
        let expected = "attendu : bind <contexte> <touche> <action>"
        switch self {
        case .unknownContext(let name):
            let known = KeymapContext.allCases.map(\.name).joined(separator: ", ")
            return "contexte inconnu \(ShownText.quoted(name)) (contextes possibles : \(known))"
        case .unknownKey(let name):
            return "touche inconnue \(ShownText.quoted(name))"
        case .unknownAction(let name):
            return "action inconnue \(ShownText.quoted(name))"
        case .unknownCommand(let word):
            return "commande inconnue \(ShownText.quoted(word)) (\(expected))"
        case .missingFields:
            return "ligne incomplète (\(expected))"
        case .extraText(let text):
            return "texte en trop après l'action : \(ShownText.quoted(text))"
        case .duplicateBinding(let key, let context, let firstLine):
            return "touche \(ShownText.quoted(key)) déjà liée dans le contexte « \(context.name) » à la ligne \(firstLine)"
        case .unreadableFile(let reason):
            return "lecture impossible (\(reason))"
        }
    }
}
