/// A one-line message for the agent, above the function-key bar.
struct StatusMessage: Equatable {
    enum Kind { case info, error }
    var kind: Kind
    var text: String

    static func info(_ text: String) -> StatusMessage { StatusMessage(kind: .info, text: text) }
    static func error(_ text: String) -> StatusMessage { StatusMessage(kind: .error, text: text) }
}
