import Foundation

/// The seal of a backup (`SCEAU` in its folder, beside `MANIFEST.sha256`): the register's id and
/// the chain's head as an anchor, the SHA-256 of the manifest (which names every file's digest),
/// and an HMAC-SHA256 of those lines under this host's key (``BackupSealKey``). A backup whose
/// seal does not check with this host's key, or that names another register, is not a copy of
/// this register: `guichet restaurer` refuses it unless root forces it.
///
/// ```
/// SIMS-SCEAU 1
/// manifeste 3b1f…
/// SIMS-ANCRE 2026-12-07T21:00:00.000Z n=1234 h=9f86… r=5c0f… motif=sauvegarde
/// hmac 77aa…
/// ```
public struct BackupSeal: Sendable, Equatable {
    public static let fileName = "SCEAU"

    /// The chain's head in the backup, with its register.
    public var anchor: ChainAnchor
    /// The SHA-256 of `MANIFEST.sha256`.
    public var manifestDigest: String
    /// The HMAC of ``signedText``.
    public var mac: String

    /// The lines the HMAC covers.
    var signedText: String { "SIMS-SCEAU 1\nmanifeste \(manifestDigest)\n\(anchor.line)\n" }

    /// The file's text.
    public var text: String { signedText + "hmac \(mac)\n" }

    /// Seals `anchor` and the manifest of digest `manifestDigest` with `key`.
    static func sealed(anchor: ChainAnchor, manifestDigest: String, key: BackupSealKey) -> BackupSeal {
        var seal = BackupSeal(anchor: anchor, manifestDigest: manifestDigest, mac: "")
        seal.mac = key.mac(seal.signedText)
        return seal
    }

    /// The seal of the backup in `folder`: nil when it has none (a backup taken before seals);
    /// throws when it is there but unreadable.
    public static func read(folder: String) throws -> BackupSeal? {
        let path = folder + "/" + fileName
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let unreadable = ValidationError(field: nil, message: "\(ShownText.escaped(folder, limit: 200)) : le sceau \(fileName) est "
            + "illisible ; la sauvegarde a été modifiée.")
        guard let data = try StoreCompanionFile.read(path), data.count < 4096 else { throw unreadable }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        guard lines.count == 4, lines[0] == "SIMS-SCEAU 1", lines[1].hasPrefix("manifeste "), lines[3].hasPrefix("hmac "),
              case .success(let anchor) = ChainAnchor.parse(lines[2]), anchor.registerID != nil else { throw unreadable }
        let seal = BackupSeal(anchor: anchor, manifestDigest: String(lines[1].dropFirst("manifeste ".count)),
                              mac: String(lines[3].dropFirst("hmac ".count)))
        guard seal.text == String(decoding: data, as: UTF8.self) else { throw unreadable }
        return seal
    }

    /// Whether `key` sealed this seal.
    func isSealed(by key: BackupSealKey) -> Bool { key.isValid(mac: mac, for: signedText) }
}
