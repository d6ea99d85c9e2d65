import Foundation

/// What went wrong while scanning, with what the agent should do (in French, for the screen).
public enum ScanError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No scanner answered, or the configured device does not exist.
    case noScanner(device: String?)
    /// Another program (or another scan) holds the scanner.
    case busy
    /// The feeder had no sheet in it: nothing was scanned.
    case feederEmpty
    /// The agent cancelled the scan.
    case cancelled
    /// `scanimage` (package sane-utils) is not installed.
    case scanimageMissing(command: String)
    /// `img2pdf` is not installed.
    case img2pdfMissing(command: String)
    /// The pages could not be assembled into a PDF: img2pdf's message.
    case conversionFailed(String)
    /// scanimage stayed silent too long (a device that hangs): stopped after so many seconds.
    case noResponse(seconds: Int)
    /// Any other failure: scanimage's message.
    case failed(String)

    public var description: String {
        switch self {
        case .noScanner(let device):
            return "Aucun scanner trouvé" + (device.map { " (« \($0) »)" } ?? "")
                + " : vérifiez qu'il est allumé et relié au poste, puis réessayez. S'il l'est, faites vérifier"
                + " le réglage GUICHET_SCANNER par le support informatique."
        case .busy:
            return "Le scanner est occupé (une autre numérisation est en cours) : attendez un instant et réessayez."
        case .feederEmpty:
            return "Le chargeur est vide : posez les feuilles dans le chargeur du scanner et réessayez."
        case .cancelled:
            return "Numérisation annulée : rien n'a été joint."
        case .scanimageMissing(let command):
            return "Le programme de numérisation « \(command) » n'est pas installé sur ce poste (paquet sane-utils) :"
                + " appelez le support informatique."
        case .img2pdfMissing(let command):
            return "Le programme « \(command) » qui assemble les pages en PDF n'est pas installé sur ce poste"
                + " (paquet img2pdf) : appelez le support informatique."
        case .conversionFailed(let message):
            return "Les pages numérisées n'ont pas pu être assemblées en PDF (\(message)) : réessayez ; si cela"
                + " recommence, appelez le support informatique."
        case .noResponse(let seconds):
            return "Le scanner ne répond plus (rien depuis \(seconds) s) : la numérisation est arrêtée et rien n'a été joint."
                + " Éteignez et rallumez le scanner, puis réessayez."
        case .failed(let message):
            return "La numérisation a échoué : \(message). Vérifiez le scanner (papier coincé, capot ouvert) et réessayez."
        }
    }
}

/// A finished scan: one PDF holding every page, in a temporary folder of its own. Attach it
/// (``DocumentService/attach(fileAt:type:issuedOn:validUntil:pages:originalName:owners:dossierID:pieceKey:by:)``
/// copies it) then ``discard()`` the folder.
public struct ScanResult: Sendable, Equatable {
    public var pdf: URL
    public var pages: Int

    public init(pdf: URL, pages: Int) {
        self.pdf = pdf
        self.pages = pages
    }

    /// Removes the temporary folder of the scan.
    public func discard() {
        try? FileManager.default.removeItem(at: pdf.deletingLastPathComponent())
    }
}

/// Scans paper with SANE's `scanimage` in batch mode (every page of the feeder, or one page of
/// the flatbed), then assembles the pages, in order, into one PDF with `img2pdf` (lossless: the
/// PNG pages are embedded as they are).
///
/// ```
/// scanimage --batch=/tmp/guichet-scan-…/page%d.png --format=png [--batch-count=1] [-d DEVICE]
///           [--source SOURCE] --resolution 200 --mode Gray
/// img2pdf page1.png page2.png -o numerisation.pdf
/// ```
///
/// `scan` blocks: run it off the main thread; `progress` is called with the number of the page
/// being scanned (from scanimage's « Scanning page N » lines), on the scanning thread. `cancel()`
/// (from any thread) stops scanimage; `scan` then throws ``ScanError/cancelled``. On any error the
/// temporary folder is removed. (Named apart from Foundation's `Scanner`, a text parser.)
///
/// ```swift
/// let scanner = DocumentScanner(settings: .configured())
/// let result = try scanner.scan { page in print("page \(page)") }
/// defer { result.discard() }
/// try DocumentService(store: store).attach(fileAt: result.pdf, type: .proofOfAddress, pages: result.pages, owners: [id], by: agent)
/// ```
public final class DocumentScanner: @unchecked Sendable {
    public let settings: ScanSettings
    /// Added to the child processes' environment (e.g. `SANE_CONFIG_DIR` for tests).
    public let environment: [String: String]

