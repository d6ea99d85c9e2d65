import Foundation

/// Creates, lists, changes and disables agent accounts; every change is an audit event.
///
/// ```swift
/// let agents = AgentService(store: store)
/// let me = try agents.authenticate(login: LoginResolver.current())
/// try agents.add(login: "mwamytan", fullName: "Marie Wamytan", roles: [.reception], services: ["DPASS"], by: me)
/// ```
public struct AgentService: Sendable {
    public let store: SIMSStore

    public init(store: SIMSStore) { self.store = store }

    /// Makes `login` the first administrator of an empty store. Refused once any agent exists.
    @discardableResult
    public func initialise(login: String, fullName: String) throws -> Agent {
        try store.write { db in
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM agent") ?? 0 > 0 {
                throw StoreError.alreadyInitialised(path: store.location)
            }
            let now = store.clock.now()
            let id = try insert(db, login: login, fullName: fullName, roles: [.administrator], services: [], at: now)
            try EventLog.append(db, kind: .storeInitialised, agentID: id, tierID: nil,
                                payload: ["login": login], at: now)
            return try fetch(db, id: id)
        }
    }

    /// The active agent bound to `login`, or the reason there is none.
    public func authenticate(login: String) throws -> Agent {
        guard let agent = try store.read({ db in
            try Agent.fetchOne(db, sql: "SELECT * FROM agent WHERE login = ?", arguments: [login])
        }) else { throw AccessError.unknownLogin(login) }
        guard agent.active else { throw AccessError.disabled(login) }
        return agent
    }

    /// Every agent, active or not, by login.
    public func list() throws -> [Agent] {
        try store.read { db in try Agent.fetchAll(db, sql: "SELECT * FROM agent ORDER BY login") }
    }

    /// The active instructeurs and superviseurs, by name: those a dossier can be given to.
    public func reviewers() throws -> [Agent] {
        try list().filter { $0.active && ($0.has(.instructor) || $0.has(.supervisor)) }.sorted { $0.fullName < $1.fullName }
    }

    /// Adds an agent. Only an administrator may.
    @discardableResult
    public func add(login: String, fullName: String, roles: Set<Role>, services: [String], by actor: Agent) throws -> Agent {
        try Self.require(actor, .administrator, to: "ajouter un agent")
        let login = login.trimmingCharacters(in: .whitespaces)
        guard !login.isEmpty, login.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) else {
            throw ValidationError(field: nil, message: "Identifiant « \(login) » invalide : lettres, chiffres, point, tiret ou souligné, comme le nom de connexion du système.")
        }
        let fullName = try Self.checkedFullName(fullName)
        guard !roles.isEmpty else {
            throw ValidationError(field: nil, message: "Indiquez au moins un rôle : accueil, instructeur, superviseur ou administrateur.")
        }
        return try store.write { db in
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM agent WHERE login = ?", arguments: [login]) ?? 0 > 0 {
                throw ValidationError(field: nil, message: "L'agent « \(login) » existe déjà : changez ses rôles avec « guichet agent set-role ».")
            }
            let now = store.clock.now()
            let id = try insert(db, login: login, fullName: fullName, roles: roles, services: services, at: now)
            try EventLog.append(db, kind: .agentAdded, agentID: actor.id, tierID: nil,
                                payload: ["login": login, "roles": Self.roleCodes(roles), "services": services.joined(separator: ",")], at: now)
            return try fetch(db, id: id)
        }
    }

    /// Replaces an agent's roles. Only an administrator may; the last administrator keeps the role.
    @discardableResult
    public func setRoles(login: String, roles: Set<Role>, by actor: Agent) throws -> Agent {
        try Self.require(actor, .administrator, to: "changer les rôles d'un agent")
        guard !roles.isEmpty else {
            throw ValidationError(field: nil, message: "Indiquez au moins un rôle : accueil, instructeur, superviseur ou administrateur.")
        }
        return try store.write { db in
            let target = try existing(db, login: login)
            if target.has(.administrator), !roles.contains(.administrator), try activeAdministrators(db) <= 1 {
                throw ValidationError(field: nil, message: "« \(login) » est le dernier administrateur actif : nommez-en un autre avant de lui retirer ce rôle.")
            }
            try db.execute(sql: "UPDATE agent SET roles = ? WHERE id = ?", arguments: [Self.roleCodes(roles), target.id])
            try EventLog.append(db, kind: .agentRolesChanged, agentID: actor.id, tierID: nil,
                                payload: ["login": login, "avant": Self.roleCodes(target.roles), "apres": Self.roleCodes(roles)],
                                at: store.clock.now())
            return try fetch(db, id: target.id)
        }
    }

    /// Disables an account: the login can then do nothing. Its past actions stay attributed to it.
    @discardableResult
    public func disable(login: String, by actor: Agent) throws -> Agent {
        try Self.require(actor, .administrator, to: "désactiver un agent")
        return try store.write { db in
            let target = try existing(db, login: login)
            if target.has(.administrator), target.active, try activeAdministrators(db) <= 1 {
                throw ValidationError(field: nil, message: "« \(login) » est le dernier administrateur actif : nommez-en un autre avant de le désactiver.")
            }
            try db.execute(sql: "UPDATE agent SET active = 0 WHERE id = ?", arguments: [target.id])
            try EventLog.append(db, kind: .agentDisabled, agentID: actor.id, tierID: nil,
                                payload: ["login": login], at: store.clock.now())
            return try fetch(db, id: target.id)
        }
    }

    /// An agent's full name, checked like a person's names (letters with their accents,
    /// apostrophes, hyphens and spaces; no control character, no leading hyphen that a
    /// spreadsheet would read as a formula; 120 characters at most) and tidied the same way.
    public static func checkedFullName(_ raw: String) throws -> String {
        let label = TierField.givenNames.label
        do throws(ValidationError) {
            guard let cleaned = try ValidationText.clean(raw, field: .givenNames) else {
                throw ValidationError(field: nil, message: "Nom de l'agent : indiquez son nom complet (--name \"Prénom Nom\").")
            }
            return try NameRule.normalize(cleaned, field: .givenNames)
        } catch let error where error.field != nil {
            let detail = error.message.hasPrefix(label + " : ") ? String(error.message.dropFirst(label.count + 3)) : error.message
            throw ValidationError(field: nil, message: "Nom de l'agent : " + detail)
        }
    }

    /// Throws unless the agent holds one of the roles.
    public static func require(_ agent: Agent, _ roles: Role..., to action: String) throws {
        guard roles.contains(where: agent.has) else { throw AccessError.missingRole(action: action, needed: roles) }
    }

    static func roleCodes(_ roles: Set<Role>) -> String { roles.sorted().map(\.rawValue).joined(separator: ",") }

    private func insert(_ db: any StoreSession, login: String, fullName: String, roles: Set<Role>, services: [String], at: Date) throws -> Int64 {
        try db.execute(sql: """
            INSERT INTO agent (login, full_name, roles, services, active, created_at) VALUES (?, ?, ?, ?, 1, ?)
            """, arguments: [login, fullName, Self.roleCodes(roles), services.joined(separator: ","), Timestamp.string(from: at)])
        return try db.lastInsertedRowID
    }

    private func fetch(_ db: any StoreSession, id: Int64) throws -> Agent {
        try Agent.fetchOne(db, sql: "SELECT * FROM agent WHERE id = ?", arguments: [id])!
    }

    private func existing(_ db: any StoreSession, login: String) throws -> Agent {
        guard let agent = try Agent.fetchOne(db, sql: "SELECT * FROM agent WHERE login = ?", arguments: [login]) else {
            throw ValidationError(field: nil, message: "Aucun agent « \(login) » : vérifiez l'identifiant (guichet agent list).")
        }
        return agent
    }

    private func activeAdministrators(_ db: any StoreSession) throws -> Int {
        try Agent.fetchAll(db, sql: "SELECT * FROM agent WHERE active = 1").filter { $0.has(.administrator) }.count
    }
}
