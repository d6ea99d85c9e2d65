import Foundation

/// A counter (« poste ») of the host's configuration file: the sessions it recognises (the SSH
/// client addresses of its workstation, or a console terminal of the host) and its own settings
/// (its scanner, its printer), which apply to whoever works there unless the agent's own section
/// says otherwise.
///
/// ```
/// [poste accueil-1]
/// adresse = 10.0.1.21
/// GUICHET_SCANNER = airscan:e0:Canon MF740C (accueil 1)
/// GUICHET_IMPRIMANTE = accueil-1
/// ```
public struct CounterSection: Sendable, Equatable {
    public var name: String
    /// Client addresses as sshd records them in utmp (with `UseDNS no`, its default: the IP address).
    public var addresses: [String]
    /// Console terminals of the host (`tty1`), for a counter sitting at the host itself.
    public var terminals: [String]
    public var settings: [String: String]
    /// The line of its `[poste …]` header, for messages.
    public var line: Int

    public init(name: String, addresses: [String] = [], terminals: [String] = [], settings: [String: String] = [:], line: Int) {
        self.name = name
        self.addresses = addresses
        self.terminals = terminals
        self.settings = settings
        self.line = line
    }

    /// Whether a session from `origin` sits at this counter: a remote session by its address, a
    /// console of the host by its terminal.
    public func recognises(_ origin: SessionOrigin) -> Bool {
        origin.address.isEmpty ? terminals.contains(origin.line) : addresses.contains(origin.address)
    }

    /// Whether `text` can be an address sshd records: an IPv4 or IPv6 address, or a host name.
    static func isAddress(_ text: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        if inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1 { return true }
        return !text.isEmpty && text.count <= 253 && text.first != "-"
            && text.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "." || $0 == "-" }
    }

    /// Whether `text` names a console terminal of the host (`tty1` to `tty63`).
    static func isConsole(_ text: String) -> Bool {
        guard text.hasPrefix("tty"), let number = Int(text.dropFirst(3)) else { return false }
        return (1...63).contains(number) && text == "tty\(number)"
    }
}
