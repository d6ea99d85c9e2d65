/// Builds the pieces checklist of a procedure from the documents the tiers already have.
///
/// A document satisfies a required piece when it has the piece's type, belongs to the concerned
/// tier, is not older than the piece's maximum age on `today`, and is still valid.
///
/// ```swift
/// let checks = PieceChecklist.checks(for: grant, applicantDocuments: mine, beneficiaryDocuments: child,
///                                    today: today)
/// checks.filter { $0.reusable.isEmpty }   // the pieces to ask for
/// ```
public enum PieceChecklist {
    public static func checks(for procedure: Procedure, applicantDocuments: [Document],
                              beneficiaryDocuments: [Document], today: CalendarDate) -> [PieceCheck] {
        procedure.pieces.map { requirement in
            let candidates = requirement.concerns == .applicant ? applicantDocuments : beneficiaryDocuments
            return PieceCheck(requirement: requirement,
                              reusable: candidates.filter { satisfies($0, requirement, today: today) })
        }
    }

    /// Whether one document satisfies one required piece on `today`.
    public static func satisfies(_ document: Document, _ requirement: PieceRequirement, today: CalendarDate) -> Bool {
        guard document.type == requirement.documentType else { return false }
        if let maxAge = requirement.maxAgeDays {
            guard let issued = document.issuedOn.flatMap(CalendarDate.init(iso:)),
                  issued.days(until: today) <= maxAge, !(today < issued) else { return false }
        }
        if let end = document.effectiveValidUntil, end < today { return false }
        return true
    }

    /// The checks without the documents on file that prove a field changed in this form: they
    /// prove its old value (last year's justificatif de domicile once the address changed).
    /// Documents in `kept` (attached to this dossier since) stay offered. Also returns, per piece
    /// key, the changed fields that withdrew a document.
    public static func withdrawingProofs(of changed: [PieceOwner: Set<TierField>], from checks: [PieceCheck],
                                         keeping kept: Set<Int64> = []) -> (checks: [PieceCheck], withdrawn: [String: [TierField]]) {
        var withdrawn: [String: [TierField]] = [:]
        let result = checks.map { check -> PieceCheck in
            let fields = changed[check.requirement.concerns] ?? []
            let proven = TierField.allCases.filter { fields.contains($0) && DocumentProof.proves(check.requirement.documentType, $0) }
            guard !proven.isEmpty else { return check }
            var copy = check
            copy.reusable = check.reusable.filter { kept.contains($0.id) }
            if copy.reusable.count < check.reusable.count { withdrawn[check.requirement.key] = proven }
            return copy
        }
        return (result, withdrawn)
    }
}
