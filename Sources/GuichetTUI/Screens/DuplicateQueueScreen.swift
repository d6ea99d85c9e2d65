import Foundation
import SIMSModel

/// Doublons (superviseurs): the pairs of the review queue, most likely first, with the two
/// records' names and why they are suspected, and below the selected pair's numbers, what
/// « même personne » would keep and all its reasons; Enter opens a pair side by side
/// (``DuplicatePairScreen``); F5 « même personne » and F6 « personnes différentes » decide the
/// selected pair from the list too, F4 keeps the other record of the pair instead of the proposed
/// one. Pairs stand as their records do after merges
/// (``StandingDuplicatePair``): one settled by a merge is neither shown nor counted. A pair with a
/// restricted record (RGPD « limitation ») shows the names only, and opens or merges (F5) only
/// after the motif.
final class DuplicateQueueScreen: Screen {
    struct Row {
        var standing: StandingDuplicatePair
        var nameA: String
        var nameB: String
        var pair: DuplicatePair { standing.pair }
    }

    let session: AppSession
    private(set) var rows: [Row] = []
    private(set) var selected = 0
    private var firstRow = 0
    private var pending = 0
    /// The survivor « même personne » would keep, by pair id (read when a pair is first selected).
    private var survivors: [Int64: Int64] = [:]
    /// The records the superviseur chose to keep instead (F4), by pair id.
    private var chosen: [Int64: Int64] = [:]
    /// The confirmation of « personnes différentes » (F6), while open.
    private(set) var prompt: ActionPrompt?
    /// The pairs with a restricted record, by pair id: their restricted records.
    private var restricted: [Int64: [Int64]] = [:]

    /// Rows under the list for the selected pair: a rule, its records, what F5 keeps, its reasons.
    static let detailHeight = 5

    init(session: AppSession) {
        self.session = session
        reload()
    }

    var title: String { "Doublons à revoir" }
    var context: KeymapContext { .doublons }
    /// The list's moves, opening a pair, the decisions and the decided pairs; an open prompt's own keys.
    var offeredActions: Set<KeyAction> {
        prompt?.answeredActions ?? KeyAction.lineAndPageMoves.union([.premiereLigne, .derniereLigne, .ouvrir, .memePersonne,
                                                                     .personnesDifferentes, .garderAutre, .doublonsDecides,
                                                                     .retour, .annuler])
    }
    /// No field to edit; no move in a queue of one pair, nothing to decide in an empty queue.
    var hiddenActions: Set<KeyAction> {
        var hidden = TextField.editingActions.union([.rouvrirPaire])
        if rows.count < 2 { hidden.formUnion(KeyAction.lineAndPageMoves.union([.premiereLigne, .derniereLigne])) }
        if rows.isEmpty { hidden.formUnion([.memePersonne, .personnesDifferentes, .garderAutre, .ouvrir]) }
        return hidden
    }

    func didReappear() { reload() }

    func reload() {
        let previous = rows.indices.contains(selected) ? rows[selected].pair.id : nil
        survivors = [:]
        do {
            let review = DuplicateReview(store: session.store)
            pending = try review.standingPendingCount()
            let queue = try review.standingQueue()
            rows = zip(queue, try Self.names(of: queue.map { ($0.tierA, $0.tierB) }, session: session)).map { standing, names in
                Row(standing: standing, nameA: names.0, nameB: names.1)
            }
            let limited = try TierRestrictionService(store: session.store)
                .restricted(among: rows.flatMap { [$0.standing.tierA, $0.standing.tierB] })
            restricted = [:]
            for row in rows {
                let ids = [row.standing.tierA, row.standing.tierB].filter(limited.contains)
                if !ids.isEmpty { restricted[row.pair.id] = ids }
            }
        } catch {
            rows = []
            session.message = .error("La file des doublons n'a pas pu être lue : \(error)")
        }
        selected = previous.flatMap { id in rows.firstIndex { $0.pair.id == id } } ?? min(selected, max(rows.count - 1, 0))
    }

