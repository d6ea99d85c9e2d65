/// What undoing a merge did, for the message shown to the superviseur.
public struct TierUnmergeOutcome: Sendable, Equatable {
    public var mergeID: Int64
    public var survivorID: Int64
    public var absorbedID: Int64
    /// When the undone merge was made (stored timestamp).
    public var mergedAt: String
    /// Changes of the survivor's facts made since the merge (they stay on the survivor).
    public var updatesSince: Int
    /// Dossiers, relations and documents added to the survivor since the merge (they stay there).
    public var dossiersSince: Int
    public var relationsSince: Int
    public var documentsSince: Int
    public var eventID: Int64

    /// « Fusion défaite : n° 12 est rétablie comme avant la fusion du 03/12/2026 ; n° 7 garde … »
    public var message: String {
        var kept: [String] = []
        if updatesSince > 0 { kept.append(TierMergeOutcome.count(updatesSince, "modification", "modifications")) }
        if dossiersSince > 0 { kept.append(TierMergeOutcome.count(dossiersSince, "dossier", "dossiers")) }
        if relationsSince > 0 { kept.append(TierMergeOutcome.count(relationsSince, "relation", "relations")) }
        if documentsSince > 0 { kept.append(TierMergeOutcome.count(documentsSince, "pièce", "pièces")) }
        let head = "Fusion défaite : n° \(absorbedID) et n° \(survivorID) sont rétablies comme avant la fusion du "
            + "\(Timestamp.french(mergedAt).prefix(10))"
        guard !kept.isEmpty else { return head + "." }
        return head + " ; n° \(survivorID) garde ce qui lui a été ajouté depuis (\(kept.joined(separator: ", ")))."
    }
}
