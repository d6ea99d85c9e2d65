/// A size in bytes as a French reader expects it: `812 octets`, `64 ko`, `59,2 Mo`, `1,4 Go`.
///
/// ```swift
/// FileSize.french(62_000_000)   // "59,1 Mo"
/// ```
public enum FileSize {
    public static func french(_ bytes: Int64) -> String {
        let units = ["ko", "Mo", "Go", "To"]
        guard bytes >= 1024 else { return "\(bytes) octets" }
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        let tenths = (value * 10).rounded()
        let whole = Int(tenths) / 10, tenth = Int(tenths) % 10
        return (tenth == 0 || whole >= 100 ? "\(Int(value.rounded()))" : "\(whole),\(tenth)") + " " + units[unit]
    }
}
