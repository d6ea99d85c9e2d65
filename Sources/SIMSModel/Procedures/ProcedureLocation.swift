import Foundation

/// Where the procedure files are: `--procedures`, then `GUICHET_PROCEDURES`, then `./procedures`
/// when the current directory has one, then `$XDG_DATA_HOME/guichet/procedures`
/// (`~/.local/share/guichet/procedures`).
///
/// ```swift
/// let directory = ProcedureLocation.resolve(
///     explicit: nil, environment: ProcessInfo.processInfo.environment,
///     currentDirectory: FileManager.default.currentDirectoryPath)
/// let catalog = try ProcedureCatalog.load(directory: directory)
/// ```
public enum ProcedureLocation {
    /// The name of the procedures folder, in the current directory and in the data folder.
    public static let directoryName = "procedures"

    /// The procedures folder to use; a relative path is taken from `currentDirectory`.
    public static func resolve(explicit: String?, environment: [String: String], currentDirectory: String) -> URL {
        let base = URL(fileURLWithPath: currentDirectory, isDirectory: true)
        func url(_ path: String) -> URL {
            URL(fileURLWithPath: path, isDirectory: true, relativeTo: base).standardizedFileURL
        }
        if let explicit, !explicit.isEmpty { return url(explicit) }
        if let env = environment["GUICHET_PROCEDURES"], !env.isEmpty { return url(env) }
        let local = url(directoryName)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: local.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return local
        }
        return url((StoreLocation.dataDirectory(environment: environment) as NSString).appendingPathComponent(directoryName))
    }
}
