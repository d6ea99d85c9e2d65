import Foundation
import SIMSModel

/// A throwaway PostgreSQL server for the tests: `initdb` in a temporary folder, the server
/// listening on a Unix socket in that folder only (no TCP port, so nothing clashes with a cluster
/// of the machine), started once per test process at the first use and stopped at its exit. Each
/// test takes its own fresh database (``makeDatabase()``).
///
/// PostgreSQL refuses to run as root: when the tests run as root, the folder belongs to `nobody`
/// (mode 0700) and `initdb`, `pg_ctl` and the server run as `nobody` (`setpriv`). The role
/// `postgres` connects without a password (trust, on the socket only); every other role gives its
/// password (SCRAM), so that a wrong password can be tested.
///
/// ```swift
/// let cluster = try PostgresTestCluster.shared()      // Unavailable when PostgreSQL is not installed
/// let uri = try cluster.makeDatabase()                 // postgresql:///t_…?host=/tmp/…&user=postgres
/// ```
package final class PostgresTestCluster: @unchecked Sendable {
    /// Why no cluster could be started (PostgreSQL not installed, `initdb` failed): the tests skip
    /// with this reason.
    package struct Unavailable: Error, CustomStringConvertible {
        package let description: String
    }

    /// The folder of the data, the log and the socket.
    package let folder: String
    /// The folder of `initdb`, `pg_ctl` and `createdb` (`/usr/lib/postgresql/<version>/bin`).
    package let binaries: String
    /// The superuser role (trust).
    package static let superuser = "postgres"
    /// The port, which only names the socket (`.s.PGSQL.5432`): no TCP port is opened.
    package static let port = 5432

    private static let started: Result<PostgresTestCluster, Unavailable> = {
        do {
            let cluster = try PostgresTestCluster.start()
            atexit { PostgresTestCluster.stopShared() }
            return .success(cluster)
        } catch let error as Unavailable {
            return .failure(error)
        } catch {
            return .failure(Unavailable(description: "\(error)"))
        }
    }()

    /// The cluster of this test process, started at the first call.
    package static func shared() throws -> PostgresTestCluster {
        try started.get()
    }

    private init(folder: String, binaries: String) {
        self.folder = folder
        self.binaries = binaries
    }

    /// A URI for `database` on this cluster as `user` (the superuser by default).
    package func uri(database: String, user: String = superuser, password: String? = nil) -> PostgresURI {
        PostgresURI(endpoints: [.socket(folder: folder, port: Self.port)], database: database, user: user,
                    password: password, parameters: [:])
    }

    /// A new empty database with a unique name, owned by the superuser.
    package func makeDatabase() throws -> PostgresURI {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try Self.run(binaries + "/createdb", ["-h", folder, "-p", String(Self.port), "-U", Self.superuser, name], asServer: false)
        return uri(database: name)
    }

    // MARK: Starting and stopping

    private static func start() throws -> PostgresTestCluster {
        guard let binaries = serverBinaries() else {
            throw Unavailable(description: "PostgreSQL n'est pas installé (aucun /usr/lib/postgresql/*/bin/initdb) : "
                + "lancez .ci/setup (apt-get install postgresql) pour exécuter ces tests")
        }
        var template = Array((NSTemporaryDirectory() + "guichet-pg-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw Unavailable(description: "mkdtemp : \(String(cString: strerror(errno)))") }
        let folder = String(cString: made)
        chmod(folder, 0o700)
        if geteuid() == 0 {
            guard chown(folder, serverUser.uid, serverUser.gid) == 0 else {
                throw Unavailable(description: "chown \(folder) : \(String(cString: strerror(errno)))")
            }
        }
        let data = folder + "/data"
        try run(binaries + "/initdb", ["-D", data, "-U", superuser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"],
                asServer: true)
        // The superuser alone connects without a password; every other role gives its own.
        let access = """
            local all \(superuser) trust
            local all all scram-sha-256

            """
        try writeAsServer(access, to: data + "/pg_hba.conf")
        let options = "-c listen_addresses='' -k \(folder) -p \(port) -c fsync=off -c synchronous_commit=off "
            + "-c full_page_writes=off -c max_connections=50 -c shared_buffers=16MB"
        try run(binaries + "/pg_ctl", ["-D", data, "-l", folder + "/server.log", "-w", "-t", "60", "-o", options, "start"],
                asServer: true)
        return PostgresTestCluster(folder: folder, binaries: binaries)
    }

    /// Stops the shared cluster and removes its folder (at the test process's exit).
    package static func stopShared() {
        guard case .success(let cluster) = started else { return }
        try? run(cluster.binaries + "/pg_ctl", ["-D", cluster.folder + "/data", "-m", "immediate", "-w", "stop"], asServer: true)
        try? FileManager.default.removeItem(atPath: cluster.folder)
    }

    /// The newest installed server's binaries.
    private static func serverBinaries() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions.compactMap(Int.init).sorted().reversed()
            .map { "\(root)/\($0)/bin" }
            .first { FileManager.default.isExecutableFile(atPath: $0 + "/initdb") }
    }

    /// The account the server runs as when the tests run as root.
    private static let serverUser: (uid: uid_t, gid: gid_t) = {
        if let entry = getpwnam("nobody") { return (entry.pointee.pw_uid, entry.pointee.pw_gid) }
        return (65_534, 65_534)
    }()

    /// Runs a PostgreSQL program, as the server's account when `asServer` and the tests run as root,
    /// and waits for it. Spawned and waited for directly: Foundation's `Process` waits until every
    /// descendant has let go of a descriptor it hands the child, and the server that `pg_ctl start`
    /// leaves running never does.
    private static func run(_ program: String, _ arguments: [String], asServer: Bool) throws {
        var argv = [program] + arguments
        if asServer && geteuid() == 0 {
            argv = ["/usr/bin/setpriv", "--reuid=\(serverUser.uid)", "--regid=\(serverUser.gid)", "--clear-groups", "--"] + argv
        }
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        environment.removeValue(forKey: "PGPASSWORD")
        let outputPath = NSTemporaryDirectory() + "guichet-pg-output-" + UUID().uuidString
        let output = open(outputPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard output >= 0 else { throw Unavailable(description: "\(outputPath) : \(String(cString: strerror(errno)))") }
        defer {
            close(output)
            unlink(outputPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, output, 2)
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArguments, cEnvironment)
        guard spawned == 0 else { throw Unavailable(description: "\(argv[0]) : \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exited = status & 0x7F == 0, code = (status >> 8) & 0xFF
        guard exited && code == 0 else {
            let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
            throw Unavailable(description: "\((program as NSString).lastPathComponent) a échoué (\(status)) : \(text)")
        }
    }

    /// Writes a file of the cluster's folder, owned by the server's account.
    private static func writeAsServer(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        chmod(path, 0o600)
        if geteuid() == 0 { chown(path, serverUser.uid, serverUser.gid) }
    }
}
