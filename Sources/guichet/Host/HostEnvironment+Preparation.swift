import Foundation
import GuichetCommandLine
import SIMSModel

extension HostEnvironment {
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
            InheritedFiles.names = Dictionary(uniqueKeysWithValues: channel.files.compactMap { key, name in Int32(key).map { ($0, name) } })
            received(arguments: channel.arguments, agentKeymap: channel.keymap.map { (channel.keymapPath ?? "keymap.conf", $0) })
        } catch {
            CommandFailure.fail("la commande transmise par votre guichet est illisible (\(error)) : relancez-la.")
        }
    }
}