    /// The survivor « même personne » would keep for a row: the superviseur's choice, else the
    /// proposed one (nil when it cannot be read).
    private func survivor(of row: Row) -> Int64? {
        if let keep = chosen[row.pair.id], [row.standing.tierA, row.standing.tierB].contains(keep) { return keep }
        if let known = survivors[row.pair.id] { return known }
        let survivor = try? TierMerger(store: session.store).proposedSurvivor(row.standing.tierA, row.standing.tierB)
        survivors[row.pair.id] = survivor
        return survivor
    }

    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        let count = pending == 0 ? "Aucune paire à revoir" : "\(pending) paire\(pending > 1 ? "s" : "") à revoir · la plus probable d'abord"
        buffer.put(count, x: x, y: area.y, style: theme.title, maxWidth: width)
        let headerY = area.y + 2
        // The name columns share what a terminal wider than 80 columns gives.
        let nameWidth = 24 + max(0, width - 78) / 2
        let columns = [(0, "Prob."), (7, "Fiche"), (8 + nameWidth, "Fiche"), (9 + 2 * nameWidth, "Raisons")]
        for (offset, name) in columns { buffer.put(name, x: x + offset, y: headerY, style: theme.columnHeader) }
        if rows.isEmpty {
            buffer.put("Lancez « guichet doublons analyser » pour chercher les doublons du registre.", x: x, y: headerY + 1,
                       style: theme.dim, maxWidth: width)
            return nil
        }
        // The message rows stay clear of the selected pair's reasons (a merge's message takes two).
        let bottom = area.y + area.height - (session.message?.rows(width: area.width) ?? 0)
        let visible = max(bottom - area.y - 4 - Self.detailHeight, 1)
        firstRow = ListCursor.firstRow(firstRow, keeping: selected, visible: visible)
        var rowCursor: CursorPosition?
        for (index, row) in rows.enumerated().dropFirst(firstRow).prefix(visible) {
            let y = headerY + 1 + index - firstRow
            let style = index == selected ? theme.selected : CellStyle.plain
            if index == selected { rowCursor = ListCursor.drawSelection(into: &buffer, x: x, y: y, width: width, style: style) }
            buffer.put(Self.percent(row.pair.probability), x: x, y: y, style: style, maxWidth: 6)
            buffer.put(row.nameA, x: x + 7, y: y, style: style, maxWidth: nameWidth)
            buffer.put(row.nameB, x: x + 8 + nameWidth, y: y, style: style, maxWidth: nameWidth)
            // The reasons compare a restricted record's data: they show with the pair, after the motif.
            let reasons = restricted[row.pair.id] == nil ? row.pair.reasons.joined(separator: ", ") : "limitée (RGPD)"
            buffer.put(reasons, x: x + 9 + 2 * nameWidth, y: y, style: style, maxWidth: width - 9 - 2 * nameWidth)
        }
        renderDetail(of: rows[selected], into: &buffer, x: x, y: bottom - Self.detailHeight, width: width, theme: theme)
        return prompt?.render(into: &buffer, area: area, theme: theme) ?? rowCursor
    }

    /// « Paire n° 4 : fiche n° 3 KAUDRE Kélly et fiche n° 6 KAUDRÉ Kély Marie », what F5 keeps (or
    /// which record was merged since the pair was found), and every reason.
    private func renderDetail(of row: Row, into buffer: inout CellBuffer, x: Int, y: Int, width: Int, theme: Theme) {
        let (a, b) = (row.standing.tierA, row.standing.tierB)
        Self.renderPairDetail(row.pair, a: (a, row.nameA), b: (b, row.nameB), reasons: restricted[row.pair.id] == nil,
                              into: &buffer, x: x, y: y, width: width, theme: theme)
        let key = session.keyName(.memePersonne, in: .doublons)
        let outcome: String
        if let redirect = row.standing.redirects.first {
            outcome = "\(redirect.notice) " + (survivor(of: row).map { keep in
                "\(key) fusionne n° \(keep == a ? b : a) dans n° \(keep)." } ?? "")
        } else if let keep = survivor(of: row) {
            outcome = "\(key) « même personne » fusionnera n° \(keep == a ? b : a) dans n° \(keep) "
                + "(\(session.keyName(.garderAutre, in: .doublons)) : l'inverse)."
        } else {
            outcome = ""
        }
        buffer.put(outcome, x: x, y: y + 2, style: theme.dim, maxWidth: width)
        if restricted[row.pair.id] != nil {
            buffer.putWrapped("Traitement limité (RGPD) : \(session.keyName(.ouvrir, in: .doublons)) puis le motif de la consultation "
                              + "pour voir la paire ; \(key) demande aussi le motif.", x: x, y: y + 3, width: width, maxLines: 2,
                              style: theme.error)
        }
    }

    /// « Même personne » on a pair with a restricted record: the motif first, then the merge.
    private func askingMotif(toMerge row: Row) -> ScreenOutcome {
        let ids = restricted[row.pair.id] ?? []
        let names = ids.map { $0 == row.standing.tierA ? row.nameA : row.nameB }
        let keep = survivor(of: row)
        session.message = .info("Fusion d'une fiche limitée (RGPD) : indiquez le motif ; il est enregistré avec la fusion.")
        return .push(ConsultationMotifScreen(session: session, refusal: RestrictedTierRefusal(tierIDs: ids, names: names)) { [session] motif in
            DuplicatePairScreen.decide(row.pair.id, .samePerson, session: session, keep: keep, motif: motif)
            return nil
        })
    }

    /// The detail under a list of pairs: a rule, « Paire n° 4 : fiche n° 3 KAUDRE Kélly et fiche
    /// n° 6 KAUDRÉ Kély Marie », a row left for what a key would do (`y + 2`), then every reason
    /// (unless `reasons` is false: a restricted record's data, shown with the pair after the motif).
    static func renderPairDetail(_ pair: DuplicatePair, a: (id: Int64, name: String), b: (id: Int64, name: String),
                                 reasons: Bool = true, into buffer: inout CellBuffer, x: Int, y: Int, width: Int, theme: Theme) {
        buffer.put(String(repeating: "─", count: width), x: x, y: y, style: theme.dim)
        buffer.put("Paire n° \(pair.id) : fiche n° \(a.id) \(a.name) et fiche n° \(b.id) \(b.name)", x: x, y: y + 1,
                   style: theme.title, maxWidth: width)
        guard reasons else { return }
        buffer.putWrapped("Raisons : " + (pair.reasons.isEmpty ? "—" : pair.reasons.joined(separator: ", ")),
                          x: x, y: y + 3, width: width, maxLines: 2, style: theme.dim)
    }

    /// The names of each pair's two records, « fiche n° 7 » for one that cannot be read.
    static func names(of pairs: [(Int64, Int64)], session: AppSession) throws -> [(String, String)] {
        let names = try TierService(store: session.store).displayNames(of: pairs.flatMap { [$0.0, $0.1] })
        return pairs.map { (names[$0.0] ?? "fiche n° \($0.0)", names[$0.1] ?? "fiche n° \($0.1)") }
    }

    /// « 99,9 % », rounded down (« 100 % » only when the score saturates).
    static func percent(_ probability: Double) -> String {
        if probability >= 1 { return "100 %" }
        let value = (probability * 1000).rounded(.down) / 10
        return String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",") + " %"
    }

    func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        if let open = prompt {
            guard rows.indices.contains(selected) else {
                prompt = nil
                return .stay
            }
            let pairID = rows[selected].pair.id
            prompt = open.responding(to: event, action: DuplicatePairScreen.fieldAction(action)) { form in
                _ = try DuplicatePairScreen.decideDifferent(pairID, motif: form.fields[0].value, session: session)
            }
            if prompt == nil { reload() }
            return .stay
        }
        if let moved = ListCursor.moved(selected, by: action, count: rows.count) {
            selected = moved
            return .stay
        }
        switch action {
        case .ouvrir:
            guard rows.indices.contains(selected) else { return .stay }
            let row = rows[selected]
            return DuplicatePairScreen.opening(session, pairID: row.pair.id, keep: survivor(of: row)) { [weak self] keep in
                self?.chosen[row.pair.id] = keep
            }
        case .garderAutre:
            guard rows.indices.contains(selected), let keep = survivor(of: rows[selected]) else { return .stay }
            let row = rows[selected]
            let other = keep == row.standing.tierA ? row.standing.tierB : row.standing.tierA
            chosen[row.pair.id] = other
            session.message = .info(DuplicatePairScreen.keeping(other, absorbing: keep, session: session))
        case .memePersonne where rows.indices.contains(selected) && restricted[rows[selected].pair.id] != nil:
            return askingMotif(toMerge: rows[selected])
        case .memePersonne:
            guard rows.indices.contains(selected) else { return .stay }
            DuplicatePairScreen.decide(rows[selected].pair.id, .samePerson, session: session, keep: survivor(of: rows[selected]))
            reload()
        case .personnesDifferentes:
            guard rows.indices.contains(selected) else { return .stay }
            prompt = DuplicatePairScreen.differentPeoplePrompt(rows[selected].standing)
        case .doublonsDecides:
            return .push(DuplicateDecisionsScreen(session: session))
        case .retour, .annuler: return .pop
        default: break
        }
        return .stay
    }
}
