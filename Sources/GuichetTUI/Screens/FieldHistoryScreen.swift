import SIMSModel

/// The history of one field of a tier: every value it had, newest first, with its provenance.
///
/// On a record that absorbed another by a merge, the facts that came from it say so in their
/// source (« n° 12 · déclaré au guichet »), a line names the merge, and Ctrl-D (superviseurs)
/// undoes it after a confirmation with an optional motif.
final class FieldHistoryScreen: Screen {
    let session: AppSession?
    private(set) var snapshot: TierSnapshot
    let field: TierField
    /// The standing merges into this record, oldest first.
    private(set) var merges: [TierMergeSummary] = []
    /// The last erasure made at the person's request, if any (it explains an empty history).
    private(set) var lastErasure: TierErasureRecord?
    /// The confirmation of an unmerge, when open.
    private(set) var prompt: ActionPrompt?

    init(snapshot: TierSnapshot, field: TierField, session: AppSession? = nil) {
        self.session = session
        self.snapshot = snapshot
        self.field = field
        if let session {
            merges = (try? TierMerger(store: session.store).merges(into: snapshot.id)) ?? []
            lastErasure = (try? TierErasure(store: session.store, retention: [:]).history(tierID: snapshot.id))?.last
        }
    }

    var title: String { "Historique : \(field.label)" }
    var context: KeymapContext { .fiche }
    var offeredActions: Set<KeyAction> {
        prompt?.answeredActions ?? [.retour, .annuler, .historique, .ouvrir, .defaireFusion]
    }
    /// The record's own actions do nothing here: the bar shows only what this screen does.
    var hiddenActions: Set<KeyAction> {
        [.verifier, .numeriser, .modifier, .nouveauDossier, .documents, .renouveler, .marquer, .valider]
    }

    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1
        // The current value is the first row, plain, the older ones dim: the title says the order in words.
        buffer.put("\(snapshot.displayName) — \(field.label) · la plus récente d'abord", x: x, y: area.y + 1, style: theme.title,
                   maxWidth: area.width - 2)
        if let merge = merges.last {
            let key = session.map { $0.keyName(.defaireFusion, in: .fiche) } ?? "?"
            let more = merges.count > 1 ? " (et \(merges.count - 1) autre\(merges.count > 2 ? "s" : ""))" : ""
            buffer.put("\(merge.text)\(more) · \(key) : défaire la fusion", x: x, y: area.y + 2, style: theme.notice,
                       maxWidth: area.width - 2)
        }
        let history = snapshot.history(of: field)
        // The value column takes what a terminal wider than 80 columns gives; the source names
        // its dossier (« dossier RBS-2026-000012 ») or its piece.
        let extra = max(0, area.width - 80)
        let headers = [(0, "Date"), (17, "Valeur"), (39 + extra, "Source"), (63 + extra, "Niv."), (68 + extra, "Agent")]
        for (offset, name) in headers {
            buffer.put(name, x: x + offset, y: area.y + 3, style: theme.columnHeader)
        }
        if history.isEmpty {
            let none = lastErasure.map { "Valeurs effacées le \(Timestamp.french($0.erasedAt).prefix(10)) \($0.ground.phrase) (RGPD)." }
                ?? "Aucune valeur n'a jamais été saisie."
            buffer.put(none, x: x, y: area.y + 4, style: theme.dim, maxWidth: area.width - 2)
        }
        let rows = area.height - 5 - (prompt?.height(areaWidth: area.width) ?? 0)
        for (index, fact) in history.prefix(max(0, rows)).enumerated() {
            let y = area.y + 4 + index
            let style = index == 0 ? CellStyle.plain : theme.dim
            buffer.put(Timestamp.french(fact.recordedAt), x: x, y: y, style: style, maxWidth: 16)
            buffer.put(fact.displayValue, x: x + 17, y: y, style: style, maxWidth: 21 + extra)
            let origin = merges.first { $0.factSeqs.contains(fact.seq) }.map { "n° \($0.absorbedID) · " } ?? ""
            buffer.put(origin + Self.source(of: fact), x: x + 39 + extra, y: y, style: style, maxWidth: 23)
            buffer.put("\(fact.level.mark) \(fact.level.rawValue)", x: x + 63 + extra, y: y, style: style)
            buffer.put(fact.agentLogin ?? "?", x: x + 68 + extra, y: y, style: style, maxWidth: 10)
        }
        return prompt?.render(into: &buffer, area: area, theme: theme)
    }

    /// The fact's source with what it refers to: « dossier RBS-2026-000012 ».
    static func source(of fact: Fact) -> String {
        guard let reference = fact.reference, !reference.isEmpty else { return fact.source.label }
        return fact.source == .dossier ? "dossier \(reference)" : "\(fact.source.label) · \(reference)"
    }

    func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        if prompt != nil { return handlePrompt(event, action: action) }
        switch action {
        case .retour, .annuler, .historique, .ouvrir: return .pop
        case .defaireFusion: openUnmerge()
        default: break
        }
        return .stay
    }

    /// Asks for confirmation (and a motif) before undoing the newest standing merge; false, with
    /// a message, when there is none or the agent may not.
    @discardableResult
    func openUnmerge() -> Bool {
        guard let session else { return false }
        guard let merge = merges.last else {
            session.message = .info("Cette fiche n'a absorbé aucune autre fiche : il n'y a pas de fusion à défaire.")
            return false
        }
        guard session.agent.has(.supervisor) || session.agent.has(.administrator) else {
            session.message = .error("Seul un superviseur peut défaire une fusion : demandez-le à un superviseur.")
            return false
        }
        prompt = ActionPrompt(title: "Défaire la fusion avec n° \(merge.absorbedID) ?",
                              fields: [.text("Motif (facultatif)", maxLength: TierMerger.maxMotifLength)],
                              notes: ["n° \(merge.absorbedID) et n° \(snapshot.id) redeviendront ce qu'elles étaient avant la fusion ;",
                                      "ce qui a été ajouté depuis à n° \(snapshot.id) y restera."])
        return true
    }

    private func handlePrompt(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        guard let session, let merge = merges.last else { prompt = nil; return .stay }
        var done = false
        prompt = prompt?.responding(to: event, action: action) { form in
            let motif = form.fields[0].value
            let outcome = try TierMerger(store: session.store).unmerge(absorbedID: merge.absorbedID, by: session.agent,
                                                                       motif: motif.isEmpty ? nil : motif)
            session.message = .info(outcome.message)
            done = true
        }
        if done {
            if let fresh = try? TierService(store: session.store).snapshot(id: snapshot.id) { snapshot = fresh }
            merges = (try? TierMerger(store: session.store).merges(into: snapshot.id)) ?? []
        }
        return .stay
    }
}
