import Foundation

/// The folder where network scanners (and agents) drop PDFs and images, and what is in it.
///
/// Each ``scan(now:)`` lists the folder and classifies every entry: **ready** when its size and
/// modification time have not changed for at least ``settle`` seconds across scans (the folder
/// remembers what the previous scans saw), **arriving** when seen for the first time or still
/// changing, or **refused** with a French reason (hidden or temporary names, odd names, symbolic
/// links, anything but a regular file, empty or huge files, files whose first bytes are not those
/// of a PDF, PNG, JPEG or TIFF). Refused files are left in place, never moved or deleted.
///
/// Attaching a ready file stores it with ``DocumentService/attach(fileAt:type:issuedOn:validUntil:pages:originalName:owners:dossierID:pieceKey:by:)``,
/// then moves the original into `traites/` inside the folder, so it is not offered again (and
/// is kept, never deleted). If attaching fails, the file stays where it was.
///
/// ```swift
/// let inbox = try InboxFolder.configured(storePath: store.path)   // $GUICHET_ARRIVEES or <store folder>/arrivees
/// inbox.scan(now: Date())                      // scan-0001.pdf: arriving
/// let files = inbox.scan(now: Date())          // two seconds later: ready, with its first lines
/// try inbox.attach(files[0], type: .taxNotice, owners: [tier.id], by: agent, documents: DocumentService(store: store))
/// ```
public final class InboxFolder {
    /// Names longer than this, in bytes, are refused.
    public static let maximumNameBytes = 200
    /// The default size limit: 50 MiB.
    public static let defaultSizeLimit: Int64 = 50 << 20
    /// The subfolder where attached files are moved.
    public static let processedFolderName = "traites"

    public let directory: URL
    /// How long, in seconds, a file must stay unchanged to be ready.
    public var settle: TimeInterval
    /// Files larger than this, in bytes, are refused.
    public var sizeLimit: Int64

    private struct Observation {
        var size: Int64
        var modified: Int64
        /// When this size and modification time were first seen.
        var since: Date
    }

    private var observations: [[UInt8]: Observation] = [:]
    private var previews: [String: [String]] = [:]

    /// Opens the folder, creating it if missing.
    public init(directory: URL, settle: TimeInterval = 2, sizeLimit: Int64 = InboxFolder.defaultSizeLimit) throws {
        self.directory = directory.standardizedFileURL
        self.settle = settle
        self.sizeLimit = sizeLimit
        try Self.ensure(self.directory)
    }

    /// The folder named by `GUICHET_ARRIVEES`, else `arrivees` beside the store; its size limit
    /// from `GUICHET_ARRIVEES_TAILLE_MAX` (in Mio), else 50 Mio.
    public static func configured(storePath: String,
                                  environment: [String: String] = ProcessInfo.processInfo.environment) throws -> InboxFolder {
        let directory: URL
        if let path = environment["GUICHET_ARRIVEES"], !path.isEmpty {
            directory = URL(fileURLWithPath: path)
        } else {
            directory = URL(fileURLWithPath: storePath).deletingLastPathComponent().appendingPathComponent("arrivees")
        }
        var limit = defaultSizeLimit
        if let text = environment["GUICHET_ARRIVEES_TAILLE_MAX"], let mebibytes = Int64(text), mebibytes > 0 {
            limit = mebibytes << 20
        }
        return try InboxFolder(directory: directory, sizeLimit: limit)
    }

    /// Where attached files go.
    public var processedDirectory: URL { directory.appendingPathComponent(Self.processedFolderName) }

