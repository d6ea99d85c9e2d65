import Crypto
import Foundation

/// The files of documents, kept by content hash (SHA-256) in the `documents` folder beside the
/// database: `documents/ab/abcdef….pdf`. The same file stored twice is kept once.
///
/// A file is written completely before any row names it: into a temporary file in the same
/// folder, flushed to disk (`fsync`), then renamed into place, and the folder flushed too. A
/// crash can leave at most an unnamed temporary file or a stored file no row names yet (storing
/// the same file again reuses it); never a row whose file is missing or half-written.
///
/// ```swift
/// let files = DocumentFileStore(storePath: store.path)
/// let stored = try files.put(fileAt: URL(fileURLWithPath: "scan.pdf"))
/// files.state(of: stored.sha256, extension: "pdf")   // .intact
/// ```
public struct DocumentFileStore: Sendable {
    public let directory: URL

    public init(storePath: String) {
        directory = URL(fileURLWithPath: storePath).deletingLastPathComponent().appendingPathComponent("documents")
    }

    /// What ``put(fileAt:extension:)`` stored.
    public struct StoredFile: Sendable, Equatable {
        public var sha256: String
        public var size: Int64
        public var fileExtension: String
        /// Whether the same content was already there (nothing was written).
        public var alreadyStored: Bool
    }

    /// The file's state on disk, for `guichet check`.
    public enum FileState: Sendable, Equatable {
        case intact
        case missing
        /// Its content no longer has its hash (altered or truncated behind the application's back).
        case corrupt
    }

    /// The path of the file with this hash.
    public func url(sha256: String, extension fileExtension: String) -> URL {
        directory.appendingPathComponent(String(sha256.prefix(2)))
            .appendingPathComponent(sha256 + (fileExtension.isEmpty ? "" : "." + fileExtension))
    }

    /// Stores a copy of a file (hashed as it is read, in 1 MiB chunks).
    public func put(fileAt source: URL, extension fileExtension: String? = nil) throws -> StoredFile {
        let ext = (fileExtension ?? source.pathExtension).lowercased()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = directory.appendingPathComponent(".entrant-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let output = FileHandle(forWritingAtPath: temporary.path) else {
            throw Self.failure("impossible d'écrire dans \(directory.path) : vérifiez les droits et la place disponible.")
        }
        var hasher = SHA256()
        var size: Int64 = 0
        do {
            guard let input = FileHandle(forReadingAtPath: source.path) else {
                throw Self.failure("le fichier \(source.lastPathComponent) est illisible.")
            }
            defer { try? input.close() }
            while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
                hasher.update(data: chunk)
                try output.write(contentsOf: chunk)
                size += Int64(chunk.count)
            }
            try output.synchronize()
            try output.close()
        } catch {
            try? output.close()
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return try settle(temporary, sha256: HexDigest.string(hasher.finalize()), size: size, extension: ext)
    }

    /// Stores bytes held in memory.
    public func put(_ data: Data, extension fileExtension: String) throws -> StoredFile {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temporary = directory.appendingPathComponent(".entrant-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let output = FileHandle(forWritingAtPath: temporary.path) else {
            throw Self.failure("impossible d'écrire dans \(directory.path) : vérifiez les droits et la place disponible.")
        }
        do {
            try output.write(contentsOf: data)
            try output.synchronize()
            try output.close()
        } catch {
            try? output.close()
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return try settle(temporary, sha256: HexDigest.string(SHA256.hash(data: data)), size: Int64(data.count),
                          extension: fileExtension.lowercased())
    }

    /// Renames a complete, flushed temporary file into its place, or drops it when the same
    /// content is already stored.
    private func settle(_ temporary: URL, sha256: String, size: Int64, extension ext: String) throws -> StoredFile {
        let target = url(sha256: sha256, extension: ext)
        let manager = FileManager.default
        if manager.fileExists(atPath: target.path), state(of: sha256, extension: ext) == .intact {
            try? manager.removeItem(at: temporary)
            return StoredFile(sha256: sha256, size: size, fileExtension: ext, alreadyStored: true)
        }
        try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if rename(temporary.path, target.path) != 0 {
            try? manager.removeItem(at: temporary)
            throw Self.failure("impossible de ranger le fichier dans \(target.deletingLastPathComponent().path).")
        }
        Self.flushDirectory(target.deletingLastPathComponent())
        return StoredFile(sha256: sha256, size: size, fileExtension: ext, alreadyStored: false)
    }

    /// Whether the file with this hash is there and still has it.
    public func state(of sha256: String, extension fileExtension: String) -> FileState {
        let path = url(sha256: sha256, extension: fileExtension)
        guard let input = FileHandle(forReadingAtPath: path.path) else { return .missing }
        defer { try? input.close() }
        var hasher = SHA256()
        while let chunk = try? input.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return HexDigest.string(hasher.finalize()) == sha256 ? .intact : .corrupt
    }

    /// The stored files' hashes (for finding files no row names).
    public func storedHashes() -> [String] {
        let manager = FileManager.default
        guard let shards = try? manager.contentsOfDirectory(atPath: directory.path) else { return [] }
        return shards.filter { $0.count == 2 }.flatMap { shard in
            ((try? manager.contentsOfDirectory(atPath: directory.appendingPathComponent(shard).path)) ?? [])
                .map { String($0.prefix(64)) }
        }
    }

    /// The stored files whose hash is not in `named` and that were last written before `cutoff`
    /// (a file younger than that may belong to a piece being recorded right now).
    public func orphans(named: Set<String>, writtenBefore cutoff: Date) -> [URL] {
        let manager = FileManager.default
        guard let shards = try? manager.contentsOfDirectory(atPath: directory.path) else { return [] }
        return shards.filter { $0.count == 2 }.sorted().flatMap { shard -> [URL] in
            let folder = directory.appendingPathComponent(shard)
            return ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().compactMap { name -> URL? in
                let url = folder.appendingPathComponent(name)
                guard !named.contains(String(name.prefix(64))),
                      let written = (try? manager.attributesOfItem(atPath: url.path))?[.modificationDate] as? Date,
                      written < cutoff else { return nil }
                return url
            }
        }
    }

    private static func flushDirectory(_ url: URL) {
        let descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    static func failure(_ message: String) -> ValidationError {
        ValidationError(field: nil, message: "Pièce non enregistrée : " + message)
    }
}
