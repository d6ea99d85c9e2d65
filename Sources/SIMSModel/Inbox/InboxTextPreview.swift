import Foundation

/// The first lines of text of a file of the inbox folder, to recognise it before attaching it:
/// for a PDF, read by `pdftotext` (poppler-utils) from its first page; for an image, a note that
/// the OCR will read it later.
public enum InboxTextPreview {
    /// Shown when a PDF has no text layer, or `pdftotext` is missing or fails.
    public static let noText = "(pas de texte lisible)"
    /// Shown for images.
    public static let image = "(image : le texte sera lu par l'OCR)"

    /// Up to `count` non-empty lines (trimmed, spaces collapsed, at most 120 characters each).
    public static func firstLines(of file: URL, kind: InboxFileKind, count: Int = 3,
                                  timeout: TimeInterval = 5) -> [String] {
        guard kind == .pdf else { return [image] }
        guard let text = pdfText(file, timeout: timeout) else { return [noText] }
        let lines = lines(in: text, count: count)
        return lines.isEmpty ? [noText] : lines
    }

    /// The first `count` non-empty lines of `text`, spaces collapsed.
    public static func lines(in text: String, count: Int) -> [String] {
        var found: [String] = []
        for line in text.split(whereSeparator: { $0.isNewline || $0 == "\u{0C}" }) {
            let words = line.split(whereSeparator: { $0.isWhitespace || $0.unicodeScalars.allSatisfy { $0.properties.generalCategory == .control } })
            guard !words.isEmpty else { continue }
            found.append(String(words.joined(separator: " ").prefix(120)))
            if found.count == count { break }
        }
        return found
    }

    /// `pdftotext -l 1 -enc UTF-8 file -`, or nil when it is not installed, fails or takes too long.
    static func pdfText(_ file: URL, timeout: TimeInterval) -> String? {
        guard let tool = executable("pdftotext") else { return nil }
        let process = Process()
        process.executableURL = tool
        process.arguments = ["-l", "1", "-enc", "UTF-8", file.path, "-"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { kill(pid, SIGTERM) }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else { return nil }
        return String(decoding: data.prefix(64 * 1024), as: UTF8.self)
    }

    /// The program `name` found on the PATH.
    static func executable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
