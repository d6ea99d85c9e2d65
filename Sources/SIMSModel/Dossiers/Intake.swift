/// Everything an intake form needs: the procedure, the brouillon dossier, the tiers it is about,
/// what was prefilled, and the pieces checklist.
public struct Intake: Sendable {
    public var procedure: Procedure
    public var dossier: Dossier
    public var applicant: TierSnapshot
    /// The beneficiary, nil when the procedure has none or a new one is being entered.
    public var beneficiary: TierSnapshot?
    /// The dossier this one renews, if any.
    public var previous: Dossier?
    /// The answers filled from the tiers and the previous dossier, by field key.
    public var prefill: [String: PrefilledAnswer]
    public var checks: [PieceCheck]

    public init(procedure: Procedure, dossier: Dossier, applicant: TierSnapshot, beneficiary: TierSnapshot?,
                previous: Dossier?, prefill: [String: PrefilledAnswer], checks: [PieceCheck]) {
        self.procedure = procedure
        self.dossier = dossier
        self.applicant = applicant
        self.beneficiary = beneficiary
        self.previous = previous
        self.prefill = prefill
        self.checks = checks
    }

    /// Whether the beneficiary is a new person, to be created when the dossier is submitted.
    public var hasNewBeneficiary: Bool { procedure.beneficiary != nil && beneficiary == nil }
}
