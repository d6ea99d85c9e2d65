import SIMSModel

/// Accueil: who is logged in, what to do, and the agent's unsaved forms to take back.
package final class HomeScreen: Screen {
    let session: AppSession
    private(set) var drafts: [TierDraft] = []
    /// The agent's dossiers in state brouillon.
    private(set) var dossierDrafts: [DossierDraftSummary] = []
    /// Superviseurs: the pairs of the duplicates queue still to review, as their records stand.
    private(set) var duplicatesToReview: Int?
    private var selected = 0

    package init(session: AppSession) {
        self.session = session
        reloadDrafts()
        if pending > 0 {
            session.message = .info("Vous avez \(FrenchCount.of(pending, "saisie non enregistrée", "saisies non enregistrées")) : "
                + "Entrée pour reprendre la première.")
        }
    }

    /// Tier forms and dossiers not yet saved.
    var pending: Int { drafts.count + dossierDrafts.count }

    package var title: String { "Accueil" }
    package var context: KeymapContext { .accueil }
    /// The menu's shortcuts; Up/Down only when there are drafts to choose between.
    package var offeredActions: Set<KeyAction> {
        let menu: Set<KeyAction> = [.rechercher, .nouvellePersonne, .nouveauTiers, .nouvelleOrganisation, .nouveauDossier,
                                    .demarches, .arrivees, .filesInstruction, .doublons, .inactifs, .tableauDeBord,
                                    .brouillons, .ouvrir, .retour]
        return pending > 1 ? menu.union([.ligneSuivante, .lignePrecedente]) : menu
    }

    package func didReappear() { reloadDrafts() }

    private func reloadDrafts() {
        drafts = (try? DraftStore(store: session.store).list(agentID: session.agent.id)) ?? []
        dossierDrafts = (try? DossierService(store: session.store).drafts(agentID: session.agent.id)) ?? []
        selected = min(selected, max(pending - 1, 0))
        if session.agent.has(.supervisor) {
            duplicatesToReview = try? DuplicateReview(store: session.store).standingPendingCount()
        }
    }

    private var shortcuts: [(KeyAction, String)] {
        var list: [(KeyAction, String)] = [
            (.rechercher, "Rechercher un tiers"), (.nouvellePersonne, "Nouvelle personne"),
            (.nouvelleOrganisation, "Nouvelle organisation"), (.nouveauDossier, "Nouveau dossier (chercher le demandeur)"),
            (.demarches, "Démarches et fiches pratiques")]
        if session.agent.has(.reception) { list.append((.arrivees, "Arrivées des scanners réseau")) }
        if mayReview { list.append((.filesInstruction, "Files d'instruction (prendre le suivant)")) }
        if session.agent.has(.supervisor) {
            list.append((.tableauDeBord, "Tableau de bord des files"))
            let count = duplicatesToReview.map { $0 == 0 ? " (aucune paire)" : " (\($0) paire\($0 > 1 ? "s" : ""))" } ?? ""
            list.append((.doublons, "Doublons probables à revoir" + count))
            list.append((.inactifs, "Fiches inactives à effacer ou conserver"))
        }
        return list + [(.aide, "Aide"), (.quitter, "Quitter")]
    }

    /// Instructeurs and superviseurs work the queues; the counter records pieces that arrive.
    private var mayReview: Bool {
        session.agent.has(.instructor) || session.agent.has(.supervisor) || session.agent.has(.reception)
    }

    package func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let agent = session.agent
        var y = area.y + 1
        buffer.put("Bonjour \(agent.fullName) (\(agent.login))", x: 2, y: y, style: theme.title, maxWidth: area.width - 4)
        y += 1
        buffer.put("Rôles : \(agent.rolesLabel)", x: 2, y: y, maxWidth: area.width - 4)
        if !agent.services.isEmpty {
            y += 1
            buffer.put("Services : \(agent.services.joined(separator: ", "))", x: 2, y: y, maxWidth: area.width - 4)
        }
        y += 2
        buffer.put("Que voulez-vous faire ?", x: 2, y: y, style: theme.columnHeader)
        y += 1
        for (action, label) in shortcuts {
            let keys = session.keymap.keys(for: action, in: .accueil).map(\.displayName).prefix(2).joined(separator: " ou ")
            buffer.put(keys, x: 4, y: y, style: theme.title, maxWidth: 16)
            buffer.put(label, x: 22, y: y)
            y += 1
        }
        y += 1
        let room = max(area.y + area.height - y - 1, 0)
        // More drafts than rows: the heading says so, and the rows follow the selection, so the
        // count in the heading is never contradicted by what is listed.
        let fits = pending <= room
        let heading = pending == 0 ? "Aucune saisie en attente."
            : fits ? "Saisies non enregistrées (\(pending)) :"
            : "Saisies non enregistrées (\(pending) ; ↑/↓ pour les parcourir) :"
        buffer.put(heading, x: 2, y: y, style: theme.columnHeader, maxWidth: area.width - 4)
        y += 1
        let lines = dossierDrafts.map { "Dossier \($0.summary) — \(Timestamp.french($0.updatedAt))" }
            + drafts.map { "\($0.summary) — \(Timestamp.french($0.updatedAt))" }
        let shown = min(lines.count, room)
        let first = fits ? 0 : min(max(selected - shown + 1, 0), max(lines.count - shown, 0))
        var rowCursor: CursorPosition?
        for index in first..<(first + shown) {
            let line = lines[index]
            if index == selected {
                rowCursor = ListCursor.drawSelection(into: &buffer, x: 2, y: y, width: area.width - 4, style: theme.selected)
            }
            buffer.put(line, x: 3, y: y, style: index == selected ? theme.selected : .plain, maxWidth: area.width - 6)
            y += 1
        }
        // The selected draft has the focus (Entrée opens it); without drafts, the application puts
        // the cursor on the greeting.
        return rowCursor
    }

    package func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        switch action {
        case .rechercher:
            return .push(TierSearchScreen(session: session))
        case .nouvellePersonne, .nouveauTiers:
            return .push(TierFormScreen(session: session, kind: .person))
        case .nouvelleOrganisation:
            return .push(TierFormScreen(session: session, kind: .organisation))
        case .nouveauDossier:
            session.message = .info("Recherchez le demandeur et ouvrez sa fiche, puis \(session.keyName(.nouveauDossier, in: .fiche)) : Dossier.")
            return .push(TierSearchScreen(session: session))
        case .demarches:
            return .push(ProcedureCatalogScreen(session: session, applicant: nil))
        case .arrivees:
            return .push(ArrivalsScreen(session: session))
        case .filesInstruction:
            guard mayReview else {
                session.message = .error("Les files d'instruction sont réservées aux agents d'accueil, instructeurs et superviseurs.")
                return .stay
            }
            return .push(QueueScreen(session: session))
        case .doublons:
            guard session.agent.has(.supervisor) else {
                session.message = .error("La revue des doublons est réservée aux superviseurs.")
                return .stay
            }
            return .push(DuplicateQueueScreen(session: session))
        case .inactifs:
            guard session.agent.has(.supervisor) else {
                session.message = .error("La liste des fiches inactives est réservée aux superviseurs.")
                return .stay
            }
            do {
                return .push(InactiveTierScreen(session: session, period: try InactivityPeriod.configured()))
            } catch {
                session.message = .error("\(error)")
                return .stay
            }
        case .tableauDeBord:
            guard session.agent.has(.supervisor) else {
                session.message = .error("Le tableau de bord des files est réservé aux superviseurs.")
                return .stay
            }
            let session = session
            return .push(DashboardScreen(session: session, openQueue: { QueueScreen(session: session, filter: $0) }))
        case .brouillons, .ouvrir:
            if dossierDrafts.indices.contains(selected) {
                let session = session, dossierID = dossierDrafts[selected].dossierID
                return ConsultationMotifScreen.opening(session) { motif in
                    let intake = try DossierService(store: session.store).resume(dossierID: dossierID, procedures: session.catalog.procedures,
                                                                                 by: session.agent, motif: motif)
                    return IntakeScreen(session: session, intake: intake)
                }
            }
            let index = selected - dossierDrafts.count
            guard drafts.indices.contains(index) else {
                session.message = .info("Aucune saisie en attente.")
                return .stay
            }
            return .push(TierFormScreen(session: session, draft: drafts[index]))
        case .ligneSuivante, .lignePrecedente:
            selected = ListCursor.moved(selected, by: action, count: pending) ?? selected
        case .retour:
            return .quit
        default:
            break
        }
        return .stay
    }
}
