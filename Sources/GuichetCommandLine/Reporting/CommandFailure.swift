import ArgumentParser
import Foundation
import SIMSModel

/// Runs a command's body and turns the model's errors into a French message on standard error
/// and a non-zero exit, instead of a stack of English.
package enum CommandFailure {
    /// Attempts of a command that found the store busy (each after SQLite's own 10 s wait).
    package static let busyAttempts = 30

    /// Runs `body`; when `retryingWhenBusy` and the store stays locked by another writer beyond
    /// SQLite's wait, says on standard error what holds it and runs `body` again. Only for
    /// commands whose body writes once, at its end or in one transaction, so that a second run
    /// never writes twice.
    package static func guarded<T>(retryingWhenBusy: Bool, storePath: String? = nil, _ body: () throws -> T) throws -> T {
        guard retryingWhenBusy else { return try guarded(writingTo: storePath, body) }
        var attempt = 1
        while true {
            do {
                return try body()
            } catch let error where StoreFailure(error)?.kind == .busy {
                let holders = storePath.map(busyHolders) ?? ""
                guard attempt < busyAttempts else {
                    fail("la base est restée occupée par une autre écriture\(holders) ; rien n'a été fait. "
                         + "Relancez la commande quand cette écriture sera finie.")
                }
                FileHandle.standardError.write(Data(("guichet : la base est occupée par une autre écriture\(holders) ; "
                    + "nouvel essai (\(attempt + 1)/\(busyAttempts))…\n").utf8))
                attempt += 1
            } catch {
                return try guarded(writingTo: storePath) { throw error }
            }
        }
    }

    /// «  : « import tiers » de admin (processus 1234, depuis le …) », or what else may hold it.
    package static func busyHolders(_ storePath: String) -> String {
        let others = StoreSessions.active(storePath: storePath).filter { $0.pid != getpid() }
        guard !others.isEmpty else { return " (aucun guichet connu ne la tient : un autre programme, par exemple sqlite3)" }
        return " ; en cours sur la base : " + others.prefix(5).map(\.french).joined(separator: ", ")
    }

    /// Runs `body`; a failure becomes a French message and exit 1. `writingTo`: a file or folder
    /// on the file system the command writes to (the store, a backup folder), named when the
    /// disk is full or failing (``StoreError/hostFault(_:at:needed:)``), with `needed` bytes when
    /// the command knows them.
    package static func guarded<T>(writingTo path: String? = nil, needed: Int64? = nil, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ExitCode {
            throw error
        } catch let error as CleanExit {
            throw error
        } catch {
            if let path, let fault = StoreError.hostFault(error, at: path, needed: needed) { fail("\(fault)") }
            if let failure = StoreFailure(error) { fail("\(failure)") }
            fail("\(error)")
        }
    }

    package static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("guichet : \(message)\n".utf8))
        exit(1)
    }
}
