import Foundation

/// The procedures (« démarches ») the counter offers, read from a folder of YAML files, one file
/// a procedure.
///
/// ``load(directory:)`` reads every `*.yaml` and `*.yml` file of the folder and reports every
/// mistake of every file at once, then checks the files together (each code used once, each
/// renewed code known). ``search(_:)`` finds procedures by code, title and fiche text, as typed.
///
/// ```swift
/// let catalog = try ProcedureCatalog.load(directory: URL(fileURLWithPath: "procedures"))
/// catalog.procedure(code: "BS")?.title     // "Demande de bourse scolaire"
/// catalog.search("bourse").map(\.code)     // ["BES", "BS", "RBS"]: titles sorted
/// ```
public struct ProcedureCatalog: Sendable {
    /// The procedures, sorted by title (case and accents ignored), then by code.
    public let procedures: [Procedure]
    /// The folded words of each procedure, in the order of ``procedures``.
    private let words: [SearchWords]

    /// The words a procedure is found by.
    private struct SearchWords: Sendable {
        /// The words of the code and of the title.
        var title: Set<String>
        /// The words of the fiche pratique.
        var sheet: Set<String>
    }

    /// A catalogue of these procedures (sorted by title).
    public init(procedures: [Procedure]) {
        let sorted = procedures
            .map { (key: SearchText.fold($0.title), procedure: $0) }
            .sorted { ($0.key, $0.procedure.code) < ($1.key, $1.procedure.code) }
            .map(\.procedure)
        self.procedures = sorted
        self.words = sorted.map { procedure in
            SearchWords(
                title: Set(SearchText.words(procedure.code + " " + procedure.title)),
                sheet: Set(procedure.sheet.sections.flatMap { SearchText.words($0.text) }))
        }
    }

    /// The procedure with this code (`bs` finds `BS`), if any.
    public func procedure(code: String) -> Procedure? {
        let code = code.trimmingCharacters(in: .whitespaces).uppercased()
        return procedures.first { $0.code == code }
    }

    /// The procedures where every word of `query` begins a word of the code, the title or the
    /// fiche pratique, case and accents ignored: those found by their code and title first, then
    /// those found through their fiche, each group by title. An empty query gives them all.
    public func search(_ query: String) -> [Procedure] {
        let terms = SearchText.words(query)
        if terms.isEmpty { return procedures }
        var byTitle: [Procedure] = []
        var bySheet: [Procedure] = []
        for (procedure, words) in zip(procedures, words) {
            let inTitle = terms.map { term in words.title.contains { $0.hasPrefix(term) } }
            if !inTitle.contains(false) {
                byTitle.append(procedure)
            } else if zip(terms, inTitle).allSatisfy({ term, found in found || words.sheet.contains { $0.hasPrefix(term) } }) {
                bySheet.append(procedure)
            }
        }
        return byTitle + bySheet
    }

    /// The largest procedure file read: the longest fiche pratique with its form takes a few
    /// tens of kilobytes.
    public static let maximumFileSize = 1024 * 1024

    /// Reads every procedure file of `directory`, in name order.
    ///
    /// Each procedure's ``Procedure/sourceFile`` is the folder's name and the file's, e.g.
    /// `procedures/bourse-scolaire.yaml`. Throws every mistake found, not only the first: those of
    /// each file, two files with the same code, a renewed code that no file declares, and a
    /// missing or empty folder (the error names the folder looked in).
    public static func load(directory: URL) throws(ProcedureCatalogError) -> ProcedureCatalog {
        let manager = FileManager.default
        let folder = directory.path
        let shown = directory.lastPathComponent
        func failure(_ message: String) -> ProcedureCatalogError {
            ProcedureCatalogError(errors: [ProcedureFileError(file: folder, message: message)])
        }
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw failure("dossier des démarches introuvable : créez-le et placez-y un fichier .yaml par démarche, "
                + "ou indiquez un autre dossier.")
        }
        guard isDirectory.boolValue else {
            throw failure("ce chemin est un fichier, pas le dossier des démarches : indiquez le dossier qui contient les fichiers .yaml.")
        }
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: folder)
        } catch {
            throw failure("dossier des démarches illisible : vérifiez ses droits d'accès.")
        }
        let files = names
            .filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }
            .filter { name in
                var isDirectory: ObjCBool = false
                return manager.fileExists(atPath: directory.appendingPathComponent(name).path, isDirectory: &isDirectory)
                    && !isDirectory.boolValue
            }
            .sorted()
        if files.isEmpty {
            throw failure("aucun fichier de démarche (.yaml) dans ce dossier : placez-y un fichier par démarche.")
        }

        var errors: [ProcedureFileError] = []
        var parsed: [ProcedureFileParser.Parsed] = []
        for name in files {
            let file = shown + "/" + name
            let filePath = directory.appendingPathComponent(name).path
            if let size = (try? manager.attributesOfItem(atPath: filePath))?[.size] as? Int, size > maximumFileSize {
                errors.append(ProcedureFileError(file: file, message: "fichier trop gros : \(FileSize.french(Int64(size))), "
                    + "\(FileSize.french(Int64(maximumFileSize))) au plus pour une démarche ; est-ce bien une fiche de démarche ?"))
                continue
            }
            guard let data = manager.contents(atPath: filePath) else {
                errors.append(ProcedureFileError(file: file, message: "fichier illisible : vérifiez ses droits d'accès."))
                continue
            }
            guard var text = String(data: data, encoding: .utf8) else {
                errors.append(ProcedureFileError(file: file, line: firstInvalidUTF8Line(data), message:
                    "caractère illisible : le fichier n'est pas en UTF-8 ; enregistrez-le en UTF-8 depuis l'éditeur."))
                continue
            }
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            do {
                parsed.append(try ProcedureFileParser.read(text, file: file))
            } catch {
                errors.append(error)
            }
        }

        var byCode: [String: Procedure] = [:]
        for entry in parsed {
            let procedure = entry.procedure
            if let first = byCode[procedure.code] {
                errors.append(ProcedureFileError(file: procedure.sourceFile, line: entry.codeLine, field: "code", message:
                    "le code « \(procedure.code) » est déjà celui de \(first.sourceFile) : "
                    + "donnez à chaque démarche un code différent."))
            } else {
                byCode[procedure.code] = procedure
            }
        }
        let someFilesFailed = parsed.count < files.count
        let known = byCode.keys.sorted().joined(separator: ", ")
        for entry in parsed {
            for (index, renewed) in entry.procedure.renews.enumerated() where byCode[renewed] == nil {
                errors.append(ProcedureFileError(
                    file: entry.procedure.sourceFile, line: entry.renewsLines[index], field: "renouvelle[\(index + 1)]",
                    message: "aucune démarche de \(shown)/ n'a le code « \(renewed) » (codes connus : \(known))"
                        + (someFilesFailed ? " ; si elle est dans un fichier en erreur, corrigez-le d'abord." : ".")))
            }
        }
        if !errors.isEmpty {
            let failed = Set(errors.map(\.file))
            let sound = byCode.values.filter { !failed.contains($0.sourceFile) }
            throw ProcedureCatalogError(errors: errors, usable: ProcedureCatalog(procedures: Array(sound)))
        }
        return ProcedureCatalog(procedures: parsed.map(\.procedure))
    }

    /// The line of the first byte of `data` that is not UTF-8.
    private static func firstInvalidUTF8Line(_ data: Data) -> Int? {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var line = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
            case .emptyInput: return nil
            case .error: return line
            }
        }
    }
}
