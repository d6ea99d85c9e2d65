import Foundation
import SIMSModel
import XCTest

/// The scanner against SANE's test backend (a virtual device, configured in a temporary
/// `SANE_CONFIG_DIR`: /etc is never touched), and a fake scanimage for the errors it cannot give.
final class ScannerTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        guard Self.installed("scanimage"), Self.installed("img2pdf") else {
            throw XCTSkip("scanimage (sane-utils) and img2pdf are needed")
        }
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-scanner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    static func installed(_ command: String) -> Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(command)") }
    }

    /// A SANE configuration with only the test backend; `testConf` lines go to its test.conf.
    func saneEnvironment(_ testConf: [String] = []) throws -> [String: String] {
        let config = directory.appendingPathComponent("sane.d")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "test\n".write(to: config.appendingPathComponent("dll.conf"), atomically: true, encoding: .utf8)
        try (["number_of_devices 1"] + testConf).joined(separator: "\n")
            .write(to: config.appendingPathComponent("test.conf"), atomically: true, encoding: .utf8)
        return ["SANE_CONFIG_DIR": config.path]
    }

    /// A fake scanimage printing `stderr` and exiting with `status`.
    func fakeScanimage(stderr: String, status: Int32) throws -> String {
        let script = directory.appendingPathComponent("scanimage-factice")
        try "#!/bin/sh\nprintf '%s\\n' '\(stderr)' >&2\nexit \(status)\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return script.path
    }

    func pdfPages(_ url: URL) throws -> Int {
        let data = try Data(contentsOf: url)
        XCTAssertEqual(String(decoding: data.prefix(4), as: UTF8.self), "%PDF")
        let text = String(decoding: data, as: UTF8.self)   // one « /Type /Page » object per page
        let pattern = try NSRegularExpression(pattern: "/Type\\s*/Page\\b")
        return pattern.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
    }

    func leftovers() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path)) ?? [])
            .filter { $0.hasPrefix("guichet-scan-") }
    }

    final class Pages: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [Int] = []
        func add(_ page: Int) { lock.lock(); seen.append(page); lock.unlock() }
        var all: [Int] { lock.lock(); defer { lock.unlock() }; return seen }
    }

    func testTheArgumentsFollowTheSettings() {
        let flatbed = ScanSettings.configured(environment: ["GUICHET_SCANNER": "test", "GUICHET_SCANNER_RESOLUTION": "300"])
        XCTAssertEqual(flatbed.scanimageArguments(batchPattern: "/t/page%d.png"),
                       ["--batch=/t/page%d.png", "--format=png", "--batch-count=1", "-d", "test",
                        "--resolution", "300", "--mode", "Gray"])
        let feeder = ScanSettings.configured(environment: ["GUICHET_SCANNER_SOURCE": "ADF Duplex", "GUICHET_SCANNER_MODE": "Color",
                                                           "GUICHET_COMMANDE_SCANIMAGE": "/opt/scanimage"])
        XCTAssertEqual(feeder.scanimageArguments(batchPattern: "p%d.png"),
                       ["--batch=p%d.png", "--format=png", "--source", "ADF Duplex", "--resolution", "200", "--mode", "Color"])
        XCTAssertEqual(feeder.scanimageCommand, "/opt/scanimage")
        XCTAssertEqual(ScanSettings.configured(environment: ["GUICHET_SCANNER_RESOLUTION": "beaucoup"]).resolution, 200)
    }

    func testTwoPagesFromTheFeederMakeOneTwoPagePDF() throws {
        var settings = ScanSettings(device: "test", source: "Automatic Document Feeder", maxPages: 2)
        settings.silenceLimit = 30   // a hung test backend fails the test instead of blocking the run
        let pages = Pages()
        let result = try DocumentScanner(settings: settings, environment: try saneEnvironment()).scan { pages.add($0) }
        defer { result.discard() }
        XCTAssertEqual(result.pages, 2)
        XCTAssertEqual(pages.all, [1, 2])
        XCTAssertEqual(try pdfPages(result.pdf), 2)
        if Self.installed("pdfinfo") {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["pdfinfo", result.pdf.path]
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertTrue(text.contains("Pages:           2"), text)
        }
        result.discard()
        XCTAssertFalse(FileManager.default.fileExists(atPath: result.pdf.deletingLastPathComponent().path))
    }

    func testTheWholeFeederIsScannedWhenNoLimitIsSet() throws {
        // The test backend's feeder is « empty » after 10 sheets: scanimage stops there, normally.
        var settings = ScanSettings(device: "test", source: "Automatic Document Feeder", resolution: 50)
        settings.silenceLimit = 30   // a hung test backend fails the test instead of blocking the run
        let result = try DocumentScanner(settings: settings, environment: try saneEnvironment()).scan()
        defer { result.discard() }
        XCTAssertEqual(result.pages, 10)
        XCTAssertEqual(try pdfPages(result.pdf), 10)
    }

    func testTheFlatbedGivesOnePage() throws {
        var settings = ScanSettings(device: "test", source: "Flatbed")
        settings.silenceLimit = 30   // a hung test backend fails the test instead of blocking the run
        let result = try DocumentScanner(settings: settings, environment: try saneEnvironment()).scan()
        defer { result.discard() }
        XCTAssertEqual(result.pages, 1)
        XCTAssertEqual(try pdfPages(result.pdf), 1)
    }

    func testAMissingDeviceSaysNoScannerWasFound() throws {
        let before = Set(leftovers())
        let settings = ScanSettings(device: "nosuchdevice")
        XCTAssertThrowsError(try DocumentScanner(settings: settings, environment: try saneEnvironment()).scan()) { error in
            XCTAssertEqual(error as? ScanError, .noScanner(device: "nosuchdevice"))
            XCTAssertTrue("\(error)".hasPrefix("Aucun scanner trouvé (« nosuchdevice »)"), "\(error)")
        }
        XCTAssertEqual(Set(leftovers()), before, "the temporary folder is removed")
    }

    func testNoDeviceAtAllSaysNoScannerWasFound() throws {
        let config = directory.appendingPathComponent("vide")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
        try "\n".write(to: config.appendingPathComponent("dll.conf"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try DocumentScanner(settings: ScanSettings(), environment: ["SANE_CONFIG_DIR": config.path]).scan()) {
            XCTAssertEqual($0 as? ScanError, .noScanner(device: nil))
        }
    }

    func testAnEmptyFeederAsksForTheSheets() throws {
        // scanimage's own message when sane_start finds the feeder empty. (The test backend's
        // « SANE_STATUS_NO_DOCS » read status sometimes leaves scanimage hanging: not used here.)
        let fake = try fakeScanimage(stderr: "scanimage: sane_start: Document feeder out of documents", status: 7)
        XCTAssertThrowsError(try DocumentScanner(settings: ScanSettings(source: "ADF", scanimageCommand: fake)).scan()) { error in
            XCTAssertEqual(error as? ScanError, .feederEmpty)
            XCTAssertTrue("\(error)".hasPrefix("Le chargeur est vide : posez les feuilles"), "\(error)")
        }
    }

    func testAScannerThatHangsIsStoppedAfterItsSilence() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scanimage-muet-\(UUID().uuidString)")
        try "#!/bin/sh\necho \"Scanning page 1\" >&2\nexec sleep 60\n".write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        defer { try? FileManager.default.removeItem(at: url) }
        var settings = ScanSettings(source: "ADF", scanimageCommand: url.path)
        settings.silenceLimit = 1
        let before = Set(leftovers())
        let started = Date()
        XCTAssertThrowsError(try DocumentScanner(settings: settings).scan()) { error in
            XCTAssertEqual(error as? ScanError, .noResponse(seconds: 1))
            XCTAssertTrue("\(error)".hasPrefix("Le scanner ne répond plus (rien depuis 1 s)"), "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        XCTAssertEqual(Set(leftovers()), before, "the temporary folder is removed")
    }

    func testABusyScannerSaysSo() throws {
        // scanimage's own message when another program holds the scanner. (The test backend's
        // « SANE_STATUS_DEVICE_BUSY » read status sometimes leaves scanimage hanging, like its
        // NO_DOCS: not used here.)
        let fake = try fakeScanimage(stderr: "scanimage: open of device test failed: Device busy", status: 1)
        XCTAssertThrowsError(try DocumentScanner(settings: ScanSettings(device: "test", scanimageCommand: fake)).scan()) { error in
            XCTAssertEqual(error as? ScanError, .busy)
            XCTAssertTrue("\(error)".hasPrefix("Le scanner est occupé"), "\(error)")
        }
    }

    func testOtherFailuresGiveScanimagesMessage() throws {
        let fake = try fakeScanimage(stderr: "scanimage: sane_read: Document feeder jammed", status: 8)
        XCTAssertThrowsError(try DocumentScanner(settings: ScanSettings(scanimageCommand: fake)).scan()) {
            XCTAssertEqual($0 as? ScanError, .failed("sane_read: Document feeder jammed"))
            XCTAssertTrue("\($0)".contains("La numérisation a échoué : sane_read: Document feeder jammed"))
        }
    }

    func testMissingProgramsAreNamed() throws {
        XCTAssertThrowsError(try DocumentScanner(settings: ScanSettings(scanimageCommand: "/nulle/part/scanimage")).scan()) {
            XCTAssertEqual($0 as? ScanError, .scanimageMissing(command: "/nulle/part/scanimage"))
            XCTAssertTrue("\($0)".contains("n'est pas installé"))
        }
        XCTAssertThrowsError(try DocumentScanner(settings: ScanSettings(img2pdfCommand: "img2pdf-absent")).scan()) {
            XCTAssertEqual($0 as? ScanError, .img2pdfMissing(command: "img2pdf-absent"))
        }
    }

    func testCancellingAfterTheFirstPageReturnsNothing() throws {
        // 200 ms per buffer: a page takes about 1.5 s, time enough to cancel during the second.
        var settings = ScanSettings(device: "test", source: "Automatic Document Feeder", maxPages: 3)
        settings.silenceLimit = 30   // a hung test backend fails the test instead of blocking the run
        let environment = try saneEnvironment(["read-delay true", "read-delay-duration 200000"])
        let scanner = DocumentScanner(settings: settings, environment: environment)
        let before = Set(leftovers())
        let started = Date()
        XCTAssertThrowsError(try scanner.scan { page in if page == 2 { scanner.cancel() } }) { error in
            XCTAssertEqual(error as? ScanError, .cancelled)
            XCTAssertEqual("\(error)", "Numérisation annulée : rien n'a été joint.")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 4, "scanimage stops at once")
        XCTAssertEqual(Set(leftovers()), before, "the temporary folder is removed")
    }
}
