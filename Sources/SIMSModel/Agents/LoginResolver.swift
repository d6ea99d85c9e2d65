import Foundation

/// Finds the operating-system login the agent is working under.
///
/// The login is the effective user's name. Only root may act under another login, through
/// `GUICHET_LOGIN` (as `su` would let it), which tests and administrators use.
public enum LoginResolver {
    /// The login of the current process.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
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
        return name
    }
}
