import Foundation
import SIMSModel

/// Text cut to a width for the screens (fiches, récépissés, messages), and paths as shown to
/// agents.
package enum WrappedText {
    /// `text` cut at spaces into lines of at most `width` columns; a line that starts with spaces
    /// or `- ` keeps that indent on its following lines, plus `hanging` columns. A word wider than
    /// the width is cut.
    package static func lines(_ text: String, width: Int, hanging: Int = 0) -> [String] {
        let width = max(width, 1)
        var result: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if DisplayWidth.of(line) <= width {
                result.append(line)
                continue
            }
            var indent = line.prefix { $0 == " " }.count
            if line.dropFirst(indent).hasPrefix("- ") { indent += 2 }
            let continuation = String(repeating: " ", count: min(indent + hanging, width / 2))
            var current = String(line.prefix(line.prefix { $0 == " " }.count))
            var currentHasWord = false
            var rest = Substring(line)
            // A hanging column (a key and its padding) keeps its spacing: only what follows wraps.
            if hanging > 0, hanging < width, line.count > hanging, line.prefix(hanging).last == " ",
               !line.prefix(hanging).allSatisfy({ $0 == " " }) {
                current = String(line.prefix(hanging))
                currentHasWord = true
                rest = line.dropFirst(hanging)
            }
            for word in keptTogether(rest.split(separator: " ").map(String.init)) {
                var word = word
                if currentHasWord, DisplayWidth.of(current) + 1 + DisplayWidth.of(word) > width {
                    result.append(current)
                    current = continuation
                    currentHasWord = false
                }
                // A word wider than a whole line is cut where the line ends.
                while DisplayWidth.of(current) + DisplayWidth.of(word) > width {
                    let room = width - DisplayWidth.of(current)
                    var head = ""
                    for character in word {
                        if DisplayWidth.of(head) + DisplayWidth.of(character) > room { break }
                        head.append(character)
                    }
                    if head.isEmpty { break }
                    result.append(current + head)
                    word.removeFirst(head.count)
                    current = continuation
                }
                current += (currentHasWord && !current.hasSuffix(" ") ? " " : "") + word
                currentHasWord = true
            }
            result.append(current)
        }
        return result
    }

    /// The words of a line with French quotes and high punctuation held to their word: a line
    /// never ends on « nor starts with », :, ; ! or ?.
    private static func keptTogether(_ words: [String]) -> [String] {
        var result: [String] = []
        for word in words {
            if let last = result.last, last.hasSuffix("«") || word.hasPrefix("»") || [":", ";", "!", "?"].contains(word) {
                result[result.count - 1] = last + " " + word
            } else {
                result.append(word)
            }
        }
        return result
    }

    /// `text` as a table column of `width` columns: cut with « … » when longer (never silently),
    /// then padded with spaces, with at least one space after it.
    static func column(_ text: String, width: Int) -> String {
        var shown = text
        if DisplayWidth.of(shown) > width - 1 {
            shown = ""
            for character in text {
                if DisplayWidth.of(shown) + DisplayWidth.of(character) > width - 2 { break }
                shown.append(character)
            }
            shown = shown.trimmingCharacters(in: .whitespaces) + "…"
        }
        return shown + String(repeating: " ", count: max(1, width - DisplayWidth.of(shown)))
    }

    /// `text` in at most `width` columns, ending with « … » when it had to be cut.
    static func fitted(_ text: String, width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        var head = ""
        for character in text {
            if DisplayWidth.of(head) + DisplayWidth.of(character) > max(width - 1, 0) { break }
            head.append(character)
        }
        return head + "…"
    }

    /// At most `maxLines` of ``lines(_:width:hanging:)``, the last ending with « … » when more were cut.
    static func lines(_ text: String, width: Int, maxLines: Int) -> [String] {
        let all = lines(text, width: width)
        guard all.count > maxLines, maxLines > 0 else { return all }
        var kept = Array(all.prefix(maxLines))
        kept[maxLines - 1] = fitted(kept[maxLines - 1] + " " + all[maxLines], width: width)
        return kept
    }

    /// A file's path as shown to agents: the home folder written `~`.
    static func shown(_ url: URL) -> String {
        let path = url.path
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        if home.count > 1, path.hasPrefix(home + "/") { return "~" + path.dropFirst(home.count) }
        return path
    }
}