    private static func ensure(_ directory: URL) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw ValidationError(field: nil, message: "Dossier des arrivées : \(directory.path) n'est pas un dossier.")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ValidationError(field: nil, message: "Dossier des arrivées : impossible de créer \(directory.path) (vérifiez les droits).")
        }
    }

    // MARK: Scanning

    /// Lists the folder and classifies its entries: ready files first, then arriving ones, then
    /// refused ones, each group by name.
    @discardableResult
    public func scan(now: Date) throws -> [InboxFile] {
        try Self.ensure(directory)
        let names = try Self.rawNames(in: directory)
        var files: [InboxFile] = []
        var seen: Set<[UInt8]> = []
        for raw in names where raw != Array(Self.processedFolderName.utf8) {
            seen.insert(raw)
            if let file = classify(raw, now: now) { files.append(file) }
        }
        observations = observations.filter { seen.contains($0.key) }
        func rank(_ file: InboxFile) -> Int {
            switch file.status {
            case .ready: return 0
            case .arriving: return 1
            case .refused: return 2
            }
        }
        return files.sorted { (rank($0), $0.name) < (rank($1), $1.name) }
    }

    /// The entries' names as bytes (not necessarily valid UTF-8), without `.` and `..`.
    private static func rawNames(in directory: URL) throws -> [[UInt8]] {
        guard let stream = opendir(directory.path) else {
            throw ValidationError(field: nil, message: "Dossier des arrivées illisible : \(directory.path) (vérifiez les droits).")
        }
        defer { closedir(stream) }
        var names: [[UInt8]] = []
        while let entry = readdir(stream) {
            let name: [UInt8] = withUnsafeBytes(of: &entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        return names
    }

    private func classify(_ raw: [UInt8], now: Date) -> InboxFile? {
        let shownName = Self.displayName(raw)
        let url = directory.appendingPathComponent(shownName)
        func refused(_ reason: InboxRefusal, size: Int64 = 0, modified: Date? = nil) -> InboxFile {
            InboxFile(name: shownName, url: url, size: size, modified: modified ?? now, status: .refused(reason))
        }
        // The name first: nothing is opened under an odd name.
        let name = String(decoding: raw, as: UTF8.self)
        guard Array(name.utf8) == raw else { return refused(.invalidEncoding) }
        if raw.count > Self.maximumNameBytes { return refused(.nameTooLong) }
        if name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return refused(.controlCharacters)
        }
        if name.hasPrefix(".") { return refused(.hidden) }
        let lowered = name.lowercased()
        if lowered.hasSuffix("~") || lowered.hasSuffix(".part") || lowered.hasSuffix(".tmp") {
            return refused(.temporary)
        }
        // Then what it is, without following links.
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return nil } // gone since it was listed
        let size = Int64(info.st_size)
        let modifiedNanos = Self.modificationNanos(info)
        let modified = Date(timeIntervalSince1970: Double(modifiedNanos) / 1e9)
        let type = info.st_mode & 0o170000
        if type == 0o120000 { return refused(.symbolicLink, size: size, modified: modified) }
        if type != 0o100000 { return refused(.notRegularFile, size: size, modified: modified) }
        if size == 0 { return refused(.empty, size: size, modified: modified) }
        if size > sizeLimit { return refused(.tooLarge(limit: sizeLimit), size: size, modified: modified) }
        guard let head = Self.firstBytes(of: url, count: 8) else { return refused(.unreadable, size: size, modified: modified) }
        guard let kind = InboxFileKind.sniff(head) else { return refused(.notDocument, size: size, modified: modified) }

        // Ready once unchanged for `settle` seconds.
        var status = InboxFile.Status.arriving
        if let previous = observations[raw], previous.size == size, previous.modified == modifiedNanos {
            if now.timeIntervalSince(previous.since) >= settle { status = .ready }
        } else {
            observations[raw] = Observation(size: size, modified: modifiedNanos, since: now)
        }
        var file = InboxFile(name: name, url: url, size: size, modified: modified, status: status, kind: kind)
        if status == .ready {
            let key = "\(name)\u{0}\(size)\u{0}\(modifiedNanos)"
            if let cached = previews[key] {
                file.firstLines = cached
            } else {
                file.firstLines = InboxTextPreview.firstLines(of: url, kind: kind)
                previews[key] = file.firstLines
            }
        }
        return file
    }

    private static func modificationNanos(_ info: stat) -> Int64 {
        #if os(Linux)
        return Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #else
        return Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #endif
    }

    /// The first bytes of a regular file, opened without following links and without blocking.
    private static func firstBytes(of url: URL, count: Int) -> [UInt8]? {
        let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & 0o170000 == 0o100000 else { return nil }
        var buffer = [UInt8](repeating: 0, count: count)
        let read = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, count) }
        guard read >= 0 else { return nil }
        return Array(buffer.prefix(read))
    }

    /// The name for display: invalid bytes as « � », control characters as « ? ».
    static func displayName(_ raw: [UInt8]) -> String {
        let decoded = String(decoding: raw, as: UTF8.self)
        return String(String.UnicodeScalarView(decoded.unicodeScalars.map {
            $0.properties.generalCategory == .control ? "?" : $0
        }))
    }

    // MARK: Attaching

    /// Stores a ready file as a document of `owners` (and of a dossier, when given), then moves the
    /// original into `traites/`. If storing fails, the file stays where it was.
    @discardableResult
    public func attach(_ file: InboxFile, type: DocumentType, issuedOn: String? = nil, validUntil: String? = nil,
                       owners: [Int64], dossierID: Int64? = nil, pieceKey: String? = nil, by agent: Agent,
                       documents: DocumentService) throws -> InboxAttachment {
        if let refusal = file.refusal {
            throw ValidationError(field: nil, message: "« \(file.name) » ne peut pas être joint : \(refusal.reason).")
        }
        guard file.isReady, let kind = file.kind else {
            throw ValidationError(field: nil, message: "« \(file.name) » est en cours d'arrivée : attendez qu'il soit complet.")
        }
        // It must still be the file the agent saw: same regular file, same size, same date.
        var info = stat()
        guard lstat(file.url.path, &info) == 0 else {
            throw ValidationError(field: nil, message: "« \(file.name) » n'est plus dans le dossier des arrivées.")
        }
        let modified = Date(timeIntervalSince1970: Double(Self.modificationNanos(info)) / 1e9)
        guard info.st_mode & 0o170000 == 0o100000, Int64(info.st_size) == file.size, modified == file.modified else {
            throw ValidationError(field: nil, message: "« \(file.name) » a changé depuis l'affichage : actualisez la liste.")
        }
        // The stored file takes its extension from the name: give it the right one when the name lacks it.
        var source = file.url
        var aliasFolder: URL?
        defer { if let aliasFolder { try? FileManager.default.removeItem(at: aliasFolder) } }
        if !Self.extensions(of: kind).contains(file.url.pathExtension.lowercased()) {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guichet-arrivee-" + UUID().uuidString)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            aliasFolder = folder
            source = folder.appendingPathComponent("piece." + kind.fileExtension)
            try FileManager.default.createSymbolicLink(at: source, withDestinationURL: file.url)
        }
        let attached = try documents.attach(fileAt: source, type: type, issuedOn: issuedOn, validUntil: validUntil,
                                            originalName: file.name, owners: owners, dossierID: dossierID,
                                            pieceKey: pieceKey, by: agent)
        let archived = archive(file)
        if archived != nil { observations[Array(file.name.utf8)] = nil }
        return InboxAttachment(attached: attached, archivedAt: archived)
    }

    private static func extensions(of kind: InboxFileKind) -> Set<String> {
        switch kind {
        case .pdf: return ["pdf"]
        case .png: return ["png"]
        case .jpeg: return ["jpg", "jpeg"]
        case .tiff: return ["tif", "tiff"]
        }
    }

    /// Moves an attached file into `traites/`, never over another file (« scan (2).pdf »).
    private func archive(_ file: InboxFile) -> URL? {
        let manager = FileManager.default
        let folder = processedDirectory
        do { try manager.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]) } catch { return nil }
        let stem = file.url.deletingPathExtension().lastPathComponent
        let ext = file.url.pathExtension
        for attempt in 1...1000 {
            let name = attempt == 1 ? file.name : "\(stem) (\(attempt))" + (ext.isEmpty ? "" : ".\(ext)")
            let target = folder.appendingPathComponent(name)
            var info = stat()
            if lstat(target.path, &info) == 0 { continue }
            return rename(file.url.path, target.path) == 0 ? target : nil
        }
        return nil
    }
}
