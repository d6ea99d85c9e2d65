import Foundation

/// An `OutputStream` that gathers what is written into 64 KiB blocks before handing them to a
/// file handle, for writers (the CSV library) that write a byte at a time: a million-line export
/// then costs a few thousand `write(2)` calls instead of a hundred million.
///
/// ```swift
/// let stream = BufferedFileStream(handle: .standardOutput)
/// let writer = try CSVWriter(stream: stream)
/// try writer.write(row: ["numero", "etat"])
/// stream.close()
/// if let error = stream.failure { throw error }
/// ```
final class BufferedFileStream: OutputStream {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var status: Stream.Status = .notOpen
    /// The first error of the file handle; once set, writes fail (and the CSV writer throws).
    private(set) var failure: Error?
    /// Bytes handed to the file handle so far.
    private(set) var bytesWritten = 0

    static let blockSize = 64 * 1024

    init(handle: FileHandle) {
        self.handle = handle
        super.init(toMemory: ())
        buffer.reserveCapacity(Self.blockSize)
    }

    required init(toMemory: ()) {
        handle = .nullDevice
        super.init(toMemory: ())
    }

    override var streamStatus: Stream.Status { status }
    override var streamError: Error? { failure }
    override var hasSpaceAvailable: Bool { failure == nil }

    override func open() { status = .open }

    /// Flushes what is left; the stream is closed afterwards.
    override func close() {
        flush()
        status = .closed
    }

    override func write(_ bytes: UnsafePointer<UInt8>, maxLength length: Int) -> Int {
        guard failure == nil, status == .open else { return -1 }
        buffer.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
        if buffer.count >= Self.blockSize { flush() }
        return failure == nil ? length : -1
    }

    /// Writes bytes of the caller's own (a byte order mark, a last line end).
    func append(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBufferPointer { write($0.baseAddress!, maxLength: $0.count) }
    }

    /// Hands the gathered bytes to the file handle.
    func flush() {
        guard failure == nil, !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
            bytesWritten += buffer.count
        } catch {
            failure = error
            status = .error
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
