import ArgumentParser
import Foundation
import GRDB
import SIMSModel

/// Runs a command's body and turns the model's errors into a French message on standard error
/// and a non-zero exit, instead of a stack of English.
enum CommandFailure {
    static func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ExitCode {
            throw error
        } catch let error as CleanExit {
            throw error
        } catch let error as DatabaseError {
            fail("erreur de la base SQLite : \(error.message ?? "\(error)")")
        } catch {
            fail("\(error)")
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("guichet : \(message)\n".utf8))
        exit(1)
    }
}
