/// Why a restricted tier's data was not shown: the consultation needs a motif, which is recorded.
public struct RestrictedTierRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    /// The restricted tiers the consultation would show (a dossier: its applicant and beneficiary).
    public var tierIDs: [Int64]
    /// Their names, for the message.
    public var names: [String]

    public init(tierIDs: [Int64], names: [String]) {
        self.tierIDs = tierIDs
        self.names = names
    }

    public var description: String {
        let who = names.isEmpty ? "Cette fiche" : names.map { "« \($0) »" }.joined(separator: " et ")
        return "\(who) : traitement limité (RGPD). Ses données ne se consultent qu'avec un motif, "
            + "qui est enregistré : indiquez-le."
    }
}
