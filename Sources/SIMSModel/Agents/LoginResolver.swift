import Foundation

/// Finds the operating-system login the agent is working under.
///
/// The login is the effective user's name, with two exceptions:
/// - on a shared host, `guichet` runs under the service account named by
///   `/etc/guichet/guichet.conf` (``HostConfiguration``), reached through a sudo rule; the agent
///   is then `SUDO_USER`, which sudo sets itself and no agent can choose;
/// - root may act under another login through `GUICHET_LOGIN` (as `su` would let it), which
///   tests and administrators use.
public enum LoginResolver {
    /// The login of the current process.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment,
                               serviceAccount: String? = installedServiceAccount) -> String {
        let uid = geteuid()
        let name: String
        if let pw = getpwuid(uid), let cName = pw.pointee.pw_name {
            name = String(cString: cName)
        } else {
            name = environment["USER"] ?? "uid\(uid)"
        }
        if uid == 0, let override = environment["GUICHET_LOGIN"], !override.isEmpty {
            return override
        }
        if let serviceAccount, name == serviceAccount, uid != 0,
           let agent = environment["SUDO_USER"], !agent.isEmpty, agent != "root" {
            return agent
        }
        return name
    }

    /// The service account of this host's configuration file, if any.
    public static var installedServiceAccount: String? {
        (try? HostConfiguration.load())?.account
    }
}
