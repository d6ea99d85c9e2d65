import Foundation
package import GRDBSQLite

/// A copy of a string's bytes in memory this object owns, NUL-terminated, for SQLite to read in
/// place (`SQLITE_STATIC`) as long as the object lives: the bulk writers bind the same few
/// values (a timestamp, a kind, a source) to every row, and binding a Swift string makes SQLite
/// allocate, copy and free it each time.
///
/// ```swift
/// let at = PinnedCString("2026-11-29T10:00:00.000Z")
/// at.bind(to: statement, at: 3)   // valid while `at` lives
/// ```
final class PinnedCString {
    private let pointer: UnsafeMutablePointer<CChar>
    private let length: Int32

    init(_ text: String) {
        pointer = strdup(text)!
        length = Int32(text.utf8.count)
    }

    deinit { free(pointer) }

    func bind(to statement: OpaquePointer, at index: Int32) {
        sqlite3_bind_text(statement, index, pointer, length, SQLiteBinding.static)
    }
}
