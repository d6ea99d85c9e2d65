import Foundation

/// A PostgreSQL register's address in libpq's URI syntax, wherever a store path goes (`--db`,
/// `GUICHET_DB`, the host's configuration file):
/// `postgresql://[user[:password]@][host][:port][,host[:port]…][/dbname][?param=value&…]`.
/// A Unix socket's folder is given as the `host` parameter (or a percent-encoded host), several
/// hosts with `target_session_attrs=read-write` to find the writable one.
///
/// ```swift
/// let uri = try PostgresURI.parse("postgresql:///sims?host=/run/postgresql")
/// uri.endpoints        // [.socket(folder: "/run/postgresql", port: 5432)]
/// uri.database         // "sims"
/// PostgresURI.isURI("/srv/guichet/sims.sqlite")   // false: a file
/// ```
public struct PostgresURI: Sendable, Equatable {
    /// Where a server listens: a Unix socket's folder, or a host name or address and a port.
    public enum Endpoint: Sendable, Equatable {
        case socket(folder: String, port: Int)
        case tcp(host: String, port: Int)

        /// « /run/postgresql (port 5432) » or « db1:5432 », for messages.
        public var shown: String {
            switch self {
            case .socket(let folder, let port): return "\(folder) (port \(port))"
            case .tcp(let host, let port): return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
            }
        }
    }

    /// The servers to try, in order.
    public var endpoints: [Endpoint]
    /// The database's name; libpq's default is the user's name.
    public var database: String?
    public var user: String?
    public var password: String?
    /// The other parameters (`target_session_attrs`, `sslmode`, `connect_timeout`, `application_name`…).
    public var parameters: [String: String]

    /// A URI from its parts (parameters other than those with their own property).
    package init(endpoints: [Endpoint], database: String?, user: String?, password: String?, parameters: [String: String]) {
        self.endpoints = endpoints
        self.database = database
        self.user = user
        self.password = password
        self.parameters = parameters
    }

    /// The parameters Guichet understands; any other is refused, so that a typo is not ignored.
    public static let knownParameters: Set<String> = [
        "host", "hostaddr", "port", "dbname", "user", "password", "target_session_attrs", "sslmode", "connect_timeout",
        "application_name",
    ]

    /// The port PostgreSQL listens on when none is given.
    public static let defaultPort = 5432

    /// Whether `text` is a PostgreSQL URI rather than a file path: it starts with
    /// `postgresql://` or `postgres://` (any case). Anything else is a SQLite file.
    public static func isURI(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("postgresql://") || lowered.hasPrefix("postgres://")
    }

    /// Whether `text` looks like a URI of another scheme (`mysql://…`, `postgresql:/sims`): never
    /// a file name either.
    public static func looksLikeURI(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else { return false }
        let scheme = text[..<colon]
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
            && scheme.first!.isLetter && text[colon...].hasPrefix(":/")
    }

