import Foundation

/// Where the SIMS store lives: `--db`, then `GUICHET_DB`, then `$XDG_DATA_HOME/guichet/sims.sqlite`.
/// A PostgreSQL register (a URI there) keeps its local files (pieces, sessions, anchors, the
/// backups' seal key) in a folder of this host: `GUICHET_DONNEES`, else
/// `$XDG_DATA_HOME/guichet/postgresql/<database>` (``postgresFolder(database:environment:)``).
///
/// ```swift
/// let path = StoreLocation.resolve(explicit: nil, environment: ProcessInfo.processInfo.environment)
/// ```
public enum StoreLocation {
    /// The file name of the default store inside the data folder.
    public static let defaultFileName = "sims.sqlite"
    /// The file name of the demonstration store inside the data folder.
    public static let demoFileName = "demo.sqlite"

    /// The data folder: `$XDG_DATA_HOME/guichet`, or `~/.local/share/guichet`.
    public static func dataDirectory(environment: [String: String]) -> String {
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return (xdg as NSString).appendingPathComponent("guichet")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".local/share/guichet")
    }

    /// The store path to use, the first of: an explicit path, `GUICHET_DB`, the default.
    public static func resolve(explicit: String?, environment: [String: String]) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let env = environment["GUICHET_DB"], !env.isEmpty { return env }
        return (dataDirectory(environment: environment) as NSString).appendingPathComponent(defaultFileName)
    }

    /// The path of the demonstration store.
    public static func demo(environment: [String: String]) -> String {
        (dataDirectory(environment: environment) as NSString).appendingPathComponent(demoFileName)
    }

    /// `location` when it names a SQLite file; a PostgreSQL URI (``PostgresURI``) or any other
    /// URI is never taken for a file name: it is refused with what to do, so that no folder
    /// named « postgresql: » is ever created.
    public static func filePath(_ location: String) throws -> String {
        if PostgresURI.isURI(location) {
            let uri = try PostgresURI.parse(location)
            throw StoreError.engineUnavailable(location: PostgresURI.redacted(location),
                                               servers: uri.endpoints.map(\.shown))
        }
        if PostgresURI.looksLikeURI(location) {
            throw ValidationError(field: nil, message: "\(ShownText.quoted(PostgresURI.redacted(location))) n'est ni un fichier "
                + "ni une adresse PostgreSQL : indiquez le chemin d'une base SQLite (par ex. /srv/guichet/sims.sqlite) "
                + "ou une adresse postgresql://….")
        }
        return location
    }

    /// The folder of a PostgreSQL register's local files on this host: `GUICHET_DONNEES` when set
    /// (one folder per register), else `postgresql/<database>` in the data folder.
    public static func postgresFolder(database: String, environment: [String: String]) -> String {
        if let folder = environment["GUICHET_DONNEES"], !folder.isEmpty { return folder }
        let postgres = (dataDirectory(environment: environment) as NSString).appendingPathComponent("postgresql")
        return (postgres as NSString).appendingPathComponent(fileName(database: database))
    }

    /// The path a store's companion files are named after (``SIMSStore/path``): a SQLite file's own
    /// path, or for a PostgreSQL URI `<its local folder>/<database>`; nothing is created.
    public static func companionPath(of location: String, environment: [String: String]) throws -> String {
        guard PostgresURI.isURI(location) else { return try filePath(location) }
        let database = PostgresStore.databaseName(of: try PostgresURI.parse(location))
        return (postgresFolder(database: database, environment: environment) as NSString)
            .appendingPathComponent(fileName(database: database))
    }

    /// A database's name as a file name of its local folder (no folder separator, never hidden).
    static func fileName(database: String) -> String {
        let name = database.replacingOccurrences(of: "/", with: "_")
        return name.isEmpty || name.hasPrefix(".") ? "_" + name : name
    }

    /// Creates `folder` and its parents, readable by their owner alone, when missing.
    static func makeFolder(_ folder: String) throws {
        guard !FileManager.default.fileExists(atPath: folder) else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }
}
