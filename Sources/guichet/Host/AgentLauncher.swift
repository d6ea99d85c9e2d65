import ArgumentParser
import Foundation
import GuichetCommandLine
import GuichetTUI
import SIMSModel

/// The agent's side of a shared host's boundary (learnt from OpenSSH's privilege separation and
/// from `sudoedit`): the agent's own `guichet`, with the agent's rights, opens every file the
/// agent names — inputs read-only, outputs through a temporary file of the agent's, mode 0600,
/// beside the wanted name — then starts `guichet` under the service account through sudo as a
/// child, handing it those descriptors (sudo's `-C`, allowed by `closefrom_override` in the sudo
/// rule) and the arguments through a pipe (``AgentChannel``), never on a command line. An output
/// takes its name only once the privileged side succeeded: the agent gets back a file of their
/// own.
enum AgentLauncher {
    /// The child sudo, for the signal handlers.
    nonisolated(unsafe) private static var child: pid_t = 0

    /// What the agent's process hands over: the arguments as the privileged side reads them,
    /// the descriptors in the order they take from 4, and the outputs to put in place.
    struct Handover {
        var channel: AgentChannel
        var descriptors: [Int32] = []
        var outputs: [OutputFile] = []
    }

    /// Runs `arguments` under `configuration`'s service account for the calling agent, and
    /// exits with its status.
    static func run(_ arguments: [String], configuration: HostConfiguration) -> Never {
        let login = getpwuid(getuid()).map { String(cString: $0.pointee.pw_name) } ?? "uid\(getuid())"
        if let problem = membershipProblem(login: login, configuration: configuration) { CommandFailure.fail(problem) }
        let handover: Handover
        do {
            handover = try prepare(arguments)
        } catch {
            CommandFailure.fail("\(error)")
        }
        hideArguments()
        let status = launch(handover, account: configuration.account)
        if status == 0 {
            do {
                for output in handover.outputs { try output.commit() }
            } catch {
                CommandFailure.fail("\(error)")
            }
        } else {
            handover.outputs.forEach { $0.discard() }
        }
        exit(status)
    }

    /// Why `login` may not use Guichet here, in French; nil when they are in the agents' group
    /// (as sudo sees it: the group database, not this session's groups), or when the
    /// configuration does not name the group (sudo decides).
    static func membershipProblem(login: String, configuration: HostConfiguration) -> String? {
        guard let group = configuration.group else { return nil }
        guard let entry = getgrnam(group) else {
            return "le groupe des agents « \(group) » de \(HostConfiguration.defaultPath) n'existe pas : "
                + "demandez à l'administrateur de relancer « guichet serveur installer »."
        }
        let wanted = entry.pointee.gr_gid
        if let account = getpwnam(login) {
            var count: Int32 = 64
            var groups = [gid_t](repeating: 0, count: 64)
            if getgrouplist(login, account.pointee.pw_gid, &groups, &count) == -1 {
                groups = [gid_t](repeating: 0, count: Int(count))
                _ = getgrouplist(login, account.pointee.pw_gid, &groups, &count)
            }
            if groups.prefix(Int(max(count, 0))).contains(wanted) { return nil }
        }
        return "vous (\(ShownText.escaped(login, limit: 40))) n'êtes pas agent de Guichet sur ce serveur : seuls les membres du "
            + "groupe « \(group) » y ont accès. Demandez à l'administrateur de vous y ajouter (usermod -aG \(group) "
            + "\(ShownText.escaped(login, limit: 40))), puis reconnectez-vous."
    }

