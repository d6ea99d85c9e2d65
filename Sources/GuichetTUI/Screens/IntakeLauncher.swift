import SIMSModel

/// Starts a dossier for a procedure and an applicant: asks for the beneficiary first when the
/// procedure has one, then opens the intake form in place of the screen that chose the procedure,
/// so that leaving the form (or its récépissé) goes back to the tier's record.
enum IntakeLauncher {
    /// The screen to show next (the beneficiary choice or the form), or `.stay` with a message
    /// when the dossier cannot be opened.
    static func start(session: AppSession, procedure: Procedure, applicantID: Int64) -> ScreenOutcome {
        do {
            let applicant = try TierService(store: session.store).snapshot(id: applicantID)
            guard applicant.kind == procedure.applicantKind else {
                session.message = .error("« \(procedure.title) » est demandée par "
                    + (procedure.applicantKind == .person ? "une personne" : "une organisation")
                    + " : ouvrez la fiche du bon demandeur.")
                return .stay
            }
            if procedure.beneficiary != nil {
                return .replace(BeneficiaryChoiceScreen(session: session, procedure: procedure, applicant: applicant))
            }
            return ConsultationMotifScreen.opening(session, push: false) { motif in
                let intake = try DossierService(store: session.store).start(procedure, applicantID: applicantID,
                                                                            by: session.agent, motif: motif)
                if procedure.isRenewal, intake.previous == nil {
                    session.message = .error("Aucun dossier \(procedure.renews.joined(separator: ", ")) précédent pour ce demandeur : "
                        + "un renouvellement reprend une première demande ; abandonnez ce brouillon (\(session.keyName(.annuler, in: .dossier))) et commencez par celle-ci.")
                }
                return IntakeScreen(session: session, intake: intake)
            }
        } catch {
            session.message = .error("\(error)")
            return .stay
        }
    }
}
