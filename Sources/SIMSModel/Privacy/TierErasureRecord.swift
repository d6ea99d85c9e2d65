/// One erasure of a person's data (a row of `tier_erasure`): who, when, on what ground (the
/// person's request or inactivity) and motif, what stayed under a legal retention and why, what went.
public struct TierErasureRecord: Sendable, Equatable {
    public let id: Int64
    public let tierID: Int64
    public let motif: String
    /// Why the law allowed it: the person's request, or inactivity.
    public let ground: TierErasureGround
    /// Login of the superviseur who erased.
    public let erasedBy: String
    /// Stored timestamp.
    public let erasedAt: String
    /// Whether nothing stayed: the record keeps only its number.
    public let complete: Bool
    /// What stayed, and why: « dossier BS-2026-000123 : conservation 10 ans, jusqu'au 15/09/2036 ».
    public let kept: [String]
    /// What went: « 3 faits (adresse, téléphone, courriel) », « 2 pièces », « 14 événements ».
    public let erased: [String]

    /// « Fiche n° 12 effacée le 03/12/2026 à la demande de la personne (RGPD). », or « … pour
    /// inactivité (fin de la durée de conservation) (RGPD). »
    public var notice: String {
        "Fiche n° \(tierID) effacée le \(Timestamp.french(erasedAt).prefix(10)) \(ground.phrase) (RGPD)."
    }
}
