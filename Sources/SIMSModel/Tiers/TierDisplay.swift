/// How a tier is named in lists and headings.
public enum TierDisplay {
    /// « WAMYTAN épouse GORODEY Hélène Marie » for a person, the raison sociale for an organisation.
    public static func name(kind: TierKind, values: [TierField: String]) -> String {
        switch kind {
        case .organisation:
            return values[.companyName] ?? "(sans raison sociale)"
        case .person:
            var parts: [String] = []
            if let usage = values[.usageName], let birth = values[.birthName], usage != birth {
                parts.append(usage.uppercased())
                parts.append("\(values[.sex] == "M" ? "né" : "née") \(birth.uppercased())")
            } else if let birth = values[.birthName] {
                parts.append(birth.uppercased())
            } else if let usage = values[.usageName] {
                parts.append(usage.uppercased())
            }
            if let given = values[.givenNames] { parts.append(given) }
            return parts.isEmpty ? "(sans nom)" : parts.joined(separator: " ")
        }
    }
}
