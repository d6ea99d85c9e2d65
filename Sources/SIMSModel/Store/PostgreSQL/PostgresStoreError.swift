/// Why a PostgreSQL register could not be reached or used, with a French message saying what to
/// check. Server names, database names and the server's own words come from outside (a URI, the
/// network): they are shown escaped.
public enum PostgresStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No server answered at `server` (no socket there, connection refused, no answer in time).
    case serverUnreachable(server: String, reason: String)
    /// The server refused the role `user` (wrong password, no `pg_hba.conf` line, peer mismatch).
    case authenticationRefused(user: String, server: String, reason: String)
    /// The server asks for a password and the URI gives none.
    case passwordMissing(user: String, server: String)
    /// The server has no database of that name.
    case databaseMissing(database: String, server: String)
    /// The server's major version is older than Guichet needs.
    case serverTooOld(server: String, version: String, minimum: Int)
    /// The database holds tables that are not Guichet's register (another application's).
    case foreignDatabase(database: String, tables: [String])
    /// The database is empty: no register was installed there yet.
    case registerMissing(database: String)
    /// The register was installed by a newer Guichet (its schema version is `version`).
    case newerSchema(database: String, version: Int)
    /// The schema is to be installed in a database that is not empty.
    case databaseNotEmpty(database: String, tables: [String])
    /// The connection was lost during an operation; `duringCommit` when it went at the commit
    /// itself (whether the server committed cannot be known from here).
    case connectionLost(server: String, duringCommit: Bool)
    /// Only a standby (read-only) server answered where a writable one was asked for.
    case noWritableServer(servers: [String])
    /// A statement the server refused (a constraint, a programming error): its SQLSTATE and words.
    case statementFailed(sqlState: String, message: String)

    public var description: String {
        switch self {
        case .serverUnreachable(let server, let reason):
            return "Serveur PostgreSQL injoignable à \(shown(server)) (\(reason)) : vérifiez que le serveur est démarré "
                + "(systemctl status postgresql), et l'adresse donnée dans --db ou GUICHET_DB (hôte, port, dossier de la socket). "
                + "Rien n'a été modifié."
        case .authenticationRefused(let user, let server, let reason):
            return "Le serveur PostgreSQL \(shown(server)) a refusé la connexion du rôle \(ShownText.quoted(user)) (\(shown(reason))) : "
                + "vérifiez le mot de passe donné dans l'adresse, et que pg_hba.conf autorise ce rôle. Rien n'a été modifié."
        case .passwordMissing(let user, let server):
            return "Le serveur PostgreSQL \(shown(server)) demande un mot de passe pour le rôle \(ShownText.quoted(user)) : "
                + "donnez-le dans l'adresse (postgresql://\(ShownText.escaped(user, limit: 40)):…@hôte/base). Rien n'a été modifié."
        case .databaseMissing(let database, let server):
            return "Le serveur PostgreSQL \(shown(server)) n'a pas de base \(ShownText.quoted(database)) : vérifiez son nom dans "
                + "l'adresse, ou créez-la (createdb -O guichet \(ShownText.escaped(database, limit: 40))). Rien n'a été modifié."
        case .serverTooOld(let server, let version, let minimum):
            return "Le serveur PostgreSQL \(shown(server)) est en version \(ShownText.escaped(version, limit: 40)) : Guichet demande "
                + "PostgreSQL \(minimum) ou plus récent. Mettez le serveur à jour (pg_upgradecluster) ou indiquez-en un autre. "
                + "Rien n'a été modifié."
        case .foreignDatabase(let database, let tables):
            return "La base PostgreSQL \(ShownText.quoted(database)) contient les tables d'une autre application "
                + "(\(listed(tables))) et pas de registre Guichet : vérifiez le nom de la base dans l'adresse. Rien n'a été modifié."
        case .registerMissing(let database):
            return "La base PostgreSQL \(ShownText.quoted(database)) est vide : aucun registre Guichet n'y est installé. "
                + "Créez-le avec « guichet init » ou copiez-y un registre SQLite avec « guichet migrer --vers … »."
        case .newerSchema(let database, let version):
            return "Le registre de la base PostgreSQL \(ShownText.quoted(database)) a été installé par une version plus récente "
                + "de Guichet (schéma \(version)) : mettez Guichet à jour avant de l'ouvrir. Rien n'a été modifié."
        case .databaseNotEmpty(let database, let tables):
            return "La base PostgreSQL \(ShownText.quoted(database)) n'est pas vide (\(listed(tables))) : Guichet n'installe son "
                + "registre que dans une base vide. Créez-en une (createdb -O guichet sims) et indiquez-la. Rien n'a été modifié."
        case .connectionLost(let server, let duringCommit):
            if duringCommit {
                return "La connexion au serveur PostgreSQL \(shown(server)) a été perdue pendant l'enregistrement : l'opération a "
                    + "pu être enregistrée ou non. Vérifiez la fiche avant de recommencer, et prévenez l'administrateur si cela se répète."
            }
            return "La connexion au serveur PostgreSQL \(shown(server)) a été perdue : rien n'a été enregistré de cette opération. "
                + "Recommencez dans un instant ; prévenez l'administrateur si cela se répète."
        case .noWritableServer(let servers):
            return "Aucun des serveurs PostgreSQL \(servers.map(shown).joined(separator: ", ")) n'accepte les écritures "
                + "(serveurs en secours seulement) : vérifiez lequel est le serveur principal. Rien n'a été modifié."
        case .statementFailed(let sqlState, let message):
            return "Le serveur PostgreSQL a refusé l'opération (\(ShownText.escaped(sqlState, limit: 10)) : "
                + "\(ShownText.escaped(message, limit: 200))) : rien n'a été enregistré ; prévenez l'administrateur."
        }
    }

    private func shown(_ text: String) -> String { ShownText.escaped(text, limit: 120) }

    private func listed(_ tables: [String]) -> String {
        let names = tables.prefix(5).map { ShownText.escaped($0, limit: 40) }.joined(separator: ", ")
        return tables.count > 5 ? "\(names)… (\(tables.count) tables)" : names
    }
}
