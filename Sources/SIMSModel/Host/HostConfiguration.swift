import Foundation

/// The administrator's configuration of a shared host, `/etc/guichet/guichet.conf`: the service
/// account that owns the store, and the settings (`GUICHET_DB`, `GUICHET_COMMANDE_*`, scanner and
/// printer...) that replace whatever the agent's environment says when `guichet` runs under that
/// account. A section `[poste NOM]` gives one counter's settings (its scanner and printer), for the
/// sessions that come from its address (``CounterSection``, ``SessionOrigin``); a section
/// `[agent LOGIN]` gives one agent's own, which win over the counter's, which win over the
/// file's first lines. The file is used only when owned by root and writable by no one else.
///
/// ```
/// # /etc/guichet/guichet.conf
/// compte = guichet
/// groupe = guichet-agents
/// GUICHET_DB = /srv/guichet/sims.sqlite
/// GUICHET_PROCEDURES = /srv/guichet/procedures
///
/// [poste accueil-1]
/// adresse = 10.0.1.21
/// GUICHET_SCANNER = airscan:e0:Canon MF740C
/// GUICHET_IMPRIMANTE = accueil-1
///
/// [agent mgorodey]
/// GUICHET_IMPRIMANTE = accueil-2
/// ```
public struct HostConfiguration: Sendable, Equatable {
    public static let defaultPath = "/etc/guichet/guichet.conf"

    /// The settings Guichet reads; `serveur verifier` reports any other `GUICHET_*` key (a typo
    /// that would leave a counter on its defaults).
    public static let knownSettings: Set<String> = [
        "GUICHET_DB", "GUICHET_PROCEDURES", "GUICHET_ARRIVEES", "GUICHET_ARRIVEES_TAILLE_MAX", "GUICHET_IMPRIMANTE",
        "GUICHET_COMMANDE_IMPRESSION", "GUICHET_COMMANDE_SCANIMAGE", "GUICHET_COMMANDE_IMG2PDF", "GUICHET_COMMANDE_TESSERACT",
        "GUICHET_COMMANDE_PDFTOPPM", "GUICHET_SCANNER", "GUICHET_SCANNER_DELAI", "GUICHET_SCANNER_MODE", "GUICHET_SCANNER_PAGES",
        "GUICHET_SCANNER_RESOLUTION", "GUICHET_SCANNER_SOURCE", "GUICHET_INACTIVITE_ANS", "GUICHET_SAUVEGARDES",
    ]

    /// The service account (`compte`).
    public var account: String
    /// The agents' group (`groupe`), whose members the sudo rule lets in; nil in a file written
    /// before it was recorded.
    public var group: String?
    /// `GUICHET_*` settings for every agent.
    public var settings: [String: String]
    /// Each agent's own settings, by login.
    public var agents: [String: [String: String]]
    /// The counters, in the file's order.
    public var counters: [CounterSection]
    /// `GUICHET_*` keys Guichet does not read, each with its line: « ligne 12 : « GUICHET_SCANER » ».
    public var unknownKeys: [String]

