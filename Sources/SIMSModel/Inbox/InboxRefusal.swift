/// Why a file of the inbox folder is not offered for attachment. A refused file is left where it
/// is, never moved or deleted: the agent (or whoever put it there) decides what to do with it.
public enum InboxRefusal: Sendable, Equatable {
    /// Its name starts with a dot.
    case hidden
    /// Its name ends with `~`, `.part` or `.tmp`: a copy still being written, or a leftover.
    case temporary
    /// Its name holds control characters (a newline, a tab...).
    case controlCharacters
    /// Its name is not valid UTF-8.
    case invalidEncoding
    /// Its name is longer than ``InboxFolder/maximumNameBytes`` bytes.
    case nameTooLong
    /// A symbolic link (never followed).
    case symbolicLink
    /// A directory, a named pipe, a device...
    case notRegularFile
    case empty
    /// Larger than the folder's limit, in bytes.
    case tooLarge(limit: Int64)
    /// Its first bytes are not those of a PDF, PNG, JPEG or TIFF file.
    case notDocument
    /// It could not be opened for reading.
    case unreadable

    /// The reason, in French, as shown to agents.
    public var reason: String {
        switch self {
        case .hidden: return "fichier caché (son nom commence par un point)"
        case .temporary: return "fichier temporaire (copie sans doute en cours)"
        case .controlCharacters: return "nom de fichier invalide (caractères de contrôle)"
        case .invalidEncoding: return "nom de fichier invalide (encodage non UTF-8)"
        case .nameTooLong: return "nom de fichier trop long (plus de \(InboxFolder.maximumNameBytes) octets)"
        case .symbolicLink: return "lien symbolique : déposez le fichier lui-même"
        case .notRegularFile: return "ce n'est pas un fichier ordinaire (dossier, tube...)"
        case .empty: return "fichier vide"
        case .tooLarge(let limit): return "fichier trop volumineux (plus de \(InboxFile.sizeLabel(limit)))"
        case .notDocument: return "ce fichier n'est pas un document (PDF, PNG, JPEG ou TIFF)"
        case .unreadable: return "fichier illisible (droits d'accès ?)"
        }
    }
}
