/// A mistake in a procedure file, with where it is and what to fix, in French.
///
/// Every error names the file, and when known the line (1-based) and the key path inside the
/// file (`champs[3].type`: the third field's `type`; list positions count from 1, as an
/// administrator counts them).
///
/// ```swift
/// do {
///     _ = try ProcedureFileParser.parse(text, file: "procedures/bourse-scolaire.yaml")
/// } catch {
///     print(error)
///     // procedures/bourse-scolaire.yaml, ligne 12, champ « champs[3].type » : type inconnu « nombr »
///     // (attendu : texte, date, entier, montant, choix, oui_non).
/// }
/// ```
public struct ProcedureFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file, as shown to the administrator: `procedures/bourse-scolaire.yaml`.
    public var file: String
    /// The line of the mistake, counted from 1, when known.
    public var line: Int?
    /// The key path of the mistake inside the file, e.g. `champs[3].type`, when there is one.
    public var field: String?
    /// What is wrong and what to write instead, in French, ending with a full stop.
    public var message: String

    public init(file: String, line: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    /// One line: `fichier, ligne N, champ « chemin » : message`.
    public var description: String {
        var location = ShownText.escaped(file, limit: 200)
        if let line { location += ", ligne \(line)" }
        if let field { location += ", champ \(ShownText.quoted(field))" }
        return "\(location) : \(message)"
    }
}
