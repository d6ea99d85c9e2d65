import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock on a file (`flock`), taken without waiting: held by one open file
/// at a time, across threads and processes, and released when the holder closes it or dies.
///
/// ```swift
/// guard let lock = StoreLock(path: dir + "/ocr.lock") else { return }   // someone else has it
/// defer { lock.release() }
/// ```
final class StoreLock {
    private var descriptor: Int32

    /// Takes the lock, or nil when another holder has it (or the file cannot be opened).
    init?(path: String) {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return nil }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return nil
        }
        descriptor = fd
    }

    func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
