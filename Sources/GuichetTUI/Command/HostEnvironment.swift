import Foundation
import SIMSModel

/// What every `guichet` process does before reading its arguments: files it creates are kept
/// from others whatever the caller's umask, and on a shared host (``HostConfiguration``) an
/// agent's `guichet` runs again under the service account through sudo, where the
/// administrator's settings replace the agent's environment.
enum HostEnvironment {
    /// Whether this process runs under the service account on an agent's behalf (through sudo):
    /// the store and the procedures are then the configuration file's, never a path of the agent.
    static var actingForAgent: Bool {
        guard geteuid() != 0, let configuration = try? HostConfiguration.load(),
              let account = getpwnam(configuration.account), account.pointee.pw_uid == geteuid() else { return false }
        return !(ProcessInfo.processInfo.environment["SUDO_USER"] ?? "").isEmpty
    }

    static func prepare() {
        umask(0o077)
        let configuration: HostConfiguration?
        do {
            configuration = try HostConfiguration.load()
        } catch {
            CommandFailure.fail("\(error)")
        }
        guard let configuration else { return }
        let uid = geteuid()
        guard uid != 0 else { return }
        guard let account = getpwnam(configuration.account) else {
            CommandFailure.fail("le compte de service « \(configuration.account) » de \(HostConfiguration.defaultPath) n'existe pas : "
                + "lancez « guichet serveur installer » en root.")
        }
        if account.pointee.pw_uid == uid {
            // Under the service account: the administrator's settings, never the caller's.
            let caller = ProcessInfo.processInfo.environment
            let login = LoginResolver.current(environment: caller, serviceAccount: configuration.account)
            // The counter: the agent's own login session, as sshd or login recorded it (never SSH_CLIENT).
            let origin = (caller["SUDO_USER"] ?? "").isEmpty ? nil : SessionOrigin.current(login: login)
            let wanted = configuration.environment(from: caller, login: login, origin: origin)
            for key in caller.keys where wanted[key] == nil { unsetenv(key) }
            for (key, value) in wanted where caller[key] != value { setenv(key, value, 1) }
            return
        }
        // An agent's shell: run again as the service account, through the sudo rule.
        let binary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var arguments = ["sudo", "-n", "-u", configuration.account, "--", binary]
        arguments += CommandLine.arguments.dropFirst()
        let cArguments = arguments.map { strdup($0) } + [nil]
        execv("/usr/bin/sudo", cArguments)
        CommandFailure.fail("impossible de lancer sudo (\(String(cString: strerror(errno)))) : Guichet s'utilise ici à travers sudo ; "
            + "demandez à l'administrateur d'installer sudo et de vous ajouter au groupe des agents.")
    }
}