    /// Opens the files `arguments` name and rewrites them as `/dev/fd/N` (from 4: 3 is the
    /// channel); arguments that do not parse go as they are, for the privileged side to say
    /// what is wrong.
    static func prepare(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Handover {
        var handover = Handover(channel: AgentChannel(arguments: arguments))
        if let path = KeymapLoader.userKeymapPath(environment: environment), let text = readKeymap(path) {
            handover.channel.keymap = text
            handover.channel.keymapPath = path
        }
        guard let parsed = try? GuichetCommand.parseAsRoot(arguments) as? NamesAgentFiles else { return handover }
        var rewritten = arguments
        for file in parsed.agentFiles {
            let descriptor: Int32
            switch file.use {
            case .read:
                descriptor = try openInput(file)
            case .write(let replacing):
                let output = try OutputFile(path: file.path, replacing: replacing)
                handover.outputs.append(output)
                descriptor = output.handle.fileDescriptor
            }
            let number = Int32(4 + handover.descriptors.count)
            handover.descriptors.append(descriptor)
            handover.channel.files[String(number)] = file.path
            rewritten = try rewrite(rewritten, file: file, as: "/dev/fd/\(number)")
        }
        handover.channel.arguments = rewritten
        return handover
    }

    /// `arguments` with `file`'s path replaced by `replacement` (or its option added): the
    /// occurrence is the one that, parsed again, gives the command that file.
    static func rewrite(_ arguments: [String], file: AgentFile, as replacement: String) throws -> [String] {
        func names(_ candidate: [String]) -> Bool {
            guard let parsed = try? GuichetCommand.parseAsRoot(candidate) as? NamesAgentFiles else { return false }
            return parsed.agentFiles.contains { $0.option == file.option && $0.path == replacement }
        }
        guard file.given else {
            let candidate = arguments + [file.option, replacement]
            if names(candidate) { return candidate }
            throw ValidationError(field: nil, message: "\(file.option) : impossible de transmettre \(ShownText.escaped(file.path, limit: 200)).")
        }
        for (index, argument) in arguments.enumerated() {
            var candidate = arguments
            if argument == file.path {
                candidate[index] = replacement
            } else if argument == file.option + "=" + file.path {
                candidate[index] = file.option + "=" + replacement
            } else {
                continue
            }
            if names(candidate) { return candidate }
        }
        throw ValidationError(field: nil, message: "\(file.option) : impossible de transmettre \(ShownText.escaped(file.path, limit: 200)).")
    }

    /// Opens a file to read with the agent's rights: a regular file only (never a device or a
    /// pipe, which could block or never end).
    static func openInput(_ file: AgentFile) throws -> Int32 {
        let shown = ShownText.escaped(file.path, limit: 200)
        let descriptor = open(file.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let why = switch errno {
            case ENOENT: "ce fichier n'existe pas"
            case EACCES: "vous n'avez pas le droit de le lire"
            default: String(cString: strerror(errno))
            }
            throw ValidationError(field: nil, message: "Impossible de lire \(shown) : \(why) ; vérifiez le chemin et vos droits "
                + "sur ce fichier (Guichet le lit avec vos droits, pas avec ceux du compte de service).")
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw ValidationError(field: nil, message: "\(shown) n'est pas un fichier ordinaire : indiquez le fichier lui-même.")
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return descriptor
    }

    /// The agent's keymap text, read with the agent's rights; nil when there is none usable.
    private static func readKeymap(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= KeymapLoader.maximumFileSize,
              let data = try? handle.readToEnd() else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// Blanks this process's own command line (`/proc/PID/cmdline`), which would show a search
    /// to whoever may list processes.
    private static func hideArguments() {
        for index in 1..<Int(CommandLine.argc) {
            guard let argument = CommandLine.unsafeArgv[index] else { continue }
            memset(argument, 0, strlen(argument))
        }
    }

    /// Starts sudo with the channel on descriptor 3 and the files from 4, waits for it while
    /// passing on the signals meant for the command, and returns its exit status.
    static func launch(_ handover: Handover, account: String) -> Int32 {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { CommandFailure.fail("impossible de créer un tube : \(String(cString: strerror(errno))).") }
        let message: Data
        do { message = try handover.channel.encoded() } catch { CommandFailure.fail("\(error)") }
        guard message.count <= min(AgentChannel.maximumSize, 60 * 1024) else {
            CommandFailure.fail("la commande est trop longue : raccourcissez ses arguments.")
        }
        // The whole message fits the pipe's buffer: written before the child starts, it never blocks.
        let written = message.withUnsafeBytes { write(pipeEnds[1], $0.baseAddress, $0.count) }
        close(pipeEnds[1])
        guard written == message.count else { CommandFailure.fail("impossible de transmettre la commande à Guichet.") }
        // Every source moved above the target numbers first, so that no dup2 is a no-op that
        // would leave close-on-exec set.
        let sources = ([pipeEnds[0]] + handover.descriptors).map { fcntl($0, F_DUPFD_CLOEXEC, 64) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (offset, source) in sources.enumerated() { posix_spawn_file_actions_adddup2(&actions, source, Int32(3 + offset)) }
        let binary = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ServerLayout.binary
        let arguments = ["sudo", "-n", "-C", String(3 + sources.count), "-u", account, "--", binary, AgentChannel.option, "3"]
        let cArguments = arguments.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/usr/bin/sudo", &actions, nil, cArguments, environ)
        sources.forEach { close($0) }
        close(pipeEnds[0])
        guard spawned == 0 else {
            CommandFailure.fail("impossible de lancer sudo (\(String(cString: strerror(spawned)))) : Guichet s'utilise ici à travers "
                + "sudo ; demandez à l'administrateur d'installer sudo et de vous ajouter au groupe des agents.")
        }
        child = pid
        // The terminal's interrupt reaches the command itself; a termination sent to this
        // process is passed on.
        signal(SIGINT, SIG_IGN)
        signal(SIGQUIT, SIG_IGN)
        for forwarded in [SIGTERM, SIGHUP] {
            signal(forwarded) { number in if AgentLauncher.child > 0 { kill(AgentLauncher.child, number) } }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { return 1 }
        }
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
