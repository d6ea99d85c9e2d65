/// What ``DocumentFileVerifier`` found: the documents whose file is missing or altered, and the
/// stored files no document names (left by a crash between the file and its row; harmless).
public struct DocumentFilesReport: Sendable, Equatable {
    public var checked: Int
    /// « Pièce n° 12 (Justificatif de domicile) : fichier … manquant ».
    public var missing: [String]
    public var corrupt: [String]
    public var orphans: Int

    public var isSound: Bool { missing.isEmpty && corrupt.isEmpty }
}
