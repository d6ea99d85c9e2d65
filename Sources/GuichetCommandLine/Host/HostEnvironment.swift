import Foundation
import SIMSModel

/// What every `guichet` process does before reading its arguments: files it creates are kept
/// from others whatever the caller's umask, and on a shared host (``HostConfiguration``) an
/// agent's `guichet` opens the files the agent names and runs the command under the service
/// account through sudo (the executable's `AgentLauncher`), where the administrator's settings
/// replace the agent's environment and only the descriptors handed over are used (its
/// `InheritedFiles`). This is what the commands and the benchmarks read of it; the executable's
/// `HostEnvironment.prepare()` sets it up.
package enum HostEnvironment {
    /// The command's arguments: as typed, or, under the service account for an agent, as the
    /// agent's own `guichet` handed them over (the executable's `AgentChannel`).
    package nonisolated(unsafe) private(set) static var arguments: [String] = Array(CommandLine.arguments.dropFirst())
    /// The agent's keymap, read by the agent's own process: (its path, its text).
    package nonisolated(unsafe) private(set) static var agentKeymap: (path: String, text: String)?
    /// The HOME of the service account's side for an agent: nothing is read from it, and above
    /// all not from the store's folder (the account's home), where a file could be planted.
    package static let serviceHome = "/nonexistent"

    /// Whether this process runs under the service account on an agent's behalf (through sudo):
    /// the store and the procedures are then the configuration file's, never a path of the agent.
    package static var actingForAgent: Bool {
        guard geteuid() != 0, let configuration = try? HostConfiguration.load(),
              let account = getpwnam(configuration.account), account.pointee.pw_uid == geteuid() else { return false }
        return isAgent(sudoUser: ProcessInfo.processInfo.environment["SUDO_USER"])
    }

    /// Whether sudo's `SUDO_USER` names an agent (root running `sudo -u` acts for itself).
    package static func isAgent(sudoUser: String?) -> Bool {
        guard let sudoUser, !sudoUser.isEmpty else { return false }
        return sudoUser != "root"
    }

    /// Records what the agent's own `guichet` handed over through its channel: the command's
    /// arguments, and the agent's keymap (its path and its text) when the agent has one.
    package static func received(arguments: [String], agentKeymap: (path: String, text: String)?) {
        self.arguments = arguments
        self.agentKeymap = agentKeymap
    }
}
