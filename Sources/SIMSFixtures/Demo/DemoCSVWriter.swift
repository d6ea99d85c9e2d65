import SIMSModel
import Foundation

/// Writes a fictional population as a tiers CSV file in the import format (with `ref` and
/// relation columns), for the import benchmark and for trying the import.
public enum DemoCSVWriter {
    public static var header: [String] {
        ["type", "ref"] + TierField.allCases.map(\.rawValue) + RelationKind.allCases.map(\.rawValue)
    }

    public static func write(count: Int, seed: UInt64, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw ValidationError(field: nil, message: "Impossible d'écrire \(path).")
        }
        defer { try? handle.close() }
        var buffer = header.joined(separator: ",") + "\n"
        for tier in DemoPopulation(count: count, seed: seed) {
            var fields = [tier.kind.rawValue, String(tier.localID)]
            for field in TierField.allCases {
                fields.append(tier.values[field].map { display(field, $0) } ?? "")
            }
            for kind in RelationKind.allCases {
                fields.append(tier.relations.filter { $0.kind == kind }.map { String($0.relatedLocalID) }.joined(separator: "|"))
            }
            buffer += fields.map(quote).joined(separator: ",") + "\n"
            if buffer.utf8.count > 1 << 20 {
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        handle.write(Data(buffer.utf8))
    }

    /// One CSV cell of a stored value, as this writer writes it (dates jj/mm/aaaa, quoted when needed).
    public static func cell(_ field: TierField, _ value: String) -> String { quote(display(field, value)) }

    /// Dates as agents write them (jj/mm/aaaa), the rest as stored.
    private static func display(_ field: TierField, _ value: String) -> String {
        field == .birthDate ? FieldValidator.display(value, for: field) : value
    }

    private static func quote(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
