import Foundation

/// Encodes the field values of one fact record as a compact JSON object with sorted keys.
///
/// Hand-written because the bulk import encodes a million of them: it must not cost more than
/// the insert itself. `null` records an erased field.
enum FactValuesCoding {
    static func encode(_ values: [TierField: String?]) -> String {
        var out = "{"
        var first = true
        for field in fieldsByName {
            guard let entry = values[field] else { continue }
            if !first { out += "," }
            first = false
            out += "\"" + field.rawValue + "\":"
            if let value = entry { appendQuoted(value, to: &out) } else { out += "null" }
        }
        return out + "}"
    }

    /// The same for values that are all set (no erased field).
    static func encode(_ values: [TierField: String]) -> String {
        encode(slots: TierFieldSlots.slots(values))
    }

    /// The same for values in ``TierFieldSlots`` order (the import's): the bytes are written
    /// once into the string's storage, the keys copied from their precomputed `"name":` form.
    static func encode(slots: [String?]) -> String {
        var length = 2
        var present = 0
        for (key, slot) in keyBytesBySlot {
            guard let value = slots[slot] else { continue }
            if value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
                // Rare: the general encoder writes the escapes.
                return encode(TierFieldSlots.dictionary(slots).mapValues { Optional($0) })
            }
            length += key.count + value.utf8.count + 2
            present += 1
        }
        length += max(present - 1, 0)
        return String(unsafeUninitializedCapacity: length) { out in
            var i = 0
            func put(_ byte: UInt8) { out[i] = byte; i += 1 }
            put(0x7B)
            for (key, slot) in keyBytesBySlot {
                guard var value = slots[slot] else { continue }
                if i > 1 { put(0x2C) }
                for byte in key { put(byte) }
                put(0x22)
                value.withUTF8 { bytes in
                    _ = UnsafeMutableBufferPointer(rebasing: out[i...]).initialize(fromContentsOf: bytes)
                    i += bytes.count
                }
                put(0x22)
            }
            put(0x7D)
            return i
        }
    }

    /// The fields in the order of their names, the order of the keys in the JSON.
    private static let fieldsByName = TierField.allCases.sorted { $0.rawValue < $1.rawValue }
    /// Their keys as the bytes of `"name":`, with their slots (``TierFieldSlots``), in that order.
    private static let keyBytesBySlot = fieldsByName.map { (Array("\"\($0.rawValue)\":".utf8), TierFieldSlots.index(of: $0)) }

    static func decode(_ json: String) -> [TierField: String?] {
        guard let object = FlatJSON.decode(json) else { return [:] }
        var result: [TierField: String?] = [:]
        for (key, value) in object {
            guard let field = TierField(rawValue: key) else { continue }
            result[field] = .some(value)
        }
        return result
    }

    static func appendQuoted(_ value: String, to out: inout String) {
        // Nearly every value needs no escape: copied whole.
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += "\""
            out += value
            out += "\""
            return
        }
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
