import CSV
import Foundation

/// Writes the lines an import refused, each with its line number and reason, as CSV
/// (`ligne,motif,contenu`) that a spreadsheet opens; and the lines imported without some of
/// their values, with « importé sans … » and why.
final class RejectsWriter {
    private let writer: CSVWriter
    private(set) var count = 0
    let path: String

    init(path: String) throws {
        self.path = path
        guard let stream = OutputStream(toFileAtPath: path, append: false) else {
            throw ValidationError(field: nil, message: "Impossible d'écrire le fichier des rejets \(path) : vérifiez le dossier et ses droits.")
        }
        writer = try CSVWriter(stream: stream)
        try writer.write(row: ["ligne", "motif", "contenu"])
    }

    func reject(line: Int, reason: String, raw: String) throws {
        count += 1
        try writer.write(row: [String(line), reason, raw])
    }

    /// Writes a line that was imported all the same, with what was left out: not counted as refused.
    func note(line: Int, reason: String, raw: String) throws {
        try writer.write(row: [String(line), reason, raw])
    }

    func close() { writer.stream.close() }
}
