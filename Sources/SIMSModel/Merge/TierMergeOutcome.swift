/// What a merge did, for the message shown to the superviseur.
public struct TierMergeOutcome: Sendable, Equatable {
    /// The merge (a row of `tier_merge`).
    public var mergeID: Int64
    public var survivorID: Int64
    public var absorbedID: Int64
    /// The survivor's name after the merge.
    public var survivorName: String
    /// Fields whose current value now comes from the absorbed record.
    public var fieldsTaken: [TierField]
    public var relationsMoved: Int
    public var documentsMoved: Int
    public var dossiersMoved: Int
    /// The merge's event.
    public var eventID: Int64

    /// « Fiche n° 12 fusionnée dans n° 7 (WAMYTAN Hélène) : 2 valeurs reprises (Téléphone, Courriel), 1 dossier, … »
    public var message: String {
        var parts: [String] = []
        if !fieldsTaken.isEmpty {
            parts.append("\(Self.count(fieldsTaken.count, "valeur reprise", "valeurs reprises")) "
                + "(\(fieldsTaken.map(\.label).joined(separator: ", ")))")
        }
        if relationsMoved > 0 { parts.append(Self.count(relationsMoved, "relation", "relations")) }
        if documentsMoved > 0 { parts.append(Self.count(documentsMoved, "pièce", "pièces")) }
        if dossiersMoved > 0 { parts.append(Self.count(dossiersMoved, "dossier", "dossiers")) }
        let moved = parts.isEmpty ? "aucune valeur, relation, pièce ni dossier à reprendre" : parts.joined(separator: ", ")
        return "Fiche n° \(absorbedID) fusionnée dans n° \(survivorID) (\(survivorName)) : \(moved). "
            + "Son historique reste consultable ; la fusion se défait par « guichet doublons defaire-fusion \(absorbedID) »."
    }

    static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
}
