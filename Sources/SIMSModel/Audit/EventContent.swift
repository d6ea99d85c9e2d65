import Crypto
import Foundation

/// The personal content of an event (the tier it concerns and its payload), hashed into the
/// chain through a salted digest, so that it can be erased later while the chain still proves
/// that no event was added, changed or dropped.
///
/// The salt is random and stored beside the content; erasing the content erases the salt too,
/// so the digest left behind cannot be matched against guessed values (a birth date, a name).
///
/// ```swift
/// let salt = EventContent.newSalt()
/// let digest = EventContent.digest(salt: salt, tierID: 12, payload: "{\"champs\":\"telephone\"}")
/// ```
public enum EventContent {
    /// 128 random bits, in hexadecimal.
    public static func newSalt() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<2).flatMap { _ -> [UInt8] in
            withUnsafeBytes(of: generator.next() as UInt64) { Array($0) }
        }
        return HexDigest.string(bytes)
    }

    /// The SHA-256 (hex) of the content with its salt.
    public static func digest(salt: String, tierID: Int64?, payload: String) -> String {
        let text = [salt, tierID.map(String.init) ?? "", payload].joined(separator: "\u{1F}")
        return HexDigest.string(SHA256.hash(data: Data(text.utf8)))
    }
}
