import Foundation

// Writes `keymap.conf` (first argument) as a Swift raw string literal, `DefaultKeymap.text`, into
// the Swift file named by the second argument. Used by the KeymapEmbedding build plugin only.

let arguments = CommandLine.arguments
guard arguments.count == 3, let data = FileManager.default.contents(atPath: arguments[1]),
      let text = String(data: data, encoding: .utf8) else {
    FileHandle.standardError.write(Data("usage: KeymapEmbedder keymap.conf Output.swift (UTF-8 input)\n".utf8))
    exit(1)
}
// A raw string delimiter longer than any run of « # » after a quote in the text.
var hashes = "#"
while text.contains("\"" + hashes) || text.contains(hashes + "\"") { hashes += "#" }
let source = """
// Generated at build time from keymap.conf by the KeymapEmbedding plugin: do not edit.
extension DefaultKeymap {
    /// The exact text of the repository's `keymap.conf`.
    static let text = \(hashes)\"\"\"
\(text)
\"\"\"\(hashes)
}

"""
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: arguments[2]), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("KeymapEmbedder: \(error)\n".utf8))
    exit(1)
}