    public init(account: String, group: String? = nil, settings: [String: String] = [:], agents: [String: [String: String]] = [:],
                counters: [CounterSection] = [], unknownKeys: [String] = []) {
        self.account = account
        self.group = group
        self.settings = settings
        self.agents = agents
        self.counters = counters
        self.unknownKeys = unknownKeys
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
        var group: String?
        var settings: [String: String] = [:]
        var agents: [String: [String: String]] = [:]
        var counters: [CounterSection] = []
        var unknown: [String] = []
        enum Section { case top, agent(String), counter(Int) }
        var section = Section.top
        var seen: Set<String> = []
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            func failure(_ why: String) -> ValidationError {
                ValidationError(field: nil, message: "\(file), ligne \(index + 1) : \(why) (\(ShownText.quoted(line)))")
            }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                let words = line.dropFirst().dropLast().split(separator: " ").map(String.init)
                guard line.hasSuffix("]"), words.count == 2, ["agent", "poste"].contains(words[0]) else {
                    throw failure("section inconnue, attendu : [agent IDENTIFIANT] ou [poste NOM]")
                }
                guard words[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }) else {
                    throw failure("nom de \(words[0]) invalide : lettres, chiffres, - _ et . seulement")
                }
                guard seen.insert(words.joined(separator: " ")).inserted else {
                    throw failure("section en double : réunissez ses lignes sous un seul [\(words.joined(separator: " "))]")
                }
                if let previous = counters.last, case .counter = section { try checkRecognisable(previous, file: file) }
                if words[0] == "agent" {
                    section = .agent(words[1])
                } else {
                    counters.append(CounterSection(name: words[1], line: index + 1))
                    section = .counter(counters.count - 1)
                }
                continue
            }
            guard let equal = line.firstIndex(of: "=") else { throw failure("attendu : CLÉ = valeur") }
            let key = line[..<equal].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equal)...].trimmingCharacters(in: .whitespaces)
            guard !value.unicodeScalars.contains(where: ShownText.needsEscape) else { throw failure("caractère de contrôle") }
            switch (key, section) {
            case ("compte", .top):
                account = value
            case ("groupe", .top):
                group = value
            case ("adresse", .counter(let at)), ("terminal", .counter(let at)):
                let items = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                for item in items {
                    if key == "adresse" {
                        guard CounterSection.isAddress(item) else {
                            throw failure("adresse invalide \(ShownText.quoted(item)) : l'adresse IP du poste, par ex. 10.0.1.21")
                        }
                        if let other = counters.first(where: { $0.addresses.contains(item) }) {
                            throw failure("l'adresse \(item) est déjà celle du poste « \(other.name) » (ligne \(other.line))")
                        }
                        counters[at].addresses.append(item)
                    } else {
                        guard CounterSection.isConsole(item) else {
                            throw failure("terminal invalide \(ShownText.quoted(item)) : une console du serveur, tty1 à tty63")
                        }
                        counters[at].terminals.append(item)
                    }
                }
            case ("adresse", _), ("terminal", _):
                throw failure("« \(key) » se place dans une section [poste NOM]")
            case _ where key.hasPrefix("GUICHET_") && key.dropFirst(8).allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" })
                && key != "GUICHET_LOGIN":
                if !knownSettings.contains(key) { unknown.append("ligne \(index + 1) : \(ShownText.quoted(key))") }
                switch section {
                case .top: settings[key] = value
                case .agent(let login): agents[login, default: [:]][key] = value
                case .counter(let at): counters[at].settings[key] = value
                }
            default:
                throw failure("clé inconnue \(ShownText.quoted(key)) : compte, groupe, adresse et terminal (dans [poste …]), "
                    + "ou une variable GUICHET_… (sauf GUICHET_LOGIN)")
            }
        }
        if let previous = counters.last, case .counter = section { try checkRecognisable(previous, file: file) }
        guard let account, !account.isEmpty else {
            throw ValidationError(field: nil, message: "\(file) : la ligne « compte = NOM » (le compte de service) manque.")
        }
        return HostConfiguration(account: account, group: group, settings: settings, agents: agents, counters: counters, unknownKeys: unknown)
    }

    private static func checkRecognisable(_ counter: CounterSection, file: String) throws {
        guard counter.addresses.isEmpty, counter.terminals.isEmpty else { return }
        throw ValidationError(field: nil, message: "\(file), ligne \(counter.line) : le poste « \(counter.name) » n'a ni adresse "
            + "ni terminal : ajoutez « adresse = IP du poste » (ou « terminal = tty1 » pour une console du serveur).")
    }

    /// The counter a session from `origin` sits at, if any.
    public func counter(for origin: SessionOrigin?) -> CounterSection? {
        origin.flatMap { origin in counters.first { $0.recognises(origin) } }
    }

    /// The environment of a process running under the service account for `login`, sitting at
    /// the counter of `origin`: the caller's own `GUICHET_*` variables dropped (an agent chooses
    /// neither the store nor the programs), then the file's settings, then the counter's, then
    /// the agent's section (agent > poste > defaults).
    public func environment(from caller: [String: String], login: String, origin: SessionOrigin? = nil) -> [String: String] {
        var environment = caller.filter { !$0.key.hasPrefix("GUICHET_") }
        environment.merge(settings) { $1 }
        environment.merge(counter(for: origin)?.settings ?? [:]) { $1 }
        environment.merge(agents[login] ?? [:]) { $1 }
        return environment
    }
}
