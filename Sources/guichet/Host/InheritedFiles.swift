import Foundation
import GuichetCommandLine
import SIMSModel

/// The privileged side of a shared host's boundary: the files a `guichet` running under the
/// service account for an agent may use are only the descriptors it inherited at start from the
/// agent's own process (``AgentLauncher``), opened there with the agent's rights. A path is
/// never opened for an agent: the service account could open the store itself (a confused
/// deputy). The set is taken before anything is opened, so that no descriptor of this process's
/// own can be named.
enum InheritedFiles {
    /// Descriptors 3 and above open when the process started.
    nonisolated(unsafe) private(set) static var descriptors: Set<Int32> = []
    /// The agent's name of each descriptor passed (``AgentChannel/files``).
    nonisolated(unsafe) static var names: [Int32: String] = [:]

    /// Records the descriptors open now; called first thing in `main`.
    static func recordAtStart() {
        descriptors = Set((3..<1024).filter { fcntl($0, F_GETFD) != -1 })
    }

    /// Forgets a descriptor this process closed (the channel's).
    static func forget(_ descriptor: Int32) { descriptors.remove(descriptor) }

    /// The file to read for `value` of `option`: nil when this process does not act for an
    /// agent (the path is opened as usual), else the inherited descriptor `/dev/fd/N` names
    /// and the agent's name for it; a path is refused.
    static func input(_ value: String, option: String, actingForAgent: Bool = HostEnvironment.actingForAgent) throws
        -> (handle: FileHandle, name: String)? {
        try inherited(value, option: option, writing: false, actingForAgent: actingForAgent)
    }

    /// The file to write for `value` of `option`, as ``input(_:option:actingForAgent:)``.
    static func output(_ value: String, option: String, actingForAgent: Bool = HostEnvironment.actingForAgent) throws
        -> (handle: FileHandle, name: String)? {
        try inherited(value, option: option, writing: true, actingForAgent: actingForAgent)
    }

    /// The refusal of a path given to the service account's side.
    static func refusal(_ option: String) -> ValidationError {
        ValidationError(field: nil, message: "\(option) : sous le compte de service, Guichet n'ouvre aucun chemin pour un agent. "
            + "Lancez « guichet … » directement (sans sudo) : votre propre guichet ouvre alors le fichier avec vos droits.")
    }

    private static func inherited(_ value: String, option: String, writing: Bool, actingForAgent: Bool) throws
        -> (handle: FileHandle, name: String)? {
        guard actingForAgent else { return nil }
        guard value.hasPrefix("/dev/fd/"), let number = Int32(value.dropFirst(8)), descriptors.contains(number),
              let name = names[number] else { throw refusal(option) }
        var info = stat()
        guard fstat(number, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw ValidationError(field: nil, message: "\(option) : \(ShownText.escaped(name, limit: 200)) n'est pas un fichier ordinaire.")
        }
        guard info.st_uid != geteuid() else {
            throw ValidationError(field: nil, message: "\(option) : \(ShownText.escaped(name, limit: 200)) appartient au compte de "
                + "service : Guichet n'y touche pas pour un agent ; indiquez un fichier à vous.")
        }
        let mode = fcntl(number, F_GETFL) & O_ACCMODE
        guard writing ? mode != O_RDONLY : mode != O_WRONLY else { throw refusal(option) }
        descriptors.remove(number)
        return (FileHandle(fileDescriptor: number, closeOnDealloc: true), name)
    }
}
