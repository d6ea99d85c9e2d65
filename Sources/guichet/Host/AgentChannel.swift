import Foundation
import SIMSModel

/// What an agent's own `guichet` hands to the one it starts under the service account, through
/// a pipe rather than on the command line (where `ps` would show a search to every user): the
/// arguments, with each file the agent named replaced by `/dev/fd/N`, the agent's own name for
/// each of those descriptors (for messages and the journal), and the agent's keymap as text.
struct AgentChannel: Codable, Equatable {
    /// The option that names the channel's descriptor on the privileged side's command line.
    static let option = "--canal-agent"
    /// The largest message read: arguments and a keymap take a few kilobytes.
    static let maximumSize = 256 * 1024

    var arguments: [String]
    /// The agent's path of each descriptor passed, by descriptor number (as text: a JSON key).
    var files: [String: String] = [:]
    /// The agent's `keymap.conf`, read with the agent's rights, and its path.
    var keymap: String?
    var keymapPath: String?

    func encoded() throws -> Data { try JSONEncoder().encode(self) }

    /// Reads the whole message from `descriptor`, then closes it.
    static func read(from descriptor: Int32) throws -> AgentChannel {
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        let data = try handle.read(upToCount: maximumSize + 1) ?? Data()
        guard data.count <= maximumSize else {
            throw ValidationError(field: nil, message: "la commande transmise par votre guichet est trop longue.")
        }
        return try JSONDecoder().decode(AgentChannel.self, from: data)
    }
}