    /// Parses `text`, refusing with a French message what libpq would refuse or misread.
    public static func parse(_ text: String) throws -> PostgresURI {
        func failure(_ why: String) -> ValidationError {
            ValidationError(field: nil, message: "Adresse PostgreSQL \(ShownText.quoted(redacted(text))) : \(why). "
                + "Forme attendue : postgresql:///sims?host=/run/postgresql ou postgresql://guichet@db1:5432/sims.")
        }
        guard isURI(text) else { throw failure("elle doit commencer par postgresql://") }
        guard !text.unicodeScalars.contains(where: ShownText.needsEscape) else { throw failure("caractère de contrôle") }
        var rest = text[text.range(of: "://")!.upperBound...]
        var query = Substring("")
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        var path = Substring("")
        if let slash = rest.firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        var uri = PostgresURI(endpoints: [], database: nil, user: nil, password: nil, parameters: [:])
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = userInfo.firstIndex(of: ":") {
                uri.user = try decode(userInfo[..<colon], failure)
                uri.password = try decode(userInfo[userInfo.index(after: colon)...], failure)
            } else {
                uri.user = try decode(userInfo, failure)
            }
            if uri.user?.isEmpty == true { uri.user = nil }
        }
        if !path.isEmpty {
            let name = try decode(path, failure)
            guard !name.contains("/") else { throw failure("le nom de la base ne peut pas contenir « / »") }
            uri.database = name
        }
        var hosts: [String] = [], ports: [String] = []
        if !rest.isEmpty {
            for item in splitHosts(rest) {
                let (host, port) = try splitHostPort(item, failure)
                hosts.append(try decode(host, failure))
                ports.append(port)
            }
        }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            guard let equal = pair.firstIndex(of: "=") else { throw failure("paramètre \(ShownText.quoted(String(pair))) sans valeur") }
            let key = try decode(pair[..<equal], failure), value = try decode(pair[pair.index(after: equal)...], failure)
            guard knownParameters.contains(key) else {
                throw failure("paramètre inconnu \(ShownText.quoted(key)) (connus : "
                    + knownParameters.sorted().joined(separator: ", ") + ")")
            }
            switch key {
            case "host", "hostaddr": hosts = value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            case "port": ports = value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            case "dbname": uri.database = value
            case "user": uri.user = value
            case "password": uri.password = value
            default: uri.parameters[key] = value
            }
        }
        if hosts.isEmpty { hosts = [""] }
        guard ports.count <= 1 || ports.count == hosts.count else {
            throw failure("\(hosts.count) serveurs mais \(ports.count) ports : donnez un port, ou un par serveur")
        }
        for (index, host) in hosts.enumerated() {
            let portText = ports.isEmpty ? "" : ports[ports.count == 1 ? 0 : index]
            let port: Int
            if portText.isEmpty {
                port = defaultPort
            } else {
                guard let value = Int(portText), (1...65_535).contains(value) else {
                    throw failure("port \(ShownText.quoted(portText)) invalide (1 à 65535)")
                }
                port = value
            }
            if host.isEmpty {
                uri.endpoints.append(.socket(folder: "/var/run/postgresql", port: port))
            } else if host.hasPrefix("/") {
                uri.endpoints.append(.socket(folder: host, port: port))
            } else {
                uri.endpoints.append(.tcp(host: host, port: port))
            }
        }
        if let attributes = uri.parameters["target_session_attrs"],
           !["any", "read-write", "primary"].contains(attributes) {
            throw failure("target_session_attrs \(ShownText.quoted(attributes)) : any, read-write ou primary")
        }
        return uri
    }

    /// The URI with its password replaced by `***`, for messages and logs.
    public static func redacted(_ text: String) -> String {
        var shown = text
        if let scheme = shown.range(of: "://"),
           let at = shown[scheme.upperBound...].firstIndex(of: "@") {
            let userInfo = shown[scheme.upperBound..<at]
            if let colon = userInfo.firstIndex(of: ":") {
                shown.replaceSubrange(shown.index(after: colon)..<at, with: "***")
            }
        }
        if let range = shown.range(of: #"([?&])password=[^&]*"#, options: .regularExpression) {
            let separator = shown[range].first!
            shown.replaceSubrange(range, with: "\(separator)password=***")
        }
        return shown
    }

    private static func splitHosts(_ text: Substring) -> [Substring] {
        var items: [Substring] = [], start = text.startIndex, inBrackets = false
        for index in text.indices {
            switch text[index] {
            case "[": inBrackets = true
            case "]": inBrackets = false
            case "," where !inBrackets:
                items.append(text[start..<index])
                start = text.index(after: index)
            default: break
            }
        }
        items.append(text[start...])
        return items
    }

    private static func splitHostPort(_ item: Substring, _ failure: (String) -> ValidationError) throws -> (Substring, String) {
        if item.hasPrefix("[") {
            guard let close = item.firstIndex(of: "]") else { throw failure("adresse IPv6 sans « ] »") }
            let host = item[item.index(after: item.startIndex)..<close]
            let after = item[item.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { throw failure("attendu « :port » après « ] »") }
            return (host, String(after.dropFirst()))
        }
        if let colon = item.lastIndex(of: ":") {
            return (item[..<colon], String(item[item.index(after: colon)...]))
        }
        return (item, "")
    }

    private static func decode(_ text: Substring, _ failure: (String) -> ValidationError) throws -> String {
        guard let decoded = String(text).removingPercentEncoding else {
            throw failure("encodage « % » incorrect")
        }
        return decoded
    }
}
