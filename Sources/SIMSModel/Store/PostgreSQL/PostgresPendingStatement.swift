import Foundation
import PostgresNIO

/// The statement a connection's caller is waiting for, failed as « connexion perdue » when the
/// connection closes under it: postgres-nio does not always answer a query written to a
/// connection the server has just closed, and the waiting thread would wait forever.
///
/// One per connection, watching its close once (``PostgresStore`` makes it when it connects).
final class PostgresPendingStatement: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: EventLoopPromise<PostgresQueryResult>?
    private let server: String

    init(connection: PostgresConnection, server: String) {
        self.server = server
        connection.closeFuture.whenComplete { [weak self] _ in
            guard let self else { return }
            self.lock.withLock { self.waiting?.fail(PostgresStoreError.connectionLost(server: self.server, duringCommit: false)) }
        }
    }

    /// The result of `query`, or the connection's loss.
    func wait(for query: EventLoopFuture<PostgresQueryResult>, on connection: PostgresConnection) throws -> PostgresQueryResult {
        let promise = connection.eventLoop.makePromise(of: PostgresQueryResult.self)
        lock.withLock { waiting = promise }
        defer { lock.withLock { waiting = nil } }
        if connection.isClosed { promise.fail(PostgresStoreError.connectionLost(server: server, duringCommit: false)) }
        query.cascade(to: promise)
        return try promise.futureResult.wait()
    }
}
