#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Counts the bytes written to a `FILE*` by passing them through a pipe read on a helper thread.
///
/// ncurses writes its output with `write(2)` on the descriptor of the `FILE*` given to `newterm`,
/// bypassing stdio, so a `fopencookie` stream cannot see it; a pipe can. The bytes are optionally
/// forwarded to another descriptor. Used by ``NCursesTerminal`` in counting mode (benchmarks).
///
/// ```swift
/// let counter = try OutputByteCounter(forwardingTo: nil)
/// fputs("abc", counter.file); fflush(counter.file)
/// counter.waitUntilDrained()
/// counter.totalBytes   // 3
/// ```
final class OutputByteCounter: @unchecked Sendable {
    /// The stream to write to (the pipe's write end).
    let file: UnsafeMutablePointer<FILE>

    private let readDescriptor: Int32
    private let forwardDescriptor: Int32?
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var total = 0
    private var reading = false
    private var finished = false

    /// Opens the pipe and starts the reader thread; `forwardingTo` receives a copy of the bytes.
    init(forwardingTo forwardDescriptor: Int32?) throws(NCursesTerminalError) {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else { throw .cannotCountBytes }
        guard let file = fdopen(descriptors[1], "w") else {
            close(descriptors[0])
            close(descriptors[1])
            throw .cannotCountBytes
        }
        self.file = file
        self.readDescriptor = descriptors[0]
        self.forwardDescriptor = forwardDescriptor
        Thread.detachNewThread { [self] in self.readUntilEndOfFile() }
    }

    /// The bytes counted so far.
    var totalBytes: Int {
        condition.lock()
        defer { condition.unlock() }
        return total
    }

    /// Waits until every byte written so far has been read and counted (at most `timeout` seconds).
    func waitUntilDrained(timeout: TimeInterval = 2) {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while !finished {
            var descriptor = pollfd(fd: readDescriptor, events: Int16(POLLIN), revents: 0)
            let hasData = poll(&descriptor, 1, 0) > 0 && descriptor.revents & Int16(POLLIN) != 0
            if !hasData && !reading { return }
            if !condition.wait(until: min(deadline, Date().addingTimeInterval(0.005))), Date() >= deadline {
                return
            }
        }
    }

    /// Closes the write end and waits for the reader thread to finish.
    func stop() {
        fclose(file)
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date().addingTimeInterval(2)
        while !finished, condition.wait(until: deadline) {}
    }

    private func readUntilEndOfFile() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var descriptor = pollfd(fd: readDescriptor, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            condition.lock()
            reading = true
            condition.unlock()
            let count = buffer.withUnsafeMutableBytes { read(readDescriptor, $0.baseAddress, $0.count) }
            let readError = count < 0 ? errno : 0
            if count > 0, let forward = forwardDescriptor {
                buffer.withUnsafeBytes { bytes in
                    var offset = 0
                    while offset < count {
                        let written = write(forward, bytes.baseAddress! + offset, count - offset)
                        if written <= 0 { if errno == EINTR { continue }; break }
                        offset += written
                    }
                }
            }
            condition.lock()
            reading = false
            if count > 0 { total += count }
            let done = count == 0 || (count < 0 && readError != EINTR && readError != EAGAIN)
            condition.broadcast()
            condition.unlock()
            if done { break }
        }
        condition.lock()
        finished = true
        close(readDescriptor)
        condition.broadcast()
        condition.unlock()
    }
}
