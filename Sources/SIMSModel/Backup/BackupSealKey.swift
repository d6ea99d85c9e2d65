import Crypto
import Foundation

/// The secret with which this host seals its backups (``BackupSeal``): 32 random bytes in
/// `<store>.cle-sceau` beside the store, mode 0600, readable by the store's owner (the service
/// account) alone and never copied into a backup. Created at the first backup.
///
/// Whoever may read it can seal a register of their own making as this one's: keep it to the
/// service account, and keep a copy offline (root) to restore on a new host.
///
/// ```swift
/// let key = try BackupSealKey.loadOrCreate(storePath: "/srv/guichet/sims.sqlite")
/// ```
public struct BackupSealKey {
    let key: SymmetricKey
    /// Where it was read.
    public let path: String

    /// The key's file for the store at `storePath`.
    public static func path(storePath: String) -> String { storePath + ".cle-sceau" }

    /// The store's key; nil when it has none yet. Throws when the file is unreadable, malformed,
    /// or readable by other accounts than its owner.
    public static func load(storePath: String) throws -> BackupSealKey? {
        let path = path(storePath: storePath)
        guard let data = try StoreCompanionFile.read(path) else { return nil }
        let shown = ShownText.escaped(path, limit: 200)
        var info = stat()
        if lstat(path, &info) == 0, info.st_mode & 0o077 != 0 {
            throw ValidationError(field: nil, message: "La clé de scellement \(shown) est lisible par d'autres comptes que son "
                + "propriétaire : « chmod 600 \(shown) », puis remplacez-la si quelqu'un a pu la lire (les sauvegardes déjà "
                + "prises devront alors être reprises).")
        }
        let hex = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard ChainAnchor.isHex(hex, count: 64) else {
            throw ValidationError(field: nil, message: "La clé de scellement \(shown) est illisible (64 chiffres hexadécimaux attendus).")
        }
        return BackupSealKey(key: SymmetricKey(data: bytes(hex: hex)), path: path)
    }

    /// The store's key, drawn and written (0600) when it has none.
    public static func loadOrCreate(storePath: String) throws -> BackupSealKey {
        if let key = try load(storePath: storePath) { return key }
        let path = path(storePath: storePath)
        let fresh = SymmetricKey(size: .bits256)
        let text = fresh.withUnsafeBytes { HexDigest.string(Array($0)) } + "\n"
        let fd = try StoreCompanionFile.open(path, storePath: storePath, flags: O_WRONLY)
        defer { close(fd) }
        var info = stat()
        // Another process may have drawn it meanwhile: a key already written is never replaced.
        if fstat(fd, &info) == 0, info.st_size > 0 {
            return try load(storePath: storePath) ?? BackupSealKey(key: fresh, path: path)
        }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ Foundation.write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            throw ValidationError(field: nil, message: "Impossible d'écrire la clé de scellement \(ShownText.escaped(path, limit: 200)) : "
                + "\(String(cString: strerror(errno))).")
        }
        fsync(fd)
        return BackupSealKey(key: fresh, path: path)
    }

    /// The HMAC-SHA256 of `text`, in hexadecimal.
    func mac(_ text: String) -> String {
        HexDigest.string(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: key))
    }

    /// Whether `mac` is the HMAC of `text` under this key (compared in constant time).
    func isValid(mac: String, for text: String) -> Bool {
        guard ChainAnchor.isHex(mac, count: 64) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(Self.bytes(hex: mac), authenticating: Data(text.utf8), using: key)
    }

    /// The bytes of lowercase hexadecimal text already checked by ``ChainAnchor/isHex(_:count:)``.
    static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex.utf8).map { $0 <= 57 ? $0 - 48 : $0 - 87 }
        return stride(from: 0, to: digits.count - 1, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
    }
}
