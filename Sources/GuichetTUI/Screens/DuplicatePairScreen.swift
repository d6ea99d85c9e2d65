import SIMSModel

/// One pair of the duplicates queue side by side: each record's number and name, each field of
/// the two records with its value and level (`✔` validé, `✓` vérifié, `·` déclaré), where they
/// differ `≠`, or, while the pair is to review, `◂` / `▸` pointing to the value « même personne »
/// would keep (``TierMerger/fieldsTaken(survivor:absorbed:)``, said in a line below), the
/// provenance of the selected field, and why the pair is suspected; F5 « même personne » (the
/// message then says which values were taken from which record), F6 « personnes différentes »
/// after a confirmation; F4 keeps the other record at the merge instead of the proposed one.
/// A record of the pair merged since the pair was found shows as the record it leads to
/// (``StandingDuplicatePair``), and the message says so on opening. A pair with a restricted
/// record (RGPD « limitation ») opens only with a motif (``opening(_:pairID:keep:onKeep:)``),
/// recorded with the consultation of both records and with their merge.
final class DuplicatePairScreen: Screen {
    let session: AppSession
    let pairID: Int64
    private(set) var standing: StandingDuplicatePair?
    private var pair: DuplicatePair? { standing?.pair }
    private(set) var left: TierSnapshot?
    private(set) var right: TierSnapshot?
    private(set) var selected = 0
    /// The record « même personne » keeps: the proposed one, or the other after F4.
    private(set) var keep: Int64?
    /// The confirmation of « personnes différentes » (F6), while open.
    private(set) var prompt: ActionPrompt?
    /// Tells the queue the superviseur's choice (F4), so that F5 from the list keeps it too.
    private let onKeep: ((Int64) -> Void)?
    /// The motif this pair was opened with (a restricted record), recorded again by its merge.
    let motif: String?
    /// Why the records were not read: a restricted record and no motif.
    private(set) var refusal: RestrictedTierRefusal?

    static let fields: [TierField] = [.birthName, .usageName, .givenNames, .sex, .birthDate, .birthPlace, .address, .commune,
                                      .postalCode, .phone, .email, .cafat]

    /// `keep`: the record the queue was to keep (the proposed one when nil); `motif`: that of the
    /// consultation, needed when a record of the pair is restricted (else ``refusal``).
    init(session: AppSession, pairID: Int64, keep: Int64? = nil, motif: String? = nil, onKeep: ((Int64) -> Void)? = nil) {
        self.session = session
        self.pairID = pairID
        self.onKeep = onKeep
        self.motif = motif
        reload()
        if let standing, refusal == nil {
            self.keep = keep.flatMap { [standing.tierA, standing.tierB].contains($0) ? $0 : nil }
                ?? (try? TierMerger(store: session.store).proposedSurvivor(standing.tierA, standing.tierB))
            if standing.pair.state == .toReview { session.message = .info(outcome(of: standing)) }
        }
    }

    /// Opens the pair from the queue, asking the motif first when one of its records is restricted.
    static func opening(_ session: AppSession, pairID: Int64, keep: Int64?, onKeep: ((Int64) -> Void)?) -> ScreenOutcome {
        ConsultationMotifScreen.opening(session) { motif in
            let screen = DuplicatePairScreen(session: session, pairID: pairID, keep: keep, motif: motif, onKeep: onKeep)
            if let refusal = screen.refusal { throw refusal }
            return screen
        }
    }

    /// What F5 would do, said on opening: « F5 « même personne » fusionnera n° 5 dans n° 1 (F4 :
    /// l'inverse) ; F6 « personnes différentes » la retire de la file. », after the notice of a
    /// record merged since the pair was found.
    private func outcome(of standing: StandingDuplicatePair) -> String {
        let notices = standing.redirects.map(\.notice).joined(separator: " ")
        guard let keep else { return notices }
        let other = keep == standing.tierA ? standing.tierB : standing.tierA
        return (notices.isEmpty ? "" : notices + " ")
            + "\(session.keyName(.memePersonne, in: .doublons)) « même personne » fusionnera n° \(other) dans n° \(keep) "
            + "(\(session.keyName(.garderAutre, in: .doublons)) : l'inverse) ; "
            + "\(session.keyName(.personnesDifferentes, in: .doublons)) « personnes différentes » la retire de la file."
    }

    /// « À la fusion, n° 5 gardera son numéro : F5 « même personne » fusionnera n° 1 dans n° 5. »
    static func keeping(_ keep: Int64, absorbing other: Int64, session: AppSession) -> String {
        "À la fusion, n° \(keep) gardera son numéro : \(session.keyName(.memePersonne, in: .doublons)) « même personne » "
            + "fusionnera n° \(other) dans n° \(keep)."
    }

