/// A file that an agent names on the command line, which the agent's own process opens with the
/// agent's rights on a shared host (``AgentLauncher``): the service account never opens a path
/// an agent chose.
struct AgentFile: Equatable {
    enum Use: Equatable {
        /// Read: a regular file only.
        case read
        /// Written through a temporary file beside `path`, put in place once the command
        /// succeeded; an existing file only when `replacing` (``OutputFile``).
        case write(replacing: Bool)
    }

    /// The option that names it (`--sortie`), or the argument's name for a positional one.
    var option: String
    /// The path as the agent gave it, or the default the command would use.
    var path: String
    /// Whether the agent gave it (else the option is added with the descriptor).
    var given: Bool
    var use: Use
}

/// A command whose arguments name files of the agent.
protocol NamesAgentFiles {
    /// The files this parsed command reads or writes.
    var agentFiles: [AgentFile] { get }
}
