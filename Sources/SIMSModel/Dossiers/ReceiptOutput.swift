import Foundation

/// Where récépissés go: a text file in the `recepisses` folder beside the store, and the printer
/// named in the configuration (`GUICHET_IMPRIMANTE`), through `lp`, when there is one.
///
/// ```swift
/// let output = ReceiptOutput(storePath: store.path, printer: "accueil-1")
/// let file = try output.write(receipt)       // …/recepisses/BS-2026-000123.txt
/// try output.print(file)                     // lp -d accueil-1 …
/// ```
public struct ReceiptOutput: Sendable {
    /// The folder receipts are written to.
    public var directory: URL
    /// The `lp` destination, or nil when no printer is configured.
    public var printer: String?
    /// The print command (tests replace it).
    public var printCommand: String

    public init(storePath: String, printer: String?, printCommand: String = "lp") {
        directory = URL(fileURLWithPath: storePath).deletingLastPathComponent().appendingPathComponent("recepisses")
        self.printer = printer.flatMap { $0.isEmpty ? nil : $0 }
        self.printCommand = printCommand
    }

    /// The output configured by the environment: `GUICHET_IMPRIMANTE` names the printer.
    public static func configured(storePath: String, environment: [String: String]) -> ReceiptOutput {
        ReceiptOutput(storePath: storePath, printer: environment["GUICHET_IMPRIMANTE"],
                      printCommand: environment["GUICHET_COMMANDE_IMPRESSION"] ?? "lp")
    }

    /// Writes the receipt's text completely (temporary file, then rename) and returns its file.
    @discardableResult
    public func write(_ receipt: Receipt) throws -> URL {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let file = directory.appendingPathComponent(receipt.number + ".txt")
        try Data(receipt.text.utf8).write(to: file, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        return file
    }

    /// Sends a file to the configured printer. Throws a French message when no printer is
    /// configured or `lp` fails.
    public func print(_ file: URL) throws {
        guard let printer else {
            throw ValidationError(field: nil, message: "Aucune imprimante configurée (variable GUICHET_IMPRIMANTE) : "
                + "le récépissé est enregistré dans \(file.path).")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [printCommand, "-d", printer, file.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do { try process.run() } catch {
            throw ValidationError(field: nil, message: "Impression impossible : la commande \(printCommand) est introuvable.")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            throw ValidationError(field: nil, message: "Impression impossible sur \(printer) : "
                + (reason.isEmpty ? "code \(process.terminationStatus)" : reason) + ".")
        }
    }
}
