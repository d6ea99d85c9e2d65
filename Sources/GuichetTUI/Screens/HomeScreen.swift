import SIMSModel

/// Accueil: who is logged in, what to do, and the agent's unsaved forms to take back.
final class HomeScreen: Screen {
    let session: AppSession
    private(set) var drafts: [TierDraft] = []
    private var selected = 0

    init(session: AppSession) {
        self.session = session
        reloadDrafts()
        if !drafts.isEmpty {
            session.message = .info("Vous avez \(drafts.count) saisie(s) non enregistrée(s) : Entrée pour reprendre la première.")
        }
    }

    var title: String { "Accueil" }
    var context: KeymapContext { .accueil }

    func didReappear() { reloadDrafts() }

    private func reloadDrafts() {
        drafts = (try? DraftStore(store: session.store).list(agentID: session.agent.id)) ?? []
        selected = min(selected, max(drafts.count - 1, 0))
    }

    private var shortcuts: [(KeyAction, String)] {
        [(.rechercher, "Rechercher un tiers"), (.nouvellePersonne, "Nouvelle personne"),
         (.nouvelleOrganisation, "Nouvelle organisation"), (.aide, "Aide"), (.quitter, "Quitter")]
    }

    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
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
        buffer.put(drafts.isEmpty ? "Aucune saisie en attente." : "Saisies non enregistrées (\(drafts.count)) :",
                   x: 2, y: y, style: theme.columnHeader)
        y += 1
        let room = area.y + area.height - y
        for (index, draft) in drafts.prefix(max(room, 0)).enumerated() {
            let line = "\(draft.summary) — \(Timestamp.french(draft.updatedAt))"
            let style = index == selected ? theme.selected : CellStyle.plain
            buffer.fill(CellRect(x: 2, y: y, width: area.width - 4, height: 1), style: style)
            buffer.put(line, x: 3, y: y, style: style, maxWidth: area.width - 6)
            y += 1
        }
        return nil
    }

    func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        switch action {
        case .rechercher:
            return .push(TierSearchScreen(session: session))
        case .nouvellePersonne, .nouveauTiers:
            return .push(TierFormScreen(session: session, kind: .person))
        case .nouvelleOrganisation:
            return .push(TierFormScreen(session: session, kind: .organisation))
        case .brouillons, .ouvrir:
            guard drafts.indices.contains(selected) else {
                session.message = .info("Aucune saisie en attente.")
                return .stay
            }
            return .push(TierFormScreen(session: session, draft: drafts[selected]))
        case .ligneSuivante:
            selected = min(selected + 1, max(drafts.count - 1, 0))
        case .lignePrecedente:
            selected = max(selected - 1, 0)
        case .retour:
            return .quit
        default:
            break
        }
        return .stay
    }
}