    private let lock = NSLock()
    private var process: Process?
    private var isCancelled = false
    /// When scanimage last said something or wrote a page.
    private var lastActivity = Date()
    private var silenced = false

    public init(settings: ScanSettings, environment: [String: String] = [:]) {
        self.settings = settings
        self.environment = environment
    }

    /// Stops the scan in progress (or the next one, if called before it starts).
    public func cancel() {
        lock.lock()
        isCancelled = true
        lock.unlock()
        stopProcess()
    }

    /// Ends scanimage: SIGTERM, then SIGKILL if it is still there 2 s later.
    private func stopProcess() {
        lock.lock()
        let running = process
        lock.unlock()
        guard let running, running.isRunning else { return }
        running.terminate()
        // scanimage answers a first SIGTERM by cancelling the page, which can take a while on a
        // real device: make sure it ends.
        let pid = running.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + 2) {
            if running.isRunning, pid > 1 { kill(pid, SIGKILL) }
        }
    }

    public var cancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return isCancelled
    }

    /// Scans and returns the PDF; blocks until done. See the type's documentation.
    public func scan(progress: @escaping @Sendable (Int) -> Void = { _ in }) throws -> ScanResult {
        guard let scanimage = Self.executable(settings.scanimageCommand, environment: childEnvironment) else {
            throw ScanError.scanimageMissing(command: settings.scanimageCommand)
        }
        guard let img2pdf = Self.executable(settings.img2pdfCommand, environment: childEnvironment) else {
            throw ScanError.img2pdfMissing(command: settings.img2pdfCommand)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        do {
            let pages = try runScanimage(scanimage, into: directory, progress: progress)
            let pdf = directory.appendingPathComponent("numerisation.pdf")
            try assemble(pages, into: pdf, with: img2pdf)
            if cancelled { throw ScanError.cancelled }
            for page in pages { try? FileManager.default.removeItem(at: page) }
            return ScanResult(pdf: pdf, pages: pages.count)
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
    }

    private var childEnvironment: [String: String] {
        ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }

    /// Runs scanimage, reporting « Scanning page N »; returns the pages written, in order.
    private func runScanimage(_ executable: URL, into directory: URL,
                              progress: @escaping @Sendable (Int) -> Void) throws -> [URL] {
        let process = Process()
        process.executableURL = executable
        process.arguments = settings.scanimageArguments(batchPattern: directory.appendingPathComponent("page%d.png").path)
        process.environment = childEnvironment
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        lock.lock()
        if isCancelled {
            lock.unlock()
            throw ScanError.cancelled
        }
        self.process = process
        do {
            try process.run()
        } catch {
            self.process = nil
            lock.unlock()
            throw ScanError.scanimageMissing(command: settings.scanimageCommand)
        }
        lastActivity = Date()
        lock.unlock()
        defer {
            lock.lock()
            self.process = nil
            lock.unlock()
        }
        // A device that hangs must not leave the agent waiting for ever: stop it after a silence.
        let watchdog = Thread { [self] in watch(directory: directory) }
        watchdog.name = "guichet-numerisation-veille"
        watchdog.start()
        defer { watchdog.cancel() }

        let reader = errors.fileHandleForReading
        var collected = Data()
        var pending = ""
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            collected.append(chunk)
            noteActivity()
            pending += String(decoding: chunk, as: UTF8.self)
            while let newline = pending.firstIndex(where: { $0 == "\n" || $0 == "\r" }) {
                let line = String(pending[..<newline])
                pending = String(pending[pending.index(after: newline)...])
                if line.hasPrefix("Scanning page "), let page = Int(line.dropFirst("Scanning page ".count).prefix { $0.isNumber }) {
                    progress(page)
                }
            }
        }
        process.waitUntilExit()
        if cancelled { throw ScanError.cancelled }
        lock.lock()
        let wasSilenced = silenced
        lock.unlock()
        if wasSilenced { throw ScanError.noResponse(seconds: Int(settings.silenceLimit.rounded())) }

        let pages = Self.pages(in: directory)
        let stderr = String(decoding: collected, as: UTF8.self)
        let status = process.terminationStatus
        if process.terminationReason == .exit, status == 0, !pages.isEmpty { return pages }
        throw Self.error(stderr: stderr, status: status, pages: pages.count, device: settings.device)
    }

    private func noteActivity() {
        lock.lock()
        lastActivity = Date()
        lock.unlock()
    }

    /// Watches the running scanimage until it ends; stops it after ``ScanSettings/silenceLimit``
    /// without a new line on its error output or a new page file.
    private func watch(directory: URL) {
        var files = 0
        while !Thread.current.isCancelled {
            Thread.sleep(forTimeInterval: min(0.25, settings.silenceLimit / 4))
            let now = (try? FileManager.default.contentsOfDirectory(atPath: directory.path).count) ?? 0
            if now != files {
                files = now
                noteActivity()
            }
            lock.lock()
            let ended = process == nil
            let running = process?.isRunning ?? false
            let quiet = Date().timeIntervalSince(lastActivity)
            let stop = running && quiet > settings.silenceLimit && !silenced
            if stop { silenced = true }
            lock.unlock()
            if ended { return }
            if stop { stopProcess() }
        }
    }

    /// The finished pages (`pageN.png`, not scanimage's `.part` files), in page order.
    static func pages(in directory: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.compactMap { name -> (Int, URL)? in
            guard name.hasPrefix("page"), name.hasSuffix(".png"),
                  let number = Int(name.dropFirst(4).dropLast(4)) else { return nil }
            return (number, directory.appendingPathComponent(name))
        }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The error for scanimage's messages and exit status.
    static func error(stderr: String, status: Int32, pages: Int, device: String?) -> ScanError {
        let lowered = stderr.lowercased()
        if lowered.contains("device busy") { return .busy }
        if lowered.contains("no sane devices found")
            || (lowered.contains("open of device") && lowered.contains("invalid argument")) {
            return .noScanner(device: device)
        }
        if lowered.contains("out of documents"), pages == 0 { return .feederEmpty }
        let messages = stderr.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
            .filter { $0.hasPrefix("scanimage: ") }
            .map { String($0.dropFirst("scanimage: ".count)) }
        if let last = messages.last { return .failed(last) }
        if pages == 0 { return .failed("aucune page n'a été lue (code \(status))") }
        return .failed("scanimage s'est arrêté avec le code \(status)")
    }

    private func assemble(_ pages: [URL], into pdf: URL, with executable: URL) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = pages.map(\.path) + ["-o", pdf.path]
        process.environment = childEnvironment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw ScanError.img2pdfMissing(command: settings.img2pdfCommand)
        }
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0,
              FileManager.default.fileExists(atPath: pdf.path) else {
            let message = String(decoding: data, as: UTF8.self).split(separator: "\n").last.map(String.init)
            throw ScanError.conversionFailed(message ?? "code \(process.terminationStatus)")
        }
    }

    /// The program to run: a path as given, or the first match in `PATH`.
    static func executable(_ command: String, environment: [String: String]) -> URL? {
        if command.contains("/") {
            return FileManager.default.isExecutableFile(atPath: command) ? URL(fileURLWithPath: command) : nil
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = String(folder) + "/" + command
            if FileManager.default.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
        }
        return nil
    }
}
