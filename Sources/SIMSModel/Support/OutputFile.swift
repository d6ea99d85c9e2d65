import Foundation

/// A file an administrator asked for (`--sortie`, a rejects file), written safely: only ever a
/// regular file, never a device, a folder or a symbolic link followed or replaced; an existing
/// file is kept unless replacing it was asked for; the content goes to a temporary file of mode
/// 0600 in the same folder, renamed into place once complete, so that a half-written file never
/// appears under the name.
///
/// ```swift
/// let output = try OutputFile(path: "dossiers.csv", replacing: false)
/// try output.handle.write(contentsOf: Data("numero\r\n".utf8))
/// try output.commit()
/// ```
public final class OutputFile {
    /// The path asked for.
    public let path: String
    /// Where the content is written until ``commit()``.
    public let handle: FileHandle
    private let temporary: String
    private let replacing: Bool
    private var done = false

    /// Checks `path` and opens a temporary file beside it; throws a French message when the
    /// path is not a place for a new regular file.
    public init(path: String, replacing: Bool) throws {
        self.path = path
        self.replacing = replacing
        try Self.checkDestination(path, replacing: replacing)
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var info = stat()
        if stat(folder, &info) != 0, errno == EACCES {
            throw ValidationError(field: nil, message: "Impossible d'écrire \(ShownText.escaped(path, limit: 200)) : vous n'avez pas "
                + "accès au dossier \(ShownText.escaped(folder, limit: 200)) ; choisissez un dossier à vous (par ex. votre dossier personnel).")
        }
        guard stat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw ValidationError(field: nil, message: "Impossible d'écrire \(ShownText.escaped(path, limit: 200)) : "
                + "le dossier \(ShownText.escaped(folder, limit: 200)) n'existe pas.")
        }
        temporary = folder + "/." + url.lastPathComponent + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            if errno == EACCES {
                throw ValidationError(field: nil, message: "Impossible d'écrire dans le dossier \(ShownText.escaped(folder, limit: 200)) : "
                    + "vous n'y avez pas le droit d'écrire ; choisissez un dossier à vous (par ex. votre dossier personnel).")
            }
            throw ValidationError(field: nil, message: "Impossible d'écrire dans le dossier \(ShownText.escaped(folder, limit: 200)) : "
                + "\(String(cString: strerror(errno))) ; vérifiez ses droits.")
        }
        fchmod(fd, 0o600)
        handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    deinit { discard() }

    /// Refuses a path that holds anything but a regular file, and a regular file unless
    /// `replacing`.
    public static func checkDestination(_ path: String, replacing: Bool) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        let shown = ShownText.escaped(path, limit: 200)
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            guard replacing else {
                throw ValidationError(field: nil, message: "Le fichier \(shown) existe déjà : choisissez un autre nom, "
                    + "ou ajoutez --ecraser pour le remplacer.")
            }
        case S_IFLNK:
            throw ValidationError(field: nil, message: "\(shown) est un lien symbolique : Guichet n'écrit que dans un "
                + "fichier ordinaire ; indiquez le chemin du fichier lui-même.")
        case S_IFDIR:
            throw ValidationError(field: nil, message: "\(shown) est un dossier : indiquez un nom de fichier dans ce dossier.")
        default:
            throw ValidationError(field: nil, message: "\(shown) n'est pas un fichier ordinaire (périphérique, tube ou socket) : "
                + "Guichet n'y écrit pas ; indiquez un nom de fichier.")
        }
    }

    /// Flushes the content to disk and renames the temporary file to ``path``, after checking
    /// the destination once more.
    public func commit() throws {
        guard !done else { return }
        do {
            try handle.synchronize()
        } catch {
            throw ValidationError(field: nil, message: "Impossible d'écrire \(ShownText.escaped(path, limit: 200)) : \(error.localizedDescription)")
        }
        try Self.checkDestination(path, replacing: replacing)
        // Without --ecraser, a hard link never replaces a file that appeared meanwhile.
        let placed = replacing ? rename(temporary, path) : link(temporary, path)
        guard placed == 0 else {
            if errno == EEXIST { try Self.checkDestination(path, replacing: false) }
            throw ValidationError(field: nil, message: "Impossible de créer \(ShownText.escaped(path, limit: 200)) : "
                + "\(String(cString: strerror(errno))).")
        }
        if !replacing { unlink(temporary) }
        done = true
        try? handle.close()
    }

    /// Removes the temporary file (nothing appears under ``path``).
    public func discard() {
        guard !done else { return }
        done = true
        try? handle.close()
        unlink(temporary)
    }
}
