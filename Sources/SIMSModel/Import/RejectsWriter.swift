import CSV
import Foundation

/// Writes the lines an import refused, each with its line number and reason, as CSV
/// (`ligne,motif,contenu`) that a spreadsheet opens: cells that a spreadsheet would read as a
/// formula are neutralised (``SpreadsheetCell``), and the file is written like any output
/// (``OutputFile``): mode 0600, a previous rejects file replaced, never a link or a device. It also lists the lines imported without some of their values,
/// with « importé sans … » and why. An import that refused nothing and noted nothing writes no
/// file (a file already at that path is left as it was); on a shared host, where the agent's own
/// process places the file, it stays empty, without even the header.
final class RejectsWriter {
    private let output: OutputFile?
    private let stream: BufferedFileStream
    private let writer: CSVWriter
    private(set) var count = 0
    /// Lines written below the header (refused or noted).
    private var lines = 0
    private var closed = false
    let path: String

    init(path: String) throws {
        self.path = path
        let output = try OutputFile(path: path, replacing: true)
        self.output = output
        stream = BufferedFileStream(handle: output.handle)
        stream.open()
        writer = try CSVWriter(stream: stream)
    }

    /// Writes to a file already open (one the agent's own process opened and puts in place),
    /// which the agent calls `path`.
    init(handle: FileHandle, path: String) throws {
        self.path = path
        output = nil
        stream = BufferedFileStream(handle: handle)
        stream.open()
        writer = try CSVWriter(stream: stream)
    }

    func reject(line: Int, reason: String, raw: String) throws {
        count += 1
        try write([String(line), SpreadsheetCell.neutralised(reason), SpreadsheetCell.neutralised(raw)])
    }

    /// Writes a line that was imported all the same, with what was left out: not counted as refused.
    func note(line: Int, reason: String, raw: String) throws {
        try write([String(line), reason, raw].map(SpreadsheetCell.neutralised))
    }

    /// Writes a row, the header first when it is the first: a file without rows holds nothing.
    private func write(_ row: [String]) throws {
        if lines == 0 { try writer.write(row: ["ligne", "motif", "contenu"]) }
        lines += 1
        try writer.write(row: row)
    }

    /// Whether the file holds any line (and so is put in place at ``close()``).
    var isEmpty: Bool { lines == 0 }

    /// Puts the file in place, or, when it holds no line, writes none.
    func close() {
        guard !closed else { return }
        closed = true
        stream.close()
        if lines == 0 {
            output?.discard()
        } else {
            try? output?.commit()
        }
    }
}
