/// The default key bindings: the text of the repository's `keymap.conf`, embedded at build time
/// by the KeymapEmbedding plugin (`DefaultKeymap.text`), so that the binary runs without the
/// source tree and the file is their one source.
///
/// ```swift
/// let keymap = DefaultKeymap.keymap
/// keymap.action(for: .function(1), in: .fiche)   // .aide
/// ```
package enum DefaultKeymap {
    /// The file name used in error messages about the defaults.
    static let fileName = "keymap.conf"

    /// The parsed defaults (the text is checked by the tests, so parsing cannot fail).
    package static let keymap: Keymap = {
        do {
            return try Keymap.parse(text, fileName: fileName)
        } catch {
            fatalError("Le fichier keymap.conf intégré est invalide : \(error)")
        }
    }()
}
