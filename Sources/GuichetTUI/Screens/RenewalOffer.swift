import SIMSModel

/// A renewal a tier's record offers one key away: a renewing procedure (RBS), the dossier it
/// would start from (last year's BS) and its beneficiary (the child).
///
/// ```swift
/// RenewalOffer.offers(for: parent.id, dossiers: dossiers, catalog: catalog).first?.text
/// // "RBS pour WAMYTAN Léa, d'après BS-2026-000001"
/// ```
struct RenewalOffer {
    let procedure: Procedure
    let previous: Dossier
    let beneficiaryName: String?

    /// What the record shows.
    var text: String {
        "\(procedure.code) pour \(beneficiaryName ?? "le demandeur"), d'après \(previous.number ?? "n° \(previous.id)")"
    }

    /// The renewals `applicantID` may start: for each renewing procedure of the catalogue, the
    /// latest submitted dossier per beneficiary of a procedure it renews (`dossiers` newest
    /// first), unless a renewal already started from it or the renewal was submitted this year.
    static func offers(for applicantID: Int64, dossiers: [Dossier], catalog: ProcedureCatalog, year: Int,
                       name: (Int64) -> String?) -> [RenewalOffer] {
        let mine = dossiers.filter { $0.applicantID == applicantID && $0.state != .draft }
        let renewed = Set(dossiers.compactMap(\.previousID))
        var offers: [RenewalOffer] = []
        for procedure in catalog.procedures where procedure.isRenewal {
            var seen = Set<Int64?>()
            for dossier in mine where procedure.renews.contains(dossier.procedureCode) {
                // Newest first: the first dossier of each beneficiary is the one to renew.
                guard seen.insert(dossier.beneficiaryID).inserted, !renewed.contains(dossier.id) else { continue }
                if dossier.procedureCode == procedure.code, dossier.submittedAt?.hasPrefix(String(year)) == true { continue }
                offers.append(RenewalOffer(procedure: procedure, previous: dossier,
                                           beneficiaryName: dossier.beneficiaryID.flatMap(name)))
            }
        }
        return offers
    }
}
