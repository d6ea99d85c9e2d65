/// A one-line message for the agent, above the function-key bar.
package struct StatusMessage: Equatable {
    enum Kind { case info, error }
    var kind: Kind
    package var text: String

    static func info(_ text: String) -> StatusMessage { StatusMessage(kind: .info, text: text) }
    static func error(_ text: String) -> StatusMessage { StatusMessage(kind: .error, text: text) }

    /// The rows the message takes above the bar of a terminal `width` columns wide (one or two),
    /// so that a screen can keep what it shows at the bottom of its body clear of it.
    func rows(width: Int) -> Int {
        CellBuffer.wrappedLines((kind == .error ? "✗ " : "") + text, width: width - 2, maxLines: 2).count
    }
}
