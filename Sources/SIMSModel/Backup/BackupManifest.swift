import Crypto
import Foundation

/// The list of a backup's files with their SHA-256, in the format of `sha256sum` (`MANIFEST.sha256`:
/// one `<hex>  <path>` line per file), so that `sha256sum -c MANIFEST.sha256` checks a backup
/// without Guichet.
///
/// ```swift
/// let manifest = try BackupManifest.verified(folder: "/srv/sauvegardes/sauvegarde-20261203-020000")
/// print(manifest.entries.count)
/// ```
public struct BackupManifest: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var sha256: String
        /// The path inside the backup folder: `sims.sqlite`, `documents/ab/abcd….pdf`.
        public var path: String
    }

    public static let fileName = "MANIFEST.sha256"
    public static let storeFileName = "sims.sqlite"

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries.sorted { $0.path < $1.path } }

    /// The manifest's text.
    public var text: String { entries.map { "\($0.sha256)  \($0.path)\n" }.joined() }

    /// Reads the manifest of `folder` and checks every file against it; throws a French message
    /// naming the first file missing or altered.
    public static func verified(folder: String) throws -> BackupManifest {
        let shown = ShownText.escaped(folder, limit: 200)
        guard let data = FileManager.default.contents(atPath: folder + "/" + fileName),
              let text = String(data: data, encoding: .utf8) else {
            throw ValidationError(field: nil, message: "\(shown) n'est pas une sauvegarde de Guichet : "
                + "\(fileName) manque ou est illisible.")
        }
        var entries: [Entry] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
            let parts = line.split(separator: " ", maxSplits: 1)
            let path = parts.count == 2 ? String(parts[1].drop { $0 == " " || $0 == "*" }) : ""
            guard parts.count == 2, parts[0].count == 64, parts[0].allSatisfy(\.isHexDigit), isSafe(path) else {
                throw ValidationError(field: nil, message: "\(shown)/\(fileName), ligne \(index + 1) : ligne illisible "
                    + "\(ShownText.quoted(String(line))) ; la sauvegarde a été modifiée.")
            }
            entries.append(Entry(sha256: String(parts[0]).lowercased(), path: path))
        }
        guard entries.contains(where: { $0.path == storeFileName }) else {
            throw ValidationError(field: nil, message: "\(shown) : la base \(storeFileName) n'est pas dans \(fileName).")
        }
        for entry in entries {
            guard let sha256 = try? hash(ofFile: folder + "/" + entry.path) else {
                throw ValidationError(field: nil, message: "\(shown) : le fichier \(ShownText.escaped(entry.path)) manque : "
                    + "sauvegarde incomplète, prenez-en une autre.")
            }
            guard sha256 == entry.sha256 else {
                throw ValidationError(field: nil, message: "\(shown) : le fichier \(ShownText.escaped(entry.path)) a été altéré "
                    + "(empreinte SHA-256 différente) : prenez une autre sauvegarde.")
            }
        }
        return BackupManifest(entries: entries)
    }

    /// A relative path without `..`, inside the backup folder.
    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
            && !path.unicodeScalars.contains(where: ShownText.needsEscape)
    }

    /// The SHA-256 of a file, read by blocks.
    public static func hash(ofFile path: String) throws -> String {
        guard let input = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileNoSuchFile) }
        defer { try? input.close() }
        var hasher = SHA256()
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return HexDigest.string(hasher.finalize())
    }
}
