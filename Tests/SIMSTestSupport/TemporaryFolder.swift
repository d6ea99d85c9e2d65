import Foundation

/// A new empty folder under the system's temporary folder for one test, named
/// `<prefix><uuid>`, created with mode 0755 (other test users, such as the agents of the
/// shared-host tests, may need to reach it).
///
/// ```swift
/// directory = try TemporaryFolder.make("guichet-salts-")
/// defer { TemporaryFolder.remove(directory) }
/// ```
public enum TemporaryFolder {
    public static func make(_ prefix: String) throws -> String {
        let path = NSTemporaryDirectory() + prefix + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o755])
        return path
    }

    /// Removes a folder made by ``make(_:)`` with everything in it.
    public static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
