import Foundation

/// Why the store refused an operation, with a French message for the agent or administrator.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The database file was written by a newer version of Guichet.
    case newerSchema(path: String)
    /// The database file does not exist and was not to be created.
    case missingStore(path: String)
    /// `guichet init` on a store that already has agents.
    case alreadyInitialised(path: String)
    /// The file is not a SIMS store (or is damaged).
    case unreadable(path: String, reason: String)
    /// The file system holding `folder` is full: `available` bytes left there, `needed` when the
    /// operation knows how much it wanted (see ``hostFault(_:at:needed:)``).
    case diskFull(folder: String, available: Int64?, needed: Int64?)
    /// The disk holding `folder` refused a read or a write for another reason than space
    /// (an input/output error of the device, a file system remounted read-only).
    case diskFailure(folder: String, reason: String)
    /// A PostgreSQL register was named where only a SQLite file will do (a session's or a copy's path).
    case engineUnavailable(location: String, servers: [String])
    /// An operation that this register's engine does not offer (yet).
    case missingCapability(engine: String, capability: String)

    public var description: String {
        switch self {
        case .newerSchema(let path):
            return "La base \(path) a été écrite par une version plus récente de Guichet : "
                + "mettez Guichet à jour avant de l'ouvrir. Rien n'a été modifié."
        case .missingStore(let path):
            return "Aucune base SIMS à \(path). Créez-la avec « guichet init » "
                + "(ou indiquez-en une autre avec --db ou GUICHET_DB)."
        case .alreadyInitialised(let path):
            return "La base \(path) est déjà initialisée : ses agents se gèrent avec « guichet agent »."
        case .unreadable(let path, let reason):
            return "Impossible d'ouvrir la base \(path) : \(reason)"
        case .diskFull(let folder, let available, let needed):
            let left = available.map { "\(FileSize.french($0)) libres" } ?? "plus de place"
            let wanted = needed.map { ", il en faut au moins \(FileSize.french($0))" } ?? ""
            return "Disque plein (\(left)\(wanted)) : rien n'est enregistré ; libérez de la place dans "
                + "\(ShownText.escaped(folder, limit: 100)) puis recommencez."
        case .diskFailure(let folder, let reason):
            return "Erreur du disque du dossier \(ShownText.escaped(folder, limit: 120)) (\(reason)) : "
                + "rien n'a été enregistré de cette opération ; prévenez l'administrateur."
        case .engineUnavailable(let location, let servers):
            return "\(location) est un registre PostgreSQL (serveur \(servers.joined(separator: ", "))) : cette opération "
                + "demande le chemin d'un fichier SQLite (par ex. /srv/guichet/sims.sqlite). Rien n'a été créé."
        case .missingCapability(let engine, let capability):
            return "Cette opération (\(capability)) n'est pas encore possible sur un registre \(engine) : "
                + "rien n'a été modifié ; prévenez l'administrateur."
        }
    }
}
