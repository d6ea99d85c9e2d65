/// The short code a citizen uses to follow a dossier: six characters in two groups, `K7P-3QX`,
/// from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B).
public enum TrackingCode {
    package static let alphabet = Array("ACDEFGHJKMNPQRTUVWXY34679")

    /// A new random code.
    public static func make<G: RandomNumberGenerator>(using generator: inout G) -> String {
        var characters: [Character] = []
        for index in 0..<6 {
            if index == 3 { characters.append("-") }
            characters.append(alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))])
        }
        return String(characters)
    }
}
