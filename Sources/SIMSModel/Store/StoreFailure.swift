/// A failure of the store's engine, classified in engine-neutral terms: what a command or a
/// screen decides on (wait and try again when another writer holds the store, name the engine's
/// own words otherwise) without knowing SQLite's result codes or PostgreSQL's SQLSTATEs.
///
/// ```swift
/// do {
///     try body()
/// } catch let error where StoreFailure(error)?.kind == .busy {
///     // another writer holds the store: try again
/// }
/// ```
package struct StoreFailure: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as a caller decides on it.
    package enum Kind: Sendable, Equatable {
        /// Another connection holds the write lock beyond the engine's own wait.
        case busy
        /// A table or row is locked by another statement of the same connection or session.
        case locked
        /// The store refuses writes (a read-only file, connection or server).
        case readOnly
        /// The store's file or pages are damaged, or the file is not a store.
        case corrupt
        /// A constraint refused the write (unique, foreign key, check, an attestation guard).
        case constraint
        /// The disk or the engine's space is full.
        case full
        /// The engine could not read or write its files.
        case inputOutput
        /// The store could not be opened.
        case cannotOpen
        /// Any other failure of the engine.
        case other
    }

    /// What went wrong.
    package let kind: Kind
    /// The engine that failed.
    package let engine: StoreEngine
    /// The engine's own words, as it gave them (English for SQLite).
    package let message: String

    package init(kind: Kind, engine: StoreEngine, message: String) {
        self.kind = kind
        self.engine = engine
        self.message = message
    }

    /// The classification of `error` when an engine raised it, nil for any other error.
    package init?(_ error: any Error) {
        if let error = error as? StoreFailure {
            self = error
        } else if let failure = Self.sqlite(error) {
            self = failure
        } else {
            return nil
        }
    }

    /// « erreur de la base SQLite : database disk image is malformed ».
    package var description: String {
        let name = switch engine {
        case .sqlite: "SQLite"
        case .postgresql: "PostgreSQL"
        }
        return "erreur de la base \(name) : \(message)"
    }
}
