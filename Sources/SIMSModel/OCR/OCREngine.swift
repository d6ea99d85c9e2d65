import Foundation

/// Reads the text of one image or PDF with tesseract (French model), one child process at a time,
/// at low priority (`nice -n 19`) and on one thread (`OMP_THREAD_LIMIT=1`), so that the agents'
/// screens keep the processor.
///
/// PDFs are first rasterised page by page (`pdftoppm -r 150 -png`, at most ``maximumPages``)
/// into a temporary folder. The commands can be replaced (tests, other installs) with
/// `GUICHET_COMMANDE_TESSERACT` and `GUICHET_COMMANDE_PDFTOPPM`.
///
/// ```swift
/// let engine = OCREngine()
/// if case .available = engine.availability() {
///     let text = try engine.read(fileAt: URL(fileURLWithPath: "scan.png"))
/// }
/// ```
public struct OCREngine: Sendable {
    /// The pages of a PDF that are read; later pages are ignored.
    public static let maximumPages = 5
    /// The language model used.
    public static let language = "fra"

    public let tesseract: String
    public let pdftoppm: String
    /// `nice`, when found: the OCR processes run at priority 19.
    public let nice: String?
    /// How long one child process may run before it is stopped.
    public var timeout: TimeInterval
    private let environment: [String: String]

    /// Whether tesseract and its French model are there.
    public enum Availability: Sendable, Equatable {
        case available
        /// Why not, in French, for the screens and logs.
        case unavailable(String)
    }

    /// A failure reading one file, its reason in French.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var reason: String
        public init(_ reason: String) { self.reason = reason }
        public var description: String { reason }
    }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, timeout: TimeInterval = 180) {
        self.environment = environment
        self.timeout = timeout
        tesseract = Self.resolve(environment["GUICHET_COMMANDE_TESSERACT"] ?? "tesseract", environment: environment)
        pdftoppm = Self.resolve(environment["GUICHET_COMMANDE_PDFTOPPM"] ?? "pdftoppm", environment: environment)
        nice = Self.which("nice", environment: environment)
    }

    /// Runs `tesseract --list-langs` and looks for the French model.
    public func availability() -> Availability {
        guard FileManager.default.isExecutableFile(atPath: tesseract) else {
            return .unavailable("tesseract est introuvable (\(tesseract)) : installez tesseract-ocr et tesseract-ocr-fra.")
        }
        let result: (status: Int32, output: Data, errors: String)
        do {
            result = try run(tesseract, ["--list-langs"], lowPriority: false)
        } catch {
            return .unavailable("tesseract ne démarre pas : \(error).")
        }
        // Older versions print the list on stderr.
        let listed = String(decoding: result.output, as: UTF8.self) + "\n" + result.errors
        let languages = listed.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard result.status == 0, languages.contains(Self.language) else {
            return .unavailable("le modèle français de tesseract (fra) est absent : installez tesseract-ocr-fra.")
        }
        return .available
    }

    /// The text of an image or a PDF (its first ``maximumPages`` pages, separated by a blank line).
    public func read(fileAt file: URL, extension fileExtension: String? = nil) throws(Failure) -> String {
        let ext = (fileExtension ?? file.pathExtension).lowercased()
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw Failure("le fichier \(file.lastPathComponent) est introuvable.")
        }
        if ext == "pdf" || Self.startsWithPDFHeader(file) {
            return try readPDF(file)
        }
        return try readImage(file)
    }

    private func readImage(_ image: URL) throws(Failure) -> String {
        let result: (status: Int32, output: Data, errors: String)
        do {
            result = try run(tesseract, [image.path, "stdout", "-l", Self.language], lowPriority: true)
        } catch {
            throw Failure("tesseract ne démarre pas : \(error).")
        }
        guard result.status == 0 else {
            throw Failure("tesseract a échoué (code \(result.status))" + Self.firstLine(result.errors))
        }
        return Self.clean(String(decoding: result.output, as: UTF8.self))
    }

    private func readPDF(_ pdf: URL) throws(Failure) -> String {
        let fm = FileManager.default
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("guichet-ocr-" + UUID().uuidString)
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw Failure("impossible de créer un dossier temporaire : \(error).")
        }
        defer { try? fm.removeItem(at: folder) }
        let result: (status: Int32, output: Data, errors: String)
        do {
            result = try run(pdftoppm, ["-r", "150", "-png", "-f", "1", "-l", String(Self.maximumPages), pdf.path,
                                        folder.appendingPathComponent("page").path], lowPriority: true)
        } catch {
            throw Failure("pdftoppm ne démarre pas : \(error).")
        }
        guard result.status == 0 else {
            throw Failure("le PDF est illisible (pdftoppm, code \(result.status))" + Self.firstLine(result.errors))
        }
        let pages = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".png") }.sorted()
        guard !pages.isEmpty else { throw Failure("le PDF n'a aucune page lisible.") }
        var texts: [String] = []
        for page in pages.prefix(Self.maximumPages) {
            texts.append(try readImage(folder.appendingPathComponent(page)))
        }
        return texts.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    /// Runs a program, its output read to the end; errors go to a temporary file (no pipe to fill).
    private func run(_ executable: String, _ arguments: [String], lowPriority: Bool) throws -> (status: Int32, output: Data, errors: String) {
        let process = Process()
        if lowPriority, let nice {
            process.executableURL = URL(fileURLWithPath: nice)
            process.arguments = ["-n", "19", executable] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
        }
        var childEnvironment = environment
        childEnvironment["OMP_THREAD_LIMIT"] = "1"
        process.environment = childEnvironment
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        let errorPath = NSTemporaryDirectory() + "guichet-ocr-err-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: errorPath, contents: nil, attributes: [.posixPermissions: 0o600])
        defer { try? FileManager.default.removeItem(atPath: errorPath) }
        let errorHandle = FileHandle(forWritingAtPath: errorPath)
        process.standardError = errorHandle ?? FileHandle.nullDevice
        try process.run()
        let running = RunningProcess(process)
        let deadline = DispatchWorkItem { running.stop() }
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + timeout, execute: deadline)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        deadline.cancel()
        try? errorHandle?.close()
        let errors = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        return (process.terminationStatus, data, errors)
    }

    /// Trims each line's trailing spaces, drops form feeds and runs of blank lines.
    static func clean(_ text: String) -> String {
        var lines: [String] = []
        var blank = false
        for raw in text.replacingOccurrences(of: "\u{0C}", with: "\n").split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                if !lines.isEmpty { blank = true }
                continue
            }
            if blank { lines.append("") }
            blank = false
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    private static func firstLine(_ errors: String) -> String {
        guard let line = errors.split(whereSeparator: \.isNewline).first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        else { return "." }
        return " : " + String(line.prefix(160)) + "."
    }

    private static func startsWithPDFHeader(_ file: URL) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: file.path) else { return false }
        defer { try? handle.close() }
        return (try? handle.read(upToCount: 5)) == Data("%PDF-".utf8)
    }

    /// A command given by path, or looked up on PATH (kept as given when not found, so the
    /// message names it).
    static func resolve(_ command: String, environment: [String: String]) -> String {
        if command.contains("/") { return command }
        return which(command, environment: environment) ?? command
    }

    static func which(_ name: String, environment: [String: String]) -> String? {
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// A child process that a timer may stop from another thread.
private final class RunningProcess: @unchecked Sendable {
    private let process: Process
    init(_ process: Process) { self.process = process }
    func stop() { if process.isRunning { process.terminate() } }
}
