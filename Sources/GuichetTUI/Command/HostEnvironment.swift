import Foundation
import SIMSModel

/// What every `guichet` process does before reading its arguments: files it creates are kept
/// from others whatever the caller's umask, and on a shared host (``HostConfiguration``) an
/// agent's `guichet` opens the files the agent names and runs the command under the service
/// account through sudo (``AgentLauncher``), where the administrator's settings replace the
/// agent's environment and only the descriptors handed over are used (``InheritedFiles``).
enum HostEnvironment {
    /// The command's arguments: as typed, or, under the service account for an agent, as the
    /// agent's own `guichet` handed them over (``AgentChannel``).
    nonisolated(unsafe) private(set) static var arguments: [String] = Array(CommandLine.arguments.dropFirst())
    /// The agent's keymap, read by the agent's own process: (its path, its text).
    nonisolated(unsafe) private(set) static var agentKeymap: (path: String, text: String)?
    /// The HOME of the service account's side for an agent: nothing is read from it, and above
    /// all not from the store's folder (the account's home), where a file could be planted.
    static let serviceHome = "/nonexistent"

    /// Whether this process runs under the service account on an agent's behalf (through sudo):
    /// the store and the procedures are then the configuration file's, never a path of the agent.
    static var actingForAgent: Bool {
        guard geteuid() != 0, let configuration = try? HostConfiguration.load(),
              let account = getpwnam(configuration.account), account.pointee.pw_uid == geteuid() else { return false }
        return isAgent(sudoUser: ProcessInfo.processInfo.environment["SUDO_USER"])
    }

    /// Whether sudo's `SUDO_USER` names an agent (root running `sudo -u` acts for itself).
    static func isAgent(sudoUser: String?) -> Bool {
        guard let sudoUser, !sudoUser.isEmpty else { return false }
        return sudoUser != "root"
    }

    /// Prepares the process and returns the command's arguments; on an agent's shell of a
    /// shared host, runs the command under the service account and never returns.
    static func prepare() -> [String] {
        // First of all, before anything is opened: the descriptors this process inherited.
        InheritedFiles.recordAtStart()
        umask(0o077)
        let configuration: HostConfiguration?
        do {
            configuration = try HostConfiguration.load()
        } catch {
            CommandFailure.fail("\(error)")
        }
        guard let configuration else { return arguments }
        let uid = geteuid()
        guard uid != 0 else { return arguments }
        guard let account = getpwnam(configuration.account) else {
            CommandFailure.fail("le compte de service « \(configuration.account) » de \(HostConfiguration.defaultPath) n'existe pas : "
                + "lancez « guichet serveur installer » en root.")
        }
        guard account.pointee.pw_uid == uid else {
            // An agent's shell: the agent's process opens the files, the service account runs the command.
            AgentLauncher.run(arguments, configuration: configuration)
        }
        // Under the service account: the administrator's settings, never the caller's.
        let caller = ProcessInfo.processInfo.environment
        let forAgent = isAgent(sudoUser: caller["SUDO_USER"])
        if forAgent { receive() }
        let login = LoginResolver.current(environment: caller, serviceAccount: configuration.account)
        // The counter: the agent's own login session, as sshd or login recorded it (never SSH_CLIENT).
        let origin = (caller["SUDO_USER"] ?? "").isEmpty ? nil : SessionOrigin.current(login: login)
        var wanted = configuration.environment(from: caller, login: login, origin: origin)
        if forAgent {
            wanted["HOME"] = serviceHome
            for key in ["XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "TMPDIR"] { wanted[key] = nil }
            chdir("/")
        }
        for key in caller.keys where wanted[key] == nil { unsetenv(key) }
        for (key, value) in wanted where caller[key] != value { setenv(key, value, 1) }
        return arguments
    }

    /// Reads the command from the channel the agent's own `guichet` opened (its only way in:
    /// arguments on sudo's command line are refused, as they would show in `ps`).
    private static func receive() {
        let given = Array(CommandLine.arguments.dropFirst())
        guard given.count == 2, given[0] == AgentChannel.option, let number = Int32(given[1]),
              InheritedFiles.descriptors.contains(number) else {
            CommandFailure.fail("sous le compte de service, Guichet reçoit la commande de votre propre guichet : "
                + "tapez « guichet … » directement, sans sudo.")
        }
        InheritedFiles.forget(number)
        do {
            let channel = try AgentChannel.read(from: number)
            arguments = channel.arguments
            InheritedFiles.names = Dictionary(uniqueKeysWithValues: channel.files.compactMap { key, name in Int32(key).map { ($0, name) } })
            if let text = channel.keymap { agentKeymap = (channel.keymapPath ?? "keymap.conf", text) }
        } catch {
            CommandFailure.fail("la commande transmise par votre guichet est illisible (\(error)) : relancez-la.")
        }
    }
}
