import Foundation

/// The administrator's configuration of a shared host, `/etc/guichet/guichet.conf`: the service
/// account that owns the store, and the settings (`GUICHET_DB`, `GUICHET_COMMANDE_*`, scanner and
/// printer...) that replace whatever the agent's environment says when `guichet` runs under that
/// account. A section `[agent LOGIN]` gives one agent's own settings (their counter's scanner and
/// printer). The file is used only when owned by root and writable by no one else.
///
/// ```
/// # /etc/guichet/guichet.conf
/// compte = guichet
/// GUICHET_DB = /srv/guichet/sims.sqlite
/// GUICHET_PROCEDURES = /srv/guichet/procedures
///
/// [agent mgorodey]
/// GUICHET_SCANNER = airscan:e0:Canon MF740C
/// GUICHET_IMPRIMANTE = accueil-1
/// ```
public struct HostConfiguration: Sendable, Equatable {
    public static let defaultPath = "/etc/guichet/guichet.conf"

    /// The service account (`compte`).
    public var account: String
    /// `GUICHET_*` settings for every agent.
    public var settings: [String: String]
    /// Each agent's own settings, by login.
    public var agents: [String: [String: String]]

    public init(account: String, settings: [String: String] = [:], agents: [String: [String: String]] = [:]) {
        self.account = account
        self.settings = settings
        self.agents = agents
    }

    /// Reads the file at `path`; nil when there is none. Refuses a file that someone other
    /// than root could have written, and any line it does not understand.
    public static func load(path: String = defaultPath, requireRootOwner: Bool = true) throws -> HostConfiguration? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw ValidationError(field: nil, message: "\(path) n'est pas un fichier ordinaire : Guichet ne le lit pas.")
        }
        if requireRootOwner, info.st_uid != 0 || info.st_mode & 0o022 != 0 {
            throw ValidationError(field: nil, message: "\(path) doit appartenir à root et n'être modifiable que par lui "
                + "(chown root:root, chmod 644) : sinon un agent pourrait choisir la base ou les programmes lancés.")
        }
        guard info.st_size <= 256 * 1024, let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else {
            throw ValidationError(field: nil, message: "\(path) est illisible (UTF-8, 256 ko au plus).")
        }
        return try parse(text, file: path)
    }

    /// Parses the text of a configuration file.
    public static func parse(_ text: String, file: String) throws -> HostConfiguration {
        var account: String?
        var settings: [String: String] = [:]
        var agents: [String: [String: String]] = [:]
        var section: String?
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            func failure(_ why: String) -> ValidationError {
                ValidationError(field: nil, message: "\(file), ligne \(index + 1) : \(why) (\(ShownText.quoted(line)))")
            }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                let words = line.dropFirst().dropLast().split(separator: " ")
                guard line.hasSuffix("]"), words.count == 2, words[0] == "agent" else {
                    throw failure("section inconnue, attendu : [agent IDENTIFIANT]")
                }
                section = String(words[1])
                continue
            }
            guard let equal = line.firstIndex(of: "=") else { throw failure("attendu : CLÉ = valeur") }
            let key = line[..<equal].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equal)...].trimmingCharacters(in: .whitespaces)
            guard !value.unicodeScalars.contains(where: ShownText.needsEscape) else { throw failure("caractère de contrôle") }
            if key == "compte", section == nil {
                account = value
            } else if key.hasPrefix("GUICHET_"), key.dropFirst(8).allSatisfy({ $0.isUppercase || $0 == "_" }), key != "GUICHET_LOGIN" {
                if let section { agents[section, default: [:]][key] = value } else { settings[key] = value }
            } else {
                throw failure("clé inconnue \(ShownText.quoted(key)) : compte, ou une variable GUICHET_… (sauf GUICHET_LOGIN)")
            }
        }
        guard let account, !account.isEmpty else {
            throw ValidationError(field: nil, message: "\(file) : la ligne « compte = NOM » (le compte de service) manque.")
        }
        return HostConfiguration(account: account, settings: settings, agents: agents)
    }

    /// The environment of a process running under the service account for `login`: the caller's
    /// own `GUICHET_*` variables dropped (an agent chooses neither the store nor the programs),
    /// then the file's settings, then the agent's section.
    public func environment(from caller: [String: String], login: String) -> [String: String] {
        var environment = caller.filter { !$0.key.hasPrefix("GUICHET_") }
        environment.merge(settings) { $1 }
        environment.merge(agents[login] ?? [:]) { $1 }
        return environment
    }
}
