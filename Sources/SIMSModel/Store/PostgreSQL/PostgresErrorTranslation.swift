import Foundation
import PostgresNIO

/// PostgresNIO's errors as ``PostgresStoreError``s: what the agent or the administrator is told,
/// by what went wrong rather than by the driver's words.
enum PostgresErrorTranslation {
    /// An error met while connecting to `server` as `user` on `database`.
    static func connecting(_ error: any Error, server: String, user: String, database: String) -> any Error {
        if let translated = error as? PostgresStoreError { return translated }
        guard let error = error as? PSQLError else {
            return PostgresStoreError.serverUnreachable(server: server, reason: reason(of: error))
        }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = error.serverInfo?[.message] ?? ""
            switch state {
            case "28P01", "28000":
                return PostgresStoreError.authenticationRefused(user: user, server: server, reason: message)
            case "3D000":
                return PostgresStoreError.databaseMissing(database: database, server: server)
            case "53300":
                return PostgresStoreError.serverUnreachable(server: server, reason: "trop de connexions ouvertes")
            case "57P03":
                return PostgresStoreError.serverUnreachable(server: server, reason: "le serveur démarre ou s'arrête")
            default:
                return PostgresStoreError.statementFailed(sqlState: state, message: message)
            }
        case .authMechanismRequiresPassword:
            return PostgresStoreError.passwordMissing(user: user, server: server)
        case .unsupportedAuthMechanism, .saslError:
            return PostgresStoreError.authenticationRefused(user: user, server: server,
                                                            reason: "méthode d'authentification non prise en charge")
        default:
            return PostgresStoreError.serverUnreachable(server: server, reason: reason(of: error.underlying ?? error))
        }
    }

    /// An error met while running a statement on a connection to `server`.
    static func running(_ error: any Error, server: String) -> any Error {
        if error is PostgresStoreError { return error }
        guard let error = error as? PSQLError else { return error }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            // Class 08 (connection exception) and the server shutting down: the transaction is gone.
            if state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state) {
                return PostgresStoreError.connectionLost(server: server, duringCommit: false)
            }
            var message = error.serverInfo?[.message] ?? ""
            if let detail = error.serverInfo?[.detail] { message += " — " + detail }
            return PostgresStoreError.statementFailed(sqlState: state, message: message)
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown:
            return PostgresStoreError.connectionLost(server: server, duringCommit: false)
        default:
            return PostgresStoreError.statementFailed(sqlState: "", message: "\(error.code)")
        }
    }

    /// The cause of a failed connection in French (no socket, refused, no answer in time).
    static func reason(of error: any Error) -> String {
        if let error = error as? PSQLError, let underlying = error.underlying { return reason(of: underlying) }
        if let error = error as? NIOConnectionError, let first = error.connectionErrors.first {
            return reason(of: first.error)
        }
        if let error = error as? IOError {
            switch error.errnoCode {
            case ENOENT: return "aucune socket à cet endroit"
            case ECONNREFUSED: return "connexion refusée"
            case EACCES, EPERM: return "accès refusé à la socket"
            case ETIMEDOUT: return "pas de réponse dans le délai"
            case EHOSTUNREACH, ENETUNREACH: return "hôte injoignable"
            default: return String(cString: strerror(error.errnoCode))
            }
        }
        if let error = error as? ChannelError, case .connectTimeout = error { return "pas de réponse dans le délai" }
        if error is SocketAddressError { return "nom d'hôte inconnu" }
        return String(describing: error)
    }
}
