import SIMSModel

/// Choosing whom a dossier is for (a child for a school grant): the persons linked to the
/// applicant by the procedure's relations, or a new one to enter in the form.
package final class BeneficiaryChoiceScreen: Screen {
    let session: AppSession
    let procedure: Procedure
    let applicant: TierSnapshot
    /// The linked persons: (tier id, name, birth date shown, relation label).
    private(set) var candidates: [(id: Int64, name: String, born: String, relation: String)] = []
    private(set) var selected = 0
    /// The applicant's earlier dossiers that this procedure renews (for a renewal), newest first.
    private(set) var earlier: [Dossier] = []

    package init(session: AppSession, procedure: Procedure, applicant: TierSnapshot) {
        self.session = session
        self.procedure = procedure
        self.applicant = applicant
        if procedure.isRenewal {
            earlier = ((try? DossierService(store: session.store).dossiers(ofTier: applicant.id)) ?? [])
                .filter { $0.applicantID == applicant.id && procedure.renews.contains($0.procedureCode) }
        }
        let kinds = Set(procedure.beneficiary?.relations ?? [])
        let service = TierService(store: session.store)
        let restrictions = TierRestrictionService(store: session.store)
        var seen = Set<Int64>()
        for relation in applicant.inverseRelations where kinds.contains(relation.kind) && seen.insert(relation.tierID).inserted {
            // A restricted child shows its name only: its form asks the motif.
            if (try? restrictions.inForce(tierID: relation.tierID)) != nil {
                candidates.append((relation.tierID, relation.otherName + " · limitée", "", relation.kind.inverseLabel))
                continue
            }
            let born = (try? service.snapshot(id: relation.tierID))?.value(.birthDate).map(DateRule.display) ?? ""
            candidates.append((relation.tierID, relation.otherName, born, relation.kind.inverseLabel))
        }
        // A renewal starts on the child who had the grant.
        if let first = candidates.firstIndex(where: { earlierDossier(of: $0.id) != nil }) { selected = first }
    }

    /// The tier of the line chosen; nil on « + Nouveau ».
    package var selectedID: Int64? { candidates.indices.contains(selected) ? candidates[selected].id : nil }

    /// The latest earlier dossier (of the procedures renewed) whose beneficiary was `tierID`.
    func earlierDossier(of tierID: Int64) -> Dossier? {
        earlier.first { $0.beneficiaryID == tierID }
    }

    /// What to say when a renewal has no dossier to start from: where to start instead.
    var noEarlierWarning: String {
        let renewed = procedure.renews.filter { $0 != procedure.code }.map { code in session.catalog.procedure(code: code).map { "« \($0.title) » (\(code))" } ?? code }
        return "Aucun dossier \(procedure.renews.joined(separator: ", ")) précédent pour ce demandeur : un renouvellement "
            + "reprend une première demande. Commencez plutôt par \(renewed.joined(separator: " ou "))."
    }

    var label: String { procedure.beneficiary?.label ?? "Bénéficiaire" }
    package var title: String { "\(procedure.code) : \(label.lowercased()) concerné" }
    package var context: KeymapContext { .generic }
    package var offeredActions: Set<KeyAction> { [.ligneSuivante, .lignePrecedente, .ouvrir, .retour, .annuler] }

    package func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        buffer.put(procedure.title, x: x, y: area.y, style: theme.title, maxWidth: width)
        buffer.put("Demandeur : \(applicant.displayName)", x: x, y: area.y + 1, maxWidth: width)
        buffer.put("Pour qui est ce dossier ? (\(label))", x: x, y: area.y + 3, style: theme.columnHeader, maxWidth: width)
        var y = area.y + 5
        let lines = candidates.map { (procedure.isRenewal ? (earlierDossier(of: $0.id) != nil ? "↺ " : "  ") : "") + $0.name }
            + ["+ Nouveau : \(label.lowercased()) à saisir dans le dossier"]
        var rowCursor: CursorPosition?
        for (index, text) in lines.enumerated() where y < area.y + area.height - 2 {
            let style = index == selected ? theme.selected : CellStyle.plain
            if index == selected { rowCursor = ListCursor.drawSelection(into: &buffer, x: x, y: y, width: width, style: style) }
            buffer.put(text, x: x + 1, y: y, style: style, maxWidth: index < candidates.count ? 34 : width - 2)
            if index < candidates.count {
                let candidate = candidates[index]
                buffer.put(candidate.born.isEmpty ? "" : "né(e) le \(candidate.born)", x: x + 36, y: y, style: style)
                buffer.put(candidate.relation, x: x + 58, y: y, style: style, maxWidth: width - 58)
            }
            y += 1
        }
        if candidates.isEmpty {
            buffer.put("Aucun \(label.lowercased()) n'est lié à ce demandeur dans SIMS.", x: x, y: y + 1, style: theme.dim,
                       maxWidth: width)
            y += 2
        }
        if procedure.isRenewal {
            y += 1
            if earlier.isEmpty {
                buffer.putWrapped("! " + noEarlierWarning, x: x, y: y, width: width, maxLines: 3, style: theme.error)
            } else if let chosen = candidates.indices.contains(selected) ? earlierDossier(of: candidates[selected].id) : nil {
                buffer.putWrapped("↺ bénéficiaire du dossier \(chosen.number ?? "n° \(chosen.id)") (\(chosen.procedureTitle)) : "
                                  + "ses réponses seront reprises.", x: x, y: y, width: width, maxLines: 2, style: theme.notice)
            } else {
                buffer.putWrapped("↺ marque les \(label.lowercased())s bénéficiaires d'un dossier précédent ; "
                                  + "celui-ci n'en a pas.", x: x, y: y, width: width, maxLines: 2, style: theme.dim)
            }
        }
        buffer.put("Entrée : ouvrir le dossier pour la ligne choisie.", x: x, y: area.y + area.height - 1, style: theme.dim,
                   maxWidth: width)
        return rowCursor
    }

    package func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        switch action {
        case .ligneSuivante, .lignePrecedente:
            // The lines are the candidates and « + Nouveau ».
            selected = ListCursor.moved(selected, by: action, count: candidates.count + 1) ?? selected
        case .ouvrir:
            let beneficiaryID = selected < candidates.count ? candidates[selected].id : nil
            let session = session, procedure = procedure, applicantID = applicant.id
            let warning = earlier.isEmpty ? noEarlierWarning
                : "Pas de dossier précédent pour ce \(label.lowercased()) : rien n'est repris d'une demande antérieure."
            return ConsultationMotifScreen.opening(session, push: false) { motif in
                let intake = try DossierService(store: session.store).start(procedure, applicantID: applicantID,
                                                                            beneficiaryID: beneficiaryID, by: session.agent,
                                                                            motif: motif)
                if procedure.isRenewal, intake.previous == nil { session.message = .error(warning) }
                return IntakeScreen(session: session, intake: intake)
            }
        case .retour, .annuler: return .pop
        default: break
        }
        return .stay
    }
}
