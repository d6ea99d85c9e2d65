/// JSON objects whose values are strings (or null), written with sorted keys and read back,
/// without Foundation's JSONSerialization: event payloads, dossier answers and fact values are
/// written and read at every action, and the generic codec costs more than the SQL around it.
///
/// ```swift
/// FlatJSON.encode(["b": "2", "a": "é\"1"])   // {"a":"é\"1","b":"2"}
/// FlatJSON.decode(#"{"a":"x","b":null}"#)    // ["a": "x", "b": nil]
/// ```
package enum FlatJSON {
    /// The object with its keys in ascending order (the same text for the same dictionary).
    package static func encode(_ values: [String: String]) -> String {
        var out = "{"
        var first = true
        for key in values.keys.sorted() {
            if !first { out += "," }
            first = false
            FactValuesCoding.appendQuoted(key, to: &out)
            out += ":"
            FactValuesCoding.appendQuoted(values[key]!, to: &out)
        }
        return out + "}"
    }

    /// The members of a flat object (a null value is `.some(nil)`), or nil when the text is not
    /// such an object.
    static func decode(_ json: String) -> [String: String?]? {
        var reader = Reader(bytes: Array(json.utf8))
        return reader.object()
    }

    /// A cursor over the UTF-8 bytes of the text.
    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        mutating func skipSpaces() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 {
                index += 1
            }
        }

        mutating func expect(_ byte: UInt8) -> Bool {
            skipSpaces()
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func object() -> [String: String?]? {
            guard expect(UInt8(ascii: "{")) else { return nil }
            var result: [String: String?] = [:]
            if expect(UInt8(ascii: "}")) { return result }
            repeat {
                skipSpaces()
                guard let key = string(), expect(UInt8(ascii: ":")) else { return nil }
                skipSpaces()
                if bytes[index...].starts(with: Array("null".utf8)) {
                    index += 4
                    result[key] = .some(nil)
                } else if let value = string() {
                    result[key] = value
                } else {
                    return nil
                }
            } while expect(UInt8(ascii: ","))
            guard expect(UInt8(ascii: "}")) else { return nil }
            skipSpaces()
            return index == bytes.count ? result : nil
        }

        mutating func string() -> String? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            var out: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index < bytes.count else { return nil }
                    let escaped = bytes[index]
                    index += 1
                    switch escaped {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "u"):
                        guard var scalar = hex4() else { return nil }
                        if (0xD800..<0xDC00).contains(scalar) {   // a surrogate pair
                            guard bytes[index...].starts(with: Array("\\u".utf8)) else { return nil }
                            index += 2
                            guard let low = hex4(), (0xDC00..<0xE000).contains(low) else { return nil }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let unicode = Unicode.Scalar(scalar) else { return nil }
                        out.append(contentsOf: Array(String(Character(unicode)).utf8))
                    default: return nil
                    }
                default:
                    out.append(byte)
                }
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard index + 4 <= bytes.count,
                  let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else { return nil }
            index += 4
            return value
        }
    }
}
