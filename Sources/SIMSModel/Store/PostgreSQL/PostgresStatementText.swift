import Foundation

/// The services' SQL as PostgreSQL reads it: `?` placeholders numbered `$1`, `$2`…, and a script
/// of several statements cut into single statements (PostgreSQL's extended protocol, which binds
/// arguments, runs one statement at a time).
///
/// Text that is not SQL is left alone: string literals (`'it''s ?'`, `E'\'?'`), quoted identifiers
/// (`"a?b"`), comments (`-- ?`, `/* ? */`, nested) and dollar-quoted bodies (`$$ … ; … $$`,
/// `$body$ … $body$`). PostgreSQL's own `?` operators (jsonb's `?`, `?|`, `?&`) are never used by
/// the services: outside those, every `?` is a placeholder.
///
/// ```swift
/// PostgresStatementText.numbered("SELECT id FROM tier WHERE name = ? AND note <> '?'")
/// // ("SELECT id FROM tier WHERE name = $1 AND note <> '?'", 1)
/// PostgresStatementText.statements("CREATE TABLE a (x bigint); CREATE INDEX a_x ON a(x);")
/// // ["CREATE TABLE a (x bigint)", "CREATE INDEX a_x ON a(x)"]
/// ```
package enum PostgresStatementText {
    /// `sql` with its `?` placeholders numbered from `$1`, and how many there were.
    package static func numbered(_ sql: String) -> (sql: String, placeholders: Int) {
        var output = ""
        output.reserveCapacity(sql.utf8.count + 16)
        var count = 0
        scan(sql) { piece, isCode in
            guard isCode else { output += piece; return }
            for character in piece {
                if character == "?" {
                    count += 1
                    output += "$\(count)"
                } else {
                    output.append(character)
                }
            }
        }
        return (output, count)
    }

    /// The statements of a script, cut at the semicolons that end them, without the empty ones.
    package static func statements(_ script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        scan(script) { piece, isCode in
            guard isCode else { current += piece; return }
            for character in piece {
                if character == ";" {
                    statements.append(current)
                    current = ""
                } else {
                    current.append(character)
                }
            }
        }
        statements.append(current)
        return statements.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !isBlank($0) }
    }

    /// Whether a statement holds nothing but blanks and comments.
    private static func isBlank(_ statement: String) -> Bool {
        var blank = true
        scan(statement) { piece, isCode in
            if isCode, piece.contains(where: { !$0.isWhitespace }) { blank = false }
            if !isCode, !(piece.hasPrefix("--") || piece.hasPrefix("/*")) { blank = false }
        }
        return blank
    }

    /// Hands `sql` over in pieces, each marked as code (where placeholders and semicolons count)
    /// or not (a literal, a quoted identifier, a comment, a dollar-quoted body), in order: joined
    /// back they give `sql` unchanged.
    private static func scan(_ sql: String, _ emit: (String, Bool) -> Void) {
        let characters = Array(sql)
        var index = 0
        var codeStart = 0
        func flushCode(upTo end: Int) {
            if end > codeStart { emit(String(characters[codeStart..<end]), true) }
        }
        while index < characters.count {
            let character = characters[index]
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            var end: Int?
            switch character {
            case "'":
                // An E'…' string takes backslash escapes; a plain one only doubles its quote.
                let escapes = index > 0 && "eE".contains(characters[index - 1])
                    && (index < 2 || !isIdentifierCharacter(characters[index - 2]))
                end = closing(characters, from: index + 1, quote: "'", backslashEscapes: escapes)
            case "\"":
                end = closing(characters, from: index + 1, quote: "\"", backslashEscapes: false)
            case "-" where next == "-":
                var stop = index + 2
                while stop < characters.count, characters[stop] != "\n" { stop += 1 }
                end = stop
            case "/" where next == "*":
                var depth = 1, stop = index + 2
                while stop < characters.count, depth > 0 {
                    if characters[stop] == "/", stop + 1 < characters.count, characters[stop + 1] == "*" {
                        depth += 1; stop += 2
                    } else if characters[stop] == "*", stop + 1 < characters.count, characters[stop + 1] == "/" {
                        depth -= 1; stop += 2
                    } else {
                        stop += 1
                    }
                }
                end = stop
            case "$" where index == 0 || !isIdentifierCharacter(characters[index - 1]):
                if let tagEnd = dollarTagEnd(characters, from: index) {
                    let tag = Array(characters[index...tagEnd])
                    var stop = tagEnd + 1
                    var found = characters.count
                    while stop + tag.count <= characters.count {
                        if characters[stop] == "$", Array(characters[stop..<(stop + tag.count)]) == tag {
                            found = stop + tag.count
                            break
                        }
                        stop += 1
                    }
                    end = found
                }
            default:
                break
            }
            if let end {
                flushCode(upTo: index)
                emit(String(characters[index..<end]), false)
                index = end
                codeStart = end
            } else {
                index += 1
            }
        }
        flushCode(upTo: characters.count)
    }

    /// The index after the quote that closes a literal opened before `from` (the text's end when
    /// it is not closed).
    private static func closing(_ characters: [Character], from: Int, quote: Character, backslashEscapes: Bool) -> Int {
        var index = from
        while index < characters.count {
            let character = characters[index]
            if backslashEscapes, character == "\\" {
                index += 2
                continue
            }
            if character == quote {
                if index + 1 < characters.count, characters[index + 1] == quote {
                    index += 2
                    continue
                }
                return index + 1
            }
            index += 1
        }
        return characters.count
    }

    /// The index of the `$` closing a dollar-quote tag opened at `from` (`$$`, `$body$`), nil when
    /// the `$` opens none (`$1` is a parameter: a tag never starts with a digit).
    private static func dollarTagEnd(_ characters: [Character], from: Int) -> Int? {
        var index = from + 1
        while index < characters.count {
            let character = characters[index]
            if character == "$" { return index }
            guard isIdentifierCharacter(character), !(index == from + 1 && character.isNumber) else { return nil }
            index += 1
        }
        return nil
    }

    private static func isIdentifierCharacter(_ character: Character) -> Bool {
        character == "_" || character.isLetter || character.isNumber
    }
}
