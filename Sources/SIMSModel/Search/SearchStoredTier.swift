/// What ``TierSearch`` reads of one candidate tier to score it and show it as a hit: its stored
/// name words and tokens (UTF-8, as ``SearchScorer`` compares them) and its summary columns.
package struct SearchStoredTier {
    package var names: [UInt8]
    package var tokens: [UInt8]
    package var birthDate: String?
    package var kind: String?
    package var displayName: String?
    package var ridet: String?
    package var commune: String?
    package var cafat: String?
    package var phone: String?
    package var email: String?
    package var minLevel: Int

    package init(names: [UInt8], tokens: [UInt8], birthDate: String?, kind: String?, displayName: String?, ridet: String?,
                 commune: String?, cafat: String?, phone: String?, email: String?, minLevel: Int) {
        self.names = names
        self.tokens = tokens
        self.birthDate = birthDate
        self.kind = kind
        self.displayName = displayName
        self.ridet = ridet
        self.commune = commune
        self.cafat = cafat
        self.phone = phone
        self.email = email
        self.minLevel = minLevel
    }
}
