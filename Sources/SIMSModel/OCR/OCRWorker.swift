import Foundation

/// Reads the text of attached documents in the background: the documents waiting
/// (`ocr_state = 'en_attente'`) are taken one at a time, oldest first, and read by ``OCREngine``
/// (one tesseract process at a time, low priority); each result is written in one small
/// transaction: the text and `lu`, or `echec` and the reason (kept in `ocr_text`).
///
/// When tesseract or its French model is missing (checked once), the documents waiting are
/// marked `indisponible` and ``isAvailable`` is false: the screens say « OCR indisponible ».
///
/// Only one worker reads a store at a time, even across `guichet` processes on the same host
/// (a lock on `ocr.lock` beside the database); the others stay idle. The interface never waits
/// for it: ``start()`` and ``wake()`` return at once.
///
/// ```swift
/// let ocr = OCRWorker(store: store)
/// ocr.start()                        // at application start
/// try documents.attach(fileAt: scan, type: .proofOfAddress, owners: [tier.id], by: agent)
/// ocr.wake()                         // after an attach
/// ocr.stop()                         // when the application quits
/// ```
public final class OCRWorker: @unchecked Sendable {
    public let store: SIMSStore
    public let engine: OCREngine
    /// How often an idle worker looks for documents attached by other processes.
    public var pollInterval: TimeInterval

    private let condition = NSCondition()
    /// Serialises reading within the process (the background thread and ``processPending(limit:)``).
    private let reading = NSLock()
    private var running = false
    private var woken = false
    private var thread: Thread?
    private var checkedAvailability: OCREngine.Availability?
    private var read = 0
    private var failed = 0

    public init(store: SIMSStore, engine: OCREngine = OCREngine(), pollInterval: TimeInterval = 30) {
        self.store = store
        self.engine = engine
        self.pollInterval = pollInterval
    }

    /// False once the check found tesseract or its French model missing (true before the check).
    public var isAvailable: Bool {
        condition.lock()
        defer { condition.unlock() }
        if case .unavailable = checkedAvailability { return false }
        return true
    }

    /// Why OCR is unavailable, in French; nil when it is available or not checked yet.
    public var unavailableReason: String? {
        condition.lock()
        defer { condition.unlock() }
        if case .unavailable(let reason) = checkedAvailability { return reason }
        return nil
    }

    /// Documents read (state `lu`) by this worker since it was created.
    public var documentsRead: Int {
        condition.lock()
        defer { condition.unlock() }
        return read
    }

    /// Documents this worker failed to read (state `echec`).
    public var documentsFailed: Int {
        condition.lock()
        defer { condition.unlock() }
        return failed
    }

    /// Starts the background thread (once); it checks tesseract, then reads what is waiting.
    public func start() {
        condition.lock()
        defer { condition.unlock() }
        guard !running else { return }
        running = true
        woken = true
        let thread = Thread { [self] in loop() }
        thread.name = "guichet-ocr"
        thread.qualityOfService = .background
        thread.stackSize = 1 << 20
        self.thread = thread
        thread.start()
    }

    /// Asks the thread to stop after the document it is reading (does not wait for it).
    public func stop() {
        condition.lock()
        running = false
        thread = nil
        condition.broadcast()
        condition.unlock()
    }

    /// Tells the worker a document was attached: it looks at once instead of at its next poll.
    public func wake() {
        condition.lock()
        woken = true
        condition.broadcast()
        condition.unlock()
    }

    /// Reads up to `limit` waiting documents now, on the caller's thread, oldest first; returns
    /// how many were processed (read, failed, or marked unavailable). Returns 0 at once when
    /// another process holds the store's OCR lock.
    @discardableResult
    public func processPending(limit: Int = .max) throws -> Int {
        reading.lock()
        defer { reading.unlock() }
        guard let lock = StoreLock(path: lockPath) else { return 0 }
        defer { lock.release() }
        if case .unavailable(let reason) = availability() {
            return try markUnavailable(reason: reason)
        }
        var processed = 0
        while processed < limit {
            if processed > 0, isStopping { break }
            guard let next = try nextPending() else { break }
            let result: Result<String, OCREngine.Failure>
            if let url = next.url {
                do {
                    result = .success(try engine.read(fileAt: url, extension: next.fileExtension))
                } catch {
                    result = .failure(error)
                }
            } else {
                result = .failure(OCREngine.Failure("la pièce n'a pas de fichier."))
            }
            try record(result, documentID: next.id)
            processed += 1
        }
        return processed
    }

    // MARK: Internals

    private var lockPath: String {
        URL(fileURLWithPath: store.path).deletingLastPathComponent().appendingPathComponent("ocr.lock").path
    }

    /// Stopping only matters for the background thread; a synchronous call runs to its limit.
    private var isStopping: Bool {
        guard Thread.current.name == "guichet-ocr" else { return false }
        condition.lock()
        defer { condition.unlock() }
        return !running
    }

    private func availability() -> OCREngine.Availability {
        condition.lock()
        if let known = checkedAvailability {
            condition.unlock()
            return known
        }
        condition.unlock()
        let found = engine.availability()
        condition.lock()
        checkedAvailability = found
        condition.unlock()
        return found
    }

    private struct Pending {
        var id: Int64
        var fileExtension: String?
        var url: URL?
    }

    private func nextPending() throws -> Pending? {
        let files = DocumentFileStore(storePath: store.path)
        return try store.read { db in
            guard let row = try StoreRow.fetchOne(db.cachedStatement(sql: """
                SELECT id, sha256, file_ext FROM document WHERE ocr_state = 'en_attente' ORDER BY id LIMIT 1
                """)) else { return nil }
            let sha: String? = row["sha256"]
            let ext: String? = row["file_ext"]
            return Pending(id: row["id"], fileExtension: ext, url: sha.map { files.url(sha256: $0, extension: ext ?? "") })
        }
    }

    private func record(_ result: Result<String, OCREngine.Failure>, documentID: Int64) throws {
        try store.write { db in
            switch result {
            case .success(let text):
                try db.cachedStatement(sql: "UPDATE document SET ocr_state = 'lu', ocr_text = ? WHERE id = ? AND ocr_state = 'en_attente'")
                    .execute(arguments: [text, documentID])
            case .failure(let failure):
                try db.cachedStatement(sql: "UPDATE document SET ocr_state = 'echec', ocr_text = ? WHERE id = ? AND ocr_state = 'en_attente'")
                    .execute(arguments: [failure.reason, documentID])
            }
        }
        condition.lock()
        if case .success = result { read += 1 } else { failed += 1 }
        condition.unlock()
    }

    private func markUnavailable(reason: String) throws -> Int {
        try store.write { db in
            try db.execute(sql: "UPDATE document SET ocr_state = 'indisponible' WHERE ocr_state = 'en_attente'")
            return db.changesCount
        }
    }

    private func loop() {
        while true {
            condition.lock()
            while running, !woken {
                if !condition.wait(until: Date().addingTimeInterval(pollInterval)) { break }
            }
            woken = false
            let keepGoing = running
            condition.unlock()
            guard keepGoing else { return }
            // One document at a time, so that stop() and wake() are heard between documents.
            while (try? processPending(limit: 1)) == 1 {
                condition.lock()
                let stillRunning = running
                condition.unlock()
                if !stillRunning { return }
            }
        }
    }
}
