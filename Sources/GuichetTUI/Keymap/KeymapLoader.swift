import Foundation
import SIMSModel

/// Loads the keymap in effect: the defaults, overridden by the user's own `keymap.conf` if any.
///
/// The user's file is `$XDG_CONFIG_HOME/guichet/keymap.conf`, or `~/.config/guichet/keymap.conf`
/// when `XDG_CONFIG_HOME` is unset (or not an absolute path, as the XDG specification says).
///
/// ```swift
/// switch KeymapLoader.load(actingForAgent: HostEnvironment.actingForAgent, handedOver: HostEnvironment.agentKeymap) {
/// case .success(let keymap): app.keymap = keymap
/// case .failure(let error):  app.keymap = DefaultKeymap.keymap; status.show(error.message)
/// }
/// ```
package enum KeymapLoader {
    /// The largest keymap file read: a few hundred `bind` lines take a few kilobytes.
    package static let maximumFileSize = 64 * 1024

    /// Where the user's keymap file is looked for; nil when neither variable gives a place.
    package static func userKeymapPath(environment: [String: String]) -> String? {
        if let configHome = environment["XDG_CONFIG_HOME"], configHome.hasPrefix("/") {
            return configHome + "/guichet/keymap.conf"
        }
        if let home = environment["HOME"], !home.isEmpty {
            return home + "/.config/guichet/keymap.conf"
        }
        return nil
    }

    /// The defaults merged with the user's file when it exists, or the error of that file (its
    /// path and the line). Under the service account for an agent (`actingForAgent`, as the
    /// shared host's process set-up tells it), the file is the one the agent's own process read
    /// and handed over (`handedOver`: its path and its text): nothing is read from the service
    /// account's home.
    package static func load(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        actingForAgent: Bool = false,
        handedOver: (path: String, text: String)? = nil
    ) -> Result<Keymap, KeymapError> {
        if actingForAgent {
            guard let (path, text) = handedOver else { return .success(DefaultKeymap.keymap) }
            return parsed(text, fileName: path)
        }
        guard let path = userKeymapPath(environment: environment),
              FileManager.default.fileExists(atPath: path) else {
            return .success(DefaultKeymap.keymap)
        }
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maximumFileSize {
            return .failure(KeymapError(fileName: path, line: nil, kind: .unreadableFile(
                "fichier trop gros : \(FileSize.french(Int64(size))), \(FileSize.french(Int64(maximumFileSize))) au plus "
                    + "pour des lignes bind ; est-ce bien le fichier des touches ?")))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(KeymapError(fileName: path, line: nil, kind: .unreadableFile("accès refusé ou pas un fichier")))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(KeymapError(fileName: path, line: nil, kind: .unreadableFile("le fichier n'est pas en UTF-8")))
        }
        return parsed(text, fileName: path)
    }

    /// The defaults merged with the keymap `text`, or its error.
    static func parsed(_ text: String, fileName: String) -> Result<Keymap, KeymapError> {
        do {
            let user = try Keymap.parse(text, fileName: fileName)
            return .success(Keymap.merged(DefaultKeymap.keymap, user))
        } catch {
            return .failure(error)
        }
    }
}
