import SIMSModel

/// One pair of the duplicates queue side by side: each field of the two records with its value
/// and level (`✔` validé, `✓` vérifié, `·` déclaré), `≠` where they differ, the provenance of
/// the selected field below, and why the pair is suspected; F5 « même personne », F6
/// « personnes différentes »; F4 keeps the other record at the merge instead of the proposed one.
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
    /// No pages here; the decisions only while the pair is still to review.
    var hiddenActions: Set<KeyAction> {
        var hidden: Set<KeyAction> = [.pagePrecedente, .pageSuivante]
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
        // The record « même personne » keeps is marked, whatever the message row says meanwhile.
        for (snapshot, columnX) in [(left, aX), (right, bX)] {
            let kept = pair.state == .toReview && snapshot.id == keep ? " (gardée)" : ""
            buffer.put("Fiche n° \(snapshot.id)\(kept) · " + snapshot.displayName, x: columnX, y: headerY, style: theme.columnHeader,
                       maxWidth: column - 1)
        }
        let (currentA, currentB) = (left.current, right.current)
        for (index, field) in Self.fields.enumerated() {
            let y = headerY + 1 + index
            let style = index == selected ? theme.selected : CellStyle.plain
            if index == selected { buffer.fill(CellRect(x: x, y: y, width: width, height: 1), style: style) }
            let a = currentA[field], b = currentB[field]
            buffer.put(field.label, x: labelX, y: y, style: style, maxWidth: 17)
            if Self.differ(a?.value, b?.value) { buffer.put("≠", x: markX, y: y, style: index == selected ? style : theme.error) }
            buffer.put(a.map { "\($0.level.mark) \($0.displayValue)" } ?? "—", x: aX, y: y, style: style, maxWidth: column - 1)
            buffer.put(b.map { "\($0.level.mark) \($0.displayValue)" } ?? "—", x: bX, y: y, style: style, maxWidth: column - 1)
        }
        let field = Self.fields[selected]
        let detailY = headerY + 2 + Self.fields.count
        buffer.put("\(field.label) :", x: x, y: detailY, style: theme.title, maxWidth: width)
        buffer.put("n° \(left.id) : " + Self.provenance(currentA[field]), x: x, y: detailY + 1, style: theme.dim, maxWidth: width)
        buffer.put("n° \(right.id) : " + Self.provenance(currentB[field]), x: x, y: detailY + 2, style: theme.dim, maxWidth: width)
        return nil
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
        switch action {
        case .ligneSuivante, .champSuivant: selected = (selected + 1) % Self.fields.count
        case .lignePrecedente, .champPrecedent: selected = (selected + Self.fields.count - 1) % Self.fields.count
        case .garderAutre:
            guard let standing, let kept = keep, standing.pair.state == .toReview else { return .stay }
            let other = kept == standing.tierA ? standing.tierB : standing.tierA
            keep = other
            onKeep?(other)
            session.message = .info(Self.keeping(other, absorbing: kept, session: session))
        case .memePersonne, .personnesDifferentes:
            let decided = Self.decide(pairID, action == .memePersonne ? .samePerson : .differentPeople, session: session,
                                      keep: keep, motif: motif)
            if decided { return .pop }
            reload()
        case .retour, .annuler, .ouvrir: return .pop
        default: break
        }
        return .stay
    }

    /// Records the decision and says so; on a race, says who decided what. True when recorded.
    /// « Même personne » merges the two records (``TierMerger``) with the decision, keeping
    /// `keep` (the proposed survivor when nil), with `motif` when a record is restricted.
    @discardableResult
    static func decide(_ pairID: Int64, _ decision: DuplicatePairState, session: AppSession, keep: Int64? = nil,
                       motif: String? = nil) -> Bool {
        do {
            if decision == .samePerson {
                return try merge(pairID, session: session, keep: keep, motif: motif)
            }
            let pair = try DuplicateReview(store: session.store).decide(pairID: pairID, decision, by: session.agent)
            session.message = .info("Paire n° \(pair.id) (fiches n° \(pair.tierA) et \(pair.tierB)) : décision « \(decision.label) » enregistrée"
                + (decision == .differentPeople ? " ; elle ne sera plus proposée tant que ces fiches ne changent pas." : "."))
            return true
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
        // Short enough for the two message rows (the merge's full summary is in its event).
        session.message = .info("Paire n° \(pairID) : même personne. Fiche n° \(outcome.absorbedID) fusionnée dans n° "
            + "\(outcome.survivorID) (\(outcome.survivorName)) ; \(session.keyName(.defaireFusion, in: .fiche)) sur la fiche n° \(outcome.survivorID) la défait.")
        return true
    }
}
