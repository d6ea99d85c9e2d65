import Foundation

/// Where printed fiches pratiques go: a text file in the `fiches` folder beside the récépissés
/// (so beside the store), sent to the same printer as the récépissés when one is configured.
///
/// ```swift
/// let fiches = ProcedureSheetOutput(receipts: session.receipts)
/// let file = try fiches.write(grant)          // …/fiches/BS.txt
/// try fiches.print(file)                      // lp -d accueil-1 …/fiches/BS.txt
/// ```
public struct ProcedureSheetOutput: Sendable {
    /// The folder fiches are written to.
    public var directory: URL
    /// The récépissés' output, whose printer and print command are used.
    public var receipts: ReceiptOutput

    public init(receipts: ReceiptOutput) {
        self.receipts = receipts
        directory = receipts.directory.deletingLastPathComponent().appendingPathComponent("fiches")
    }

    /// The printer fiches are sent to, or nil when none is configured.
    public var printer: String? { receipts.printer }

    /// Writes the fiche pratique of `procedure` as printable text (temporary file, then rename)
    /// and returns its file, `fiches/<code>.txt`.
    @discardableResult
    public func write(_ procedure: Procedure) throws -> URL {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let file = directory.appendingPathComponent(procedure.code + ".txt")
        try Data(ProcedureSheetText.render(procedure).utf8).write(to: file, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        return file
    }

    /// Sends a written fiche to the configured printer. Throws a French message when no printer
    /// is configured or the print command fails.
    public func print(_ file: URL) throws {
        guard printer != nil else {
            throw ValidationError(field: nil, message: "Aucune imprimante configurée (variable GUICHET_IMPRIMANTE) : "
                + "la fiche est enregistrée dans \(file.path).")
        }
        try receipts.print(file)
    }
}
