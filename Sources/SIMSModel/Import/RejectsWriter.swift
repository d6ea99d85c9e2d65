import CSV
import Foundation

/// Writes the lines an import refused, each with its line number and reason, as CSV
/// (`ligne,motif,contenu`) that a spreadsheet opens: cells that a spreadsheet would read as a
/// formula are neutralised (``SpreadsheetCell``), and the file is written like any output
/// (``OutputFile``): mode 0600, a previous rejects file replaced, never a link or a device. It also lists the lines imported without some of their values,
/// with « importé sans … » and why.
final class RejectsWriter {
    private let output: OutputFile?
    private let stream: BufferedFileStream
    private let writer: CSVWriter
    private(set) var count = 0
    let path: String

    init(path: String) throws {
        self.path = path
        let output = try OutputFile(path: path, replacing: true)
        self.output = output
        stream = BufferedFileStream(handle: output.handle)
        stream.open()
        writer = try CSVWriter(stream: stream)
        try writer.write(row: ["ligne", "motif", "contenu"])
    }

    /// Writes to a file already open (one the agent's own process opened and puts in place),
    /// which the agent calls `path`.
    init(handle: FileHandle, path: String) throws {
        self.path = path
        output = nil
        stream = BufferedFileStream(handle: handle)
        stream.open()
        writer = try CSVWriter(stream: stream)
        try writer.write(row: ["ligne", "motif", "contenu"])
    }

    func reject(line: Int, reason: String, raw: String) throws {
        count += 1
        try writer.write(row: [String(line), SpreadsheetCell.neutralised(reason), SpreadsheetCell.neutralised(raw)])
    }

    /// Writes a line that was imported all the same, with what was left out: not counted as refused.
    func note(line: Int, reason: String, raw: String) throws {
        try writer.write(row: [String(line), reason, raw].map(SpreadsheetCell.neutralised))
    }

    /// Puts the file in place.
    func close() {
        stream.close()
        try? output?.commit()
    }
}
