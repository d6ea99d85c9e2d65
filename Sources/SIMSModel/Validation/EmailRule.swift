/// The rule of e-mail addresses: a sane syntax check, the domain stored in lower case.
///
/// Checked: one `@`; a local part of 1...64 characters without spaces, without a dot at either
/// end or two dots in a row, made of letters, digits and ``localSymbols``; a domain of labels
/// separated by dots, at least two labels, each of letters, digits and inner hyphens, the last one
/// of two letters or more; 254 characters in all. The local part is kept as typed.
///
/// ```swift
/// try EmailRule.normalize("Marie.Dupont@Province-Sud.NC", field: .email)
/// // "Marie.Dupont@province-sud.nc"
/// ```
public enum EmailRule {
    /// The symbols allowed in the local part besides letters, digits and dots (RFC 5322 atext).
    public static let localSymbols: Set<Character> = [
        "!", "#", "$", "%", "&", "'", "*", "+", "/", "=", "?", "^", "_", "`", "{", "|", "}", "~", "-",
    ]

    /// The canonical form of a cleaned, non-empty value.
    public static func normalize(_ value: String, field: TierField) throws(ValidationError) -> String {
        let example = "Saisissez une adresse de la forme nom@domaine.nc."
        func fail(_ problem: String) -> ValidationError {
            .invalid(field, "\(ValidationText.quoted(value)) n'est pas une adresse valide : "
                + "\(problem). \(example)")
        }
        if value.contains(" ") { throw fail("elle contient une espace") }
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw fail(parts.count == 1 ? "il manque le @" : "elle contient plusieurs @")
        }
        let local = String(parts[0]), domain = String(parts[1]).lowercased()
        guard !local.isEmpty else { throw fail("il manque le nom avant le @") }
        guard !domain.isEmpty else { throw fail("il manque le domaine après le @") }
        guard local.count <= 64, value.count <= 254 else { throw fail("elle est trop longue") }
        guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else {
            throw fail("le nom avant le @ a un point mal placé")
        }
        guard local.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || localSymbols.contains($0) })
        else { throw fail("le nom avant le @ contient un caractère non admis") }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { throw fail("le domaine après le @ doit contenir un point") }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-"),
                  label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
            else { throw fail("le domaine « \(domain) » est mal formé") }
        }
        guard let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter) else {
            throw fail("le domaine doit finir par une extension comme .nc ou .fr")
        }
        return local + "@" + domain
    }
}
