import Foundation
import XCTest

/// Runs the real `guichet` binary built beside the tests, as an agent would from a shell.
struct GuichetProcess {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let directory: String
    var database: String { directory + "/sims.sqlite" }

    init() throws {
        directory = try TemporaryFolder.make("guichet-cli-")
    }

    /// The `guichet` executable in the build folder of the test bundle.
    static var executable: String {
        var url = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = url.appendingPathComponent("guichet").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            url = url.deletingLastPathComponent()
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            let candidate = bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("guichet").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return ".build/debug/guichet"
    }

    /// Runs `guichet ARGS` as `login` (root may act as another login through GUICHET_LOGIN).
    @discardableResult
    func run(_ arguments: [String], as login: String = "admin", extraEnvironment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["GUICHET_DB"] = database
        environment["GUICHET_LOGIN"] = login
        environment["XDG_DATA_HOME"] = directory + "/data"
        environment.merge(extraEnvironment) { $1 }
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        return try Self.outcome(of: process)
    }

    /// Runs `process` to its end, and returns its status and what it wrote.
    static func outcome(of process: Process) throws -> Result {
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    func write(_ name: String, _ text: String) -> String {
        let path = directory + "/" + name
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(text.utf8)))
        return path
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }
}
