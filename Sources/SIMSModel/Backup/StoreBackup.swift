import Crypto
import Foundation

/// Backups of the store while agents work, and their restoration.
///
/// A backup is a dated folder `sauvegarde-AAAAMMJJ-HHMMSS` (mode 0700) holding `sims.sqlite`,
/// copied by SQLite's online backup from one read snapshot (writers are never stopped), the
/// files of the documents that copy names (`documents/…`), `MANIFEST.sha256`, and `SCEAU`, which
/// seals the manifest, the register's id and the chain's head with this host's key
/// (``BackupSeal``). It is checked before it gets its name: SQLite's integrity, the audit chain
/// and every document file, on the copy itself. Only the last `keep` backups of the folder are
/// kept. Its chain's head leaves the store as an anchor (``ExternalAnchors``).
///
/// A backup is restored only over the register it copies: sealed by this host, of the same
/// register, holding every anchor of it (``BackupProvenance``); root may force any other.
///
/// ```swift
/// let backup = try StoreBackup.take(store, into: "/srv/guichet/sauvegardes", keep: 14)
/// try StoreBackup.restore(from: backup.folder, to: "/srv/guichet/sims.sqlite")
/// ```
public enum StoreBackup {
    /// The prefix of a backup folder's name.
    public static let prefix = "sauvegarde-"

    /// What a backup holds.
    public struct Report: Sendable {
        public var folder: String
        public var events: Int
        public var documents: Int
        public var bytes: Int64
        /// Older backups removed to keep the last N.
        public var removed: [String]
        /// The chain's head in the backup, as written outside the store and in its seal.
        public var anchor: ChainAnchor
    }

    /// What a restoration put back.
    public struct Restoration: Sendable {
        public var events: Int
        public var documents: Int
        /// Where the store it replaced is kept.
        public var previous: String?
        /// Why the backup was not a copy of this register, when root forced it anyway (recorded
        /// in the journal by a « restauration forcée » event).
        public var forcedOver: [String]
        /// The anchor written after the restoration.
        public var anchor: ChainAnchor?
    }

    /// One step of a long operation: `done` of `total` units (pages, then bytes of documents).
    public typealias Progress = (_ phase: String, _ done: Int64, _ total: Int64) -> Void

    /// Takes a backup of `store` into a new dated folder of `parent` (created 0700 if need be),
    /// checks it and keeps the `keep` most recent backups of `parent`.
    public static func take(_ store: SIMSStore, into parent: String, keep: Int, now: Date = Date(),
                            progress: Progress = { _, _, _ in }) throws -> Report {
        guard keep >= 1 else { throw ValidationError(field: nil, message: "--garder : indiquez au moins 1 sauvegarde à garder.") }
        // PostgreSQL's backups are its own tools' (issue 25): nothing is made here before that.
        guard store.engine == .sqlite else { throw StoreError.missingCapability(engine: "PostgreSQL", capability: "sauvegarde") }
        let key = try BackupSealKey.loadOrCreate(storePath: store.path)
        try makePrivateFolder(parent)
        let name = prefix + folderStamp(now)
        var final = parent + "/" + name
        var suffix = 2
        while FileManager.default.fileExists(atPath: final) { final = parent + "/" + name + "-\(suffix)"; suffix += 1 }
        let partial = parent + "/." + (final as NSString).lastPathComponent + ".partielle"
        try? FileManager.default.removeItem(atPath: partial)
        try makePrivateFolder(partial)
        var finished = false
        defer { if !finished { try? FileManager.default.removeItem(atPath: partial) } }
        // Held until this process ends: a later run removes the folder only once it is free.
        let lock = try holdPartialLock(partial)
        defer { close(lock) }

        // 1. The database, from one read snapshot, a few megabytes at a time.
        let copyPath = partial + "/" + BackupManifest.storeFileName
        try createPrivateFile(copyPath)
        try SQLiteStoreFile.backup(store, to: copyPath) { done, total in progress("base", done, total) }

        // 2. The documents this copy names, checked against their hash while copied.
        let copyStore = try SIMSStore.open(path: copyPath)
        let rows = try copyStore.read { db in
            try StoreRow.fetchAll(db, sql: "SELECT DISTINCT sha256, file_ext FROM document WHERE sha256 IS NOT NULL ORDER BY sha256")
        }
        let live = DocumentFileStore(storePath: store.path)
        let copy = DocumentFileStore(storePath: copyPath)
        var entries: [BackupManifest.Entry] = []
        var bytes: Int64 = 0
        let sizes = rows.map { row -> Int64 in
            let url = live.url(sha256: row["sha256"], extension: row["file_ext"] ?? "")
            return ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int64) ?? 0
        }
        let total = sizes.reduce(0, +)
        for row in rows {
            let sha256: String = row["sha256"], ext: String = row["file_ext"] ?? ""
            let source = live.url(sha256: sha256, extension: ext).path
            let target = copy.url(sha256: sha256, extension: ext).path
            try makePrivateFolder((target as NSString).deletingLastPathComponent)
            let written = try copyFile(source, to: target)
            guard written.sha256 == sha256 else {
                throw ValidationError(field: nil, message: "Sauvegarde interrompue : le fichier de pièce \(source) est altéré "
                    + "(empreinte différente) ; lancez « guichet check » pour voir les pièces concernées.")
            }
            bytes += written.size
            progress("pièces", bytes, total)
            entries.append(.init(sha256: sha256, path: String(target.dropFirst(partial.count + 1))))
        }

