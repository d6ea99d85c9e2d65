/// Where reading a document's text stands.
public enum OCRState: String, Sendable, Codable {
    /// Waiting for the OCR worker.
    case pending = "en_attente"
    /// Read: its text is in the store.
    case done = "lu"
    /// tesseract (or its French model) is not installed: the file is kept, its text is not read.
    case unavailable = "indisponible"
    /// tesseract failed on this file.
    case failed = "echec"

    /// The French label for the screens.
    public var label: String {
        switch self {
        case .pending: return "lecture en attente"
        case .done: return "texte lu"
        case .unavailable: return "OCR indisponible"
        case .failed: return "lecture impossible"
        }
    }
}
