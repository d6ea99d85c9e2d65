import Foundation

/// Where the SIMS store lives: `--db`, then `GUICHET_DB`, then `$XDG_DATA_HOME/guichet/sims.sqlite`.
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
}