        // 3. The copy checked as `guichet check` does, then closed (its WAL folded back in).
        let chain = try check(copyStore)
        guard let head = chain.head else {
            throw ValidationError(field: nil, message: "Sauvegarde interrompue : la base n'a aucun événement (lancez « guichet init »).")
        }
        entries.append(.init(sha256: try BackupManifest.hash(ofFile: copyPath), path: BackupManifest.storeFileName))
        let manifest = BackupManifest(entries: entries)
        try writePrivateFile(partial + "/" + BackupManifest.fileName, Data(manifest.text.utf8))

        // 4. Sealed with this host's key, and its head anchored outside the store.
        let anchor = ChainAnchor(events: head.id, hash: head.hash, at: Timestamp.string(from: now),
                                 registerID: chain.registerID, reason: .backup)
        let seal = BackupSeal.sealed(anchor: anchor, manifestDigest: try BackupManifest.hash(ofFile: partial + "/" + BackupManifest.fileName),
                                     key: key)
        try writePrivateFile(partial + "/" + BackupSeal.fileName, Data(seal.text.utf8))
        try ExternalAnchors.write(anchor, storePath: store.path)
        unlink(partial + "/" + partialLockName)
        syncFolder(partial)
        guard rename(partial, final) == 0 else {
            throw ValidationError(field: nil, message: "Impossible de nommer la sauvegarde \(final) : \(String(cString: strerror(errno))).")
        }
        finished = true
        syncFolder(parent)
        let removed = try prune(parent, keep: keep)
        return Report(folder: final, events: chain.events, documents: rows.count,
                      bytes: bytes + fileSize(final + "/" + BackupManifest.storeFileName), removed: removed, anchor: anchor)
    }

    /// The backups of `parent`, oldest first.
    public static func backups(in parent: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [])
            .filter { $0.hasPrefix(prefix) }.sorted().map { parent + "/" + $0 }
    }

    /// Checks a store file as `guichet check` does (SQLite integrity, audit chain, document
    /// files) and closes it; returns the number of events; throws what is broken.
    @discardableResult
    public static func check(storeAt path: String) throws -> Int {
        try check(try SIMSStore.open(path: path)).events
    }

    /// Checks an open store as `guichet check` does, then closes it and removes its WAL files.
    static func check(_ store: SIMSStore, chain verified: ChainReport? = nil) throws -> ChainReport {
        let path = store.path
        var chain = try verified ?? ChainVerifier.verify(store)
        chain.anchorProblem = nil   // the anchors are the restoration's business (BackupProvenance)
        let files = try DocumentFileVerifier.verify(store)
        try store.close()
        for suffix in ["-wal", "-shm"] { unlink(path + suffix) }
        guard chain.isSound, files.isSound else {
            let problem = chain.integrityMessages.first ?? chain.firstBreak.map { "\($0)" } ?? chain.rowProblems.first
                ?? chain.schemaProblems.first ?? (files.missing + files.corrupt).first ?? "?"
            throw ValidationError(field: nil, message: "La copie ne passe pas la vérification : \(problem)")
        }
        return chain
    }

    /// Puts the backup of `folder` back as the store at `storePath`, after checking it (manifest,
    /// then `check` on a copy) and that it is a copy of this register (``BackupProvenance``).
    /// Refused while another `guichet` works on the store. The store it replaces is kept beside it
    /// as `<store>.avant-restauration-<date>` (with its WAL). With `forcedBy` (root, said the
    /// command), a backup that is not a copy of this register is put back all the same, and a
    /// « restauration forcée » event records it; either way the restored head is anchored.
    public static func restore(from folder: String, to storePath: String, now: Date = Date(), forcedBy: String? = nil,
                               progress: Progress = { _, _, _ in }) throws -> Restoration {
        let manifest = try BackupManifest.verified(folder: folder)
        var provenance = try BackupProvenance(folder: folder, storePath: storePath)
        try refuseWhileConnected(storePath)
        let storeFolder = (storePath as NSString).deletingLastPathComponent
        try makePrivateFolder(storeFolder.isEmpty ? "." : storeFolder)
        let incoming = (storeFolder.isEmpty ? "." : storeFolder) + "/.restauration-\(getpid()).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { unlink(incoming + suffix) } }
        let source = folder + "/" + BackupManifest.storeFileName
        let copied = try copyFile(source, to: incoming)
        guard copied.sha256 == manifest.entries.first(where: { $0.path == BackupManifest.storeFileName })?.sha256 else {
            throw ValidationError(field: nil, message: "La base de la sauvegarde a changé pendant la copie : recommencez.")
        }
        // Whose register it is, before anything of it lands beside the store.
        let copy = try SIMSStore.open(path: incoming)
        let chain = try ChainVerifier.verify(copy, anchors: provenance.anchors)
        provenance.compare(with: chain)
        if !provenance.objections.isEmpty, forcedBy == nil {
            try copy.close()
            throw refusal(folder: folder, provenance: provenance)
        }
        // The documents first: a restored store never names a file that is not there.
        let live = DocumentFileStore(storePath: storePath)
        let documents = manifest.entries.filter { $0.path.hasPrefix("documents/") }
        for (index, entry) in documents.enumerated() {
            let target = live.directory.path + "/" + entry.path.dropFirst("documents/".count)
            if (try? BackupManifest.hash(ofFile: target)) != entry.sha256 {
                let parent = (target as NSString).deletingLastPathComponent
                try makePrivateFolder(parent)
                StoreCompanionFile.adopt(parent, storePath: storePath)
                let temporary = target + ".restauration-\(getpid())"
                _ = try copyFile(folder + "/" + entry.path, to: temporary)
                StoreCompanionFile.adopt(temporary, storePath: storePath)
                guard rename(temporary, target) == 0 else {
                    unlink(temporary)
                    throw ValidationError(field: nil, message: "Impossible de remettre la pièce \(target) : \(String(cString: strerror(errno))).")
                }
            }
            progress("pièces", Int64(index + 1), Int64(documents.count))
        }
        // Checked where it will live (the documents beside it are the live ones), then put in place.
        let events = try check(copy, chain: chain).events
        StoreCompanionFile.adopt(incoming, storePath: storePath)
        // From the last check to the swap, the gate is held: a guichet starting meanwhile waits
        // for the restored store instead of opening the one being put aside.
        let previous: String? = try StoreSessions.exclusively(storePath: storePath, action: "Restauration") {
            var aside: String?
            if FileManager.default.fileExists(atPath: storePath) {
                let name = storePath + ".avant-restauration-" + folderStamp(now)
                for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: storePath + suffix) {
                    guard rename(storePath + suffix, name + suffix) == 0 else {
                        throw ValidationError(field: nil, message: "Impossible de mettre de côté \(storePath + suffix) : \(String(cString: strerror(errno))).")
                    }
                }
                aside = name
            }
            guard rename(incoming, storePath) == 0 else {
                throw ValidationError(field: nil, message: "Impossible de remettre la base \(storePath) : \(String(cString: strerror(errno))).")
            }
            return aside
        }
        syncFolder(storeFolder.isEmpty ? "." : storeFolder)
        var restoration = Restoration(events: events, documents: documents.count, previous: previous,
                                      forcedOver: forcedBy == nil ? [] : provenance.objections)
        if let forcedBy, !provenance.objections.isEmpty {
            restoration.anchor = try recordForcedRestore(storePath: storePath, folder: folder, by: forcedBy,
                                                         objections: provenance.objections, now: now)
        } else if let head = chain.head {
            let anchor = ChainAnchor(events: head.id, hash: head.hash, at: Timestamp.string(from: now),
                                     registerID: chain.registerID, reason: .restore)
            try ExternalAnchors.write(anchor, storePath: storePath)
            restoration.anchor = anchor
        }
        return restoration
    }

    /// « Restauration refusée : cette sauvegarde n'est pas une copie de ce registre … » and what to do.
    static func refusal(folder: String, provenance: BackupProvenance) -> ValidationError {
        let shown = ShownText.escaped(folder, limit: 200)
        let what = provenance.isOnlyOlder
            ? "cette sauvegarde est plus ancienne que la dernière ancre de ce registre"
            : "cette sauvegarde n'est pas une copie de ce registre"
        let instead = provenance.isOnlyOlder
            ? "Remettez une sauvegarde prise depuis cette ancre, s'il en est une."
            : "Remettez une sauvegarde prise de cette base sur cet hôte (« guichet sauvegarde » en prend une)."
        return ValidationError(field: nil, message: "Restauration refusée : \(what) (" + provenance.objections.joined(separator: " ; ")
            + "). Rien n'a été modifié. \(instead) Si la base de cet hôte est perdue et qu'il faut remettre celle-ci quand même, "
            + "root peut la forcer (ou, pour la base d'un agent seul, le compte qui la possède) : « guichet restaurer --forcer "
            + "\(shown) » ; ce forçage sera enregistré dans le journal d'audit et ancré.")
    }

    /// Appends the « restauration forcée » event to the restored store and anchors its new head.
    static func recordForcedRestore(storePath: String, folder: String, by: String, objections: [String],
                                    now: Date) throws -> ChainAnchor? {
        let store = try SIMSStore.open(path: storePath)
        try store.write { db in
            try EventLog.append(db, kind: .backupRestoreForced, agentID: nil, tierID: nil, payload: [
                "sauvegarde": (folder as NSString).lastPathComponent, "par": by,
                "motifs": objections.joined(separator: " ; "),
            ], at: now)
        }
        let anchor = try ExternalAnchors.record(store, reason: .forcedRestore, now: now)
        try store.close()
        for suffix in ["", "-wal", "-shm"] { StoreCompanionFile.adopt(storePath + suffix, storePath: storePath) }
        return anchor
    }

    /// Throws, naming them, when other `guichet` processes work on the store.
    public static func refuseWhileConnected(_ storePath: String) throws {
        let others = StoreSessions.active(storePath: storePath).filter { $0.pid != getpid() }
        guard others.isEmpty else { throw StoreSessions.refusal("Restauration", others: others) }
    }

    // MARK: Files

    static func folderStamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "Pacific/Noumea")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: date)
    }

    /// Creates a folder (and its parents) readable by its owner only; an existing one is left as is.
    static func makePrivateFolder(_ path: String) throws {
        var info = stat()
        if stat(path, &info) == 0 { return }
        try makePrivateFolder((path as NSString).deletingLastPathComponent)
        guard mkdir(path, 0o700) == 0 || errno == EEXIST else {
            throw ValidationError(field: nil, message: "Impossible de créer le dossier \(ShownText.escaped(path, limit: 200)) : "
                + "\(String(cString: strerror(errno))).")
        }
        chmod(path, 0o700)
    }

    static func createPrivateFile(_ path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw ValidationError(field: nil, message: "Impossible de créer \(ShownText.escaped(path, limit: 200)) : \(String(cString: strerror(errno))).")
        }
        fchmod(fd, 0o600)
        close(fd)
    }

    static func writePrivateFile(_ path: String, _ data: Data) throws {
        try createPrivateFile(path)
        guard let handle = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileWriteNoPermission) }
        defer { try? handle.close() }
        try handle.write(contentsOf: data)
        try handle.synchronize()
    }

    /// Copies a file into a new private file, flushed to disk; returns its SHA-256 and size.
    static func copyFile(_ source: String, to target: String) throws -> (sha256: String, size: Int64) {
        guard let input = FileHandle(forReadingAtPath: source) else {
            throw ValidationError(field: nil, message: "Impossible de lire \(ShownText.escaped(source, limit: 200)).")
        }
        defer { try? input.close() }
        unlink(target)
        try createPrivateFile(target)
        guard let output = FileHandle(forWritingAtPath: target) else { throw CocoaError(.fileWriteNoPermission) }
        defer { try? output.close() }
        var hasher = SHA256()
        var size: Int64 = 0
        while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
            hasher.update(data: chunk)
            try output.write(contentsOf: chunk)
            size += Int64(chunk.count)
        }
        try output.synchronize()
        return (HexDigest.string(hasher.finalize()), size)
    }

    static func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int64) ?? 0
    }

    static func syncFolder(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// Removes the oldest backups of `parent` beyond the `keep` most recent.
    static func prune(_ parent: String, keep: Int) throws -> [String] {
        let all = backups(in: parent)
        let old = all.dropLast(keep)
        for folder in old { try FileManager.default.removeItem(atPath: folder) }
        return Array(old)
    }
}
