import Foundation

/// Encodes the field values of one fact record as a compact JSON object with sorted keys.
///
/// Hand-written because the bulk import encodes a million of them: it must not cost more than
/// the insert itself. `null` records an erased field.
enum FactValuesCoding {
    static func encode(_ values: [TierField: String?]) -> String {
        var out = "{"
        var first = true
        for field in values.keys.sorted(by: { $0.rawValue < $1.rawValue }) {
            if !first { out += "," }
            first = false
            out += "\"" + field.rawValue + "\":"
            if let value = values[field] ?? nil { appendQuoted(value, to: &out) } else { out += "null" }
        }
        return out + "}"
    }

    static func decode(_ json: String) -> [TierField: String?] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return [:] }
        var result: [TierField: String?] = [:]
        for (key, value) in object {
            guard let field = TierField(rawValue: key) else { continue }
            result[field] = .some(value as? String)
        }
        return result
    }

    static func appendQuoted(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