    var title: String { "Doublon probable" }
    var context: KeymapContext { .doublons }
    /// The field moves and the decisions; an open prompt's own keys.
    var offeredActions: Set<KeyAction> {
        prompt?.answeredActions ?? [.lignePrecedente, .ligneSuivante, .premiereLigne, .derniereLigne, .memePersonne,
                                    .personnesDifferentes, .garderAutre, .retour, .annuler]
    }
    /// No pages nor anything to open here; the decisions only while the pair is still to review.
    var hiddenActions: Set<KeyAction> {
        var hidden = TextField.editingActions.union([.pagePrecedente, .pageSuivante, .ouvrir, .doublonsDecides, .rouvrirPaire])
        if pair?.state != .toReview { hidden.formUnion([.memePersonne, .personnesDifferentes, .garderAutre]) }
        return hidden
    }

    private func reload() {
        do {
            standing = try DuplicateReview(store: session.store).standingPair(id: pairID)
            if let standing {
                left = try TierService(store: session.store).open(id: standing.tierA, by: session.agent, motif: motif)
                right = try TierService(store: session.store).open(id: standing.tierB, by: session.agent, motif: motif)
            }
        } catch let refused as RestrictedTierRefusal {
            refusal = refused
        } catch {
            session.message = .error("La paire n'a pas pu être lue : \(error)")
        }
    }

    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        guard let pair, let left, let right else {
            // Said only of a pair that is gone: one that could not be read says why in the message.
            buffer.put(standing == nil ? "Cette paire n'existe plus." : "Les fiches de cette paire n'ont pas pu être lues.",
                       x: x, y: area.y, style: theme.dim, maxWidth: width)
            return nil
        }
        let state = pair.state == .toReview ? "à revoir"
            : "« \(pair.state.label) »" + (pair.decidedByLogin.map { " par \($0)" } ?? "")
        buffer.put("Paire n° \(pair.id) · probabilité \(DuplicateQueueScreen.percent(pair.probability)) · \(state)",
                   x: x, y: area.y, style: theme.title, maxWidth: width)
        buffer.putWrapped("Raisons : " + (pair.reasons.isEmpty ? "—" : pair.reasons.joined(separator: ", ")),
                          x: x, y: area.y + 1, width: width, maxLines: 2, style: theme.dim)
        // « Date de naissance » fills the 17 columns of the label: the mark comes one after.
        let column = (width - 20) / 2
        let (labelX, markX, aX, bX) = (x, x + 18, x + 20, x + 21 + column)
        let headerY = area.y + 3
        buffer.put("Champ", x: labelX, y: headerY, style: theme.columnHeader)
        // The record « même personne » keeps is marked, whatever the message row says meanwhile;
        // each record's name has a row of its own, so that the number never squeezes it.
        for (snapshot, columnX) in [(left, aX), (right, bX)] {
            let kept = pair.state == .toReview && snapshot.id == keep ? " (gardée)" : ""
            buffer.put("Fiche n° \(snapshot.id)\(kept)", x: columnX, y: headerY, style: theme.columnHeader, maxWidth: column - 1)
            buffer.put(snapshot.displayName, x: columnX, y: headerY + 1, style: theme.columnHeader, maxWidth: column - 1)
        }
        let preview = mergePreview()
        let (currentA, currentB) = (left.current, right.current)
        var rowCursor: CursorPosition?
        for (index, field) in Self.fields.enumerated() {
            let y = headerY + 2 + index
            let style = index == selected ? theme.selected : CellStyle.plain
            if index == selected { rowCursor = ListCursor.drawSelection(into: &buffer, x: x, y: y, width: width, style: style) }
            let a = currentA[field], b = currentB[field]
            buffer.put(field.label, x: labelX, y: y, style: style, maxWidth: 17)
            if Self.differ(a?.value, b?.value) {
                // Before F5, the arrow points to the value the merge keeps.
                let keptID = preview.map { $0.taken.contains(field) ? $0.absorbed : $0.survivor }
                let mark = keptID.map { $0 == left.id ? "◂" : "▸" } ?? "≠"
                buffer.put(mark, x: markX, y: y, style: index == selected ? style : keptID == nil ? theme.error : theme.notice)
            }
            buffer.put(a.map { "\($0.level.mark) \($0.displayValue)" } ?? "—", x: aX, y: y, style: style, maxWidth: column - 1)
            buffer.put(b.map { "\($0.level.mark) \($0.displayValue)" } ?? "—", x: bX, y: y, style: style, maxWidth: column - 1)
        }
        var detailY = headerY + 2 + Self.fields.count
        if let preview {
            buffer.put(Self.previewLine(preview, key: session.keyName(.memePersonne, in: .doublons)), x: x, y: detailY,
                       style: theme.notice, maxWidth: width)
        }
        detailY += 1
        let field = Self.fields[selected]
        // The selected field's provenance on each side (its row is the highlighted one).
        buffer.put("n° \(left.id) : " + Self.provenance(currentA[field]), x: x, y: detailY, style: theme.dim, maxWidth: width)
        buffer.put("n° \(right.id) : " + Self.provenance(currentB[field]), x: x, y: detailY + 1, style: theme.dim, maxWidth: width)
        return prompt?.render(into: &buffer, area: area, theme: theme) ?? rowCursor
    }

    /// What F5 would make of the two records: the survivor, the other, and the fields whose value
    /// comes from the other (``TierMerger/fieldsTaken(survivor:absorbed:)``); nil once decided.
    private func mergePreview() -> (survivor: Int64, absorbed: Int64, taken: [TierField])? {
        guard pair?.state == .toReview, let left, let right, let keep, [left.id, right.id].contains(keep) else { return nil }
        let (survivor, absorbed) = keep == left.id ? (left, right) : (right, left)
        return (survivor.id, absorbed.id, TierMerger.fieldsTaken(survivor: survivor, absorbed: absorbed))
    }

    /// « ◂ ▸ valeur gardée par F5 : de n° 1, sauf de n° 2 : commune, code postal », the fields in
    /// the screen's order.
    static func previewLine(_ preview: (survivor: Int64, absorbed: Int64, taken: [TierField]), key: String) -> String {
        let taken = fields.filter(preview.taken.contains).map(\.inSentence).joined(separator: ", ")
        return "◂ ▸ valeur gardée par \(key) : de n° \(preview.survivor)"
            + (taken.isEmpty ? " pour chaque champ" : ", sauf de n° \(preview.absorbed) : \(taken)")
    }

    /// Values compared as the match score folds them (case and accents aside).
    static func differ(_ a: String?, _ b: String?) -> Bool {
        (a.map(SearchText.fold) ?? "") != (b.map(SearchText.fold) ?? "")
    }

    /// « ✓ vérifié sur pièce, 14/03/2024 10:02 par accueil1 · Pièce d'identité … », or « aucune valeur ».
    static func provenance(_ fact: Fact?) -> String {
        guard let fact else { return "aucune valeur" }
        return "\(fact.level.mark) \(fact.level.label), \(Timestamp.french(fact.recordedAt)) par \(fact.agentLogin ?? "?") · "
            + FieldHistoryScreen.source(of: fact)
    }

    func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        if let open = prompt {
            var decided = false
            prompt = open.responding(to: event, action: Self.fieldAction(action)) { form in
                decided = try Self.decideDifferent(pairID, motif: form.fields[0].value, session: session)
            }
            if decided { return .pop }
            if prompt == nil { reload() }
            return .stay
        }
        switch action {
        case .ligneSuivante, .champSuivant: selected = (selected + 1) % Self.fields.count
        case .lignePrecedente, .champPrecedent: selected = (selected + Self.fields.count - 1) % Self.fields.count
        case .premiereLigne: selected = 0
        case .derniereLigne: selected = Self.fields.count - 1
        case .garderAutre:
            guard let standing, let kept = keep, standing.pair.state == .toReview else { return .stay }
            let other = kept == standing.tierA ? standing.tierB : standing.tierA
            keep = other
            onKeep?(other)
            session.message = .info(Self.keeping(other, absorbing: kept, session: session))
        case .memePersonne:
            guard pair?.state == .toReview else { return .stay }
            if Self.decide(pairID, .samePerson, session: session, keep: keep, motif: motif) { return .pop }
            reload()
        case .personnesDifferentes:
            guard let standing, standing.pair.state == .toReview else { return .stay }
            prompt = Self.differentPeoplePrompt(standing)
        case .retour, .annuler: return .pop
        default: break
        }
        return .stay
    }

    /// Home and End move the lists of « Doublons »; in a prompt's text field they are its own.
    static func fieldAction(_ action: KeyAction?) -> KeyAction? {
        switch action {
        case .premiereLigne: return .debutChamp
        case .derniereLigne: return .finChamp
        default: return action
        }
    }

    /// The confirmation F6 asks for: the two records, what the decision does, an optional motif.
    static func differentPeoplePrompt(_ standing: StandingDuplicatePair) -> ActionPrompt {
        ActionPrompt(title: "Personnes différentes : n° \(standing.tierA) et n° \(standing.tierB) ?",
                     fields: [.text("Motif (facultatif)", maxLength: DuplicateReview.maxMotifLength)],
                     notes: ["La paire quittera la file tant que ces fiches ne changent pas."])
    }

    /// « Personnes différentes », confirmed: recorded with its motif, and said. True when recorded;
    /// throws what the prompt shows (a motif refused); a race is said in the message.
    static func decideDifferent(_ pairID: Int64, motif: String, session: AppSession) throws -> Bool {
        do {
            let pair = try DuplicateReview(store: session.store).decide(pairID: pairID, .differentPeople, motif: motif, by: session.agent)
            session.message = .info("Paire n° \(pair.id) (fiches n° \(pair.tierA) et \(pair.tierB)) : décision « personnes différentes » "
                + "enregistrée ; elle ne sera plus proposée tant que ces fiches ne changent pas.")
            return true
        } catch let conflict as DuplicateDecisionConflict {
            session.message = .error(conflict.description)
            return false
        }
    }

    /// Records « même personne » (a merge) and says so; on a race, says who decided what. True
    /// when recorded. The merge keeps `keep` (the proposed survivor when nil).
    @discardableResult
    static func decide(_ pairID: Int64, _ decision: DuplicatePairState, session: AppSession, keep: Int64? = nil,
                       motif: String? = nil) -> Bool {
        do {
            if decision == .samePerson {
                return try merge(pairID, session: session, keep: keep, motif: motif)
            }
            return try decideDifferent(pairID, motif: "", session: session)
        } catch let conflict as DuplicateDecisionConflict {
            session.message = .error(conflict.description)
        } catch let refusal as TierMergeRefusal {
            session.message = .error(refusal.message)
        } catch {
            session.message = .error("\(error)")
        }
        return false
    }

    /// « Même personne »: the two records are merged (the survivor the older one, or the one with
    /// more verified facts, or `keep` when the superviseur chose), the pair's decision recorded in
    /// the merge's transaction. A record merged since the pair was found is replaced by its survivor.
    private static func merge(_ pairID: Int64, session: AppSession, keep: Int64?, motif: String?) throws -> Bool {
        guard let pair = try DuplicateReview(store: session.store).standingPair(id: pairID) else {
            session.message = .error("Aucune paire de doublons n° \(pairID) : rouvrez la liste.")
            return false
        }
        let merger = TierMerger(store: session.store)
        let survivor = try keep.flatMap { [pair.tierA, pair.tierB].contains($0) ? $0 : nil }
            ?? merger.proposedSurvivor(pair.tierA, pair.tierB)
        let absorbed = survivor == pair.tierA ? pair.tierB : pair.tierA
        let outcome = try merger.merge(survivorID: survivor, absorbedID: absorbed, by: session.agent,
                                       motif: "doublon n° \(pairID)", consultationMotif: motif, within: { db in
            try DuplicateReview.recordDecision(db, pairID: pairID, decision: .samePerson, agentID: session.agent.id,
                                               at: session.store.clock.now())
        })
        session.message = .info(mergedMessage(pairID, outcome, undoKey: session.keyName(.defaireFusion, in: .fiche)))
        return true
    }

    /// « Paire n° 1 : même personne. Fiche n° 2 fusionnée dans n° 1 (WAMYTAN Hélène) ; 2 valeurs
    /// reprises de n° 2 : téléphone, courriel ; Ctrl-D sur la fiche n° 1 la défait. », the name
    /// left out when the two message rows could not hold it all (the full summary is in the event).
    static func mergedMessage(_ pairID: Int64, _ outcome: TierMergeOutcome, undoKey: String) -> String {
        let taken = outcome.fieldsTaken.isEmpty ? "aucune valeur reprise de n° \(outcome.absorbedID)"
: "\(outcome.fieldsTaken.count) valeur\(outcome.fieldsTaken.count > 1 ? "s reprises" : " reprise")"
                + " de n° \(outcome.absorbedID) : " + outcome.fieldsTaken.map(\.inSentence).joined(separator: ", ")
        let undo = "\(undoKey) sur la fiche n° \(outcome.survivorID) la défait."
        let named = "Paire n° \(pairID) : même personne. Fiche n° \(outcome.absorbedID) fusionnée dans n° \(outcome.survivorID) "
            + "(\(outcome.survivorName)) ; \(taken) ; \(undo)"
        // Two rows of an 80-column terminal, else without the name.
        guard WrappedText.lines(named, width: 78).count > 2 else { return named }
        return "Paire n° \(pairID) : même personne. Fiche n° \(outcome.absorbedID) fusionnée dans n° \(outcome.survivorID) ; "
            + "\(taken) ; \(undo)"
    }
}
