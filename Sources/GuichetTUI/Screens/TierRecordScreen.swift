import Foundation
import SIMSModel

/// Fiche tier: every current fact with its source, level, agent and date; the relations (Enter
/// opens the related tier); F5 the selected field's history; F6 edit. Opening it records the
/// consultation in the audit log; a record absorbed by a merge opens its survivor, with a message.
///
/// Space marks facts; F2 verifies them (or the selected one) against a document of the tier
/// chosen in a small form, or scanned now (level 1, « vérifié sur Pièce d'identité du … »); F11
/// lets a superviseur validate them with a motif (level 2).
///
/// A restricted tier (RGPD « limitation ») opens only with a motif (``ConsultationMotifScreen``);
/// its header says « limitée ». Ctrl-R lets a superviseur restrict the tier or lift the
/// restriction, with the motif. Ctrl-E lets a superviseur erase the person's data at their
/// request (RGPD « effacement »): the form lists what a legal retention keeps, with its date,
/// and what goes, then asks the request as motif.
package final class TierRecordScreen: Screen {
    let session: AppSession
    private(set) var snapshot: TierSnapshot
    private(set) var selected = 0

    /// One selectable line: a field or a relation.
    enum Line {
        case fact(TierField, Fact?)
        case relation(label: String, tierID: Int64, name: String)
        /// A dossier the tier applied for or benefits from: « BS-2026-000001 », its title and state.
        case dossier(id: Int64, number: String, text: String, detail: String)
        /// A renewal the applicant may start (F11, or Enter on it, starts it): « RBS pour WAMYTAN Léa, d'après BS-… ».
        case renewal(index: Int)
    }

    /// The renewals this applicant may start, one key away (``KeyAction/renouveler``).
    var renewals: [RenewalOffer] {
        let service = TierService(store: session.store)
        return RenewalOffer.offers(for: snapshot.id, dossiers: dossiers, catalog: session.catalog,
                                   year: session.clock.today().year) { id in
            (try? service.snapshot(id: id))?.displayName
        }
    }

    /// The dossiers the tier applied for or benefits from, newest first.
    private(set) var dossiers: [Dossier] = []
    /// The documents of the tier, newest issue first: the evidence of verified facts, and what
    /// a verification offers.
    private(set) var documents: [Document] = []
    /// The facts marked (Space) for a verification or validation.
    private(set) var marked: Set<TierField> = []
    /// The form of a verification or validation, when open.
    private(set) var prompt: ActionPrompt?
    /// What the open form raises, and the documents its choice lists (then « numériser »).
    private var promptFields: [TierField] = []
    private var promptDocuments: [Document] = []
    private var promptValidates = false
    /// The open form restricts the tier, or lifts its restriction.
    private var promptLimits = false
    /// The open form erases the person's data at their request.
    private var promptErases = false
    /// The record was erased completely: the screen closes.
    private var erasedCompletely = false
    /// The ground the erasure form proposes (Ctrl-E): the person's request, or inactivity when
    /// the record was opened from « Fiches inactives ».
    let erasureGround: TierErasureGround
    /// The restriction of the tier's processing in force, if any.
    private(set) var restriction: TierRestriction?
    /// The motif this record was opened with (a restricted tier).
    let motif: String?
    /// Facts waiting for the document being scanned (the form comes back with it).
    private var pendingScan: [TierField]?

    /// Opens the record, recording the consultation; a restricted tier needs `motif`
    /// (else ``RestrictedTierRefusal``). A record absorbed by a merge opens its survivor, and says so.
    package init(session: AppSession, tierID requested: Int64, motif: String? = nil, erasureGround: TierErasureGround = .request) throws {
        self.session = session
        self.motif = motif
        self.erasureGround = erasureGround
        let redirect = try TierMerger(store: session.store).redirect(of: requested)
        let tierID = redirect?.survivorID ?? requested
        snapshot = try TierService(store: session.store).open(id: tierID, by: session.agent, motif: motif)
        dossiers = (try? DossierService(store: session.store).dossiers(ofTier: tierID)) ?? []
        documents = (try? DocumentService(store: session.store).documents(ownedBy: tierID)) ?? []
        restriction = try? TierRestrictionService(store: session.store).inForce(tierID: tierID)
        if let motif {
            session.recordMotifs[tierID] = motif
            session.message = .info("Fiche limitée : consultation enregistrée avec le motif « \(motif) ».")
        } else if let redirect {
            session.message = .info("\(redirect.notice) Voici la fiche n° \(tierID).")
        }
    }

    deinit {
        if motif != nil { session.recordMotifs[snapshot.id] = nil }
    }

    /// Opens a tier's record from another screen, asking the motif first when the tier is restricted.
    /// `erasureGround`: what Ctrl-E proposes (inactivity from « Fiches inactives »).
    static func opening(_ session: AppSession, tierID: Int64, erasureGround: TierErasureGround = .request) -> ScreenOutcome {
        ConsultationMotifScreen.opening(session) { motif in
            try TierRecordScreen(session: session, tierID: tierID, motif: motif, erasureGround: erasureGround)
        }
    }

    package var title: String { "Fiche : \(snapshot.displayName)" }
    package var context: KeymapContext { .fiche }
    package var offeredActions: Set<KeyAction> {
        if let prompt { return prompt.answeredActions }
        return KeyAction.lineAndPageMoves.union([
            .marquer, .verifier, .valider, .limiter, .effacement, .retour, .annuler, .historique, .defaireFusion, .modifier,
            .nouveauDossier, .renouveler, .documents, .numeriser, .ouvrir,
        ])
    }
    /// « Renouveler » shows in the function-key bar only when a renewal is offered, « Valider »
    /// only to superviseurs.
    package var hiddenActions: Set<KeyAction> {
        var hidden: Set<KeyAction> = []
        if renewals.isEmpty { hidden.insert(.renouveler) }
        if !session.agent.has(.supervisor) { hidden.formUnion([.valider, .limiter, .effacement]) }
        return hidden
    }

    var lines: [Line] {
        let current = snapshot.current
        // The renewals come first: at the counter, a returning parent is there for one of them.
        var lines: [Line] = renewals.indices.map { .renewal(index: $0) }
        lines += TierField.fields(of: snapshot.kind).map { .fact($0, current[$0]) }
        lines += snapshot.relations.map { .relation(label: $0.kind.label, tierID: $0.relatedID, name: $0.otherName) }
        lines += snapshot.inverseRelations.map { .relation(label: $0.kind.inverseLabel, tierID: $0.tierID, name: $0.otherName) }
        lines += dossiers.map { dossier in
            .dossier(id: dossier.id, number: dossier.number ?? "n° \(dossier.id)",
                     text: Self.stateText(dossier) + " · \(dossier.procedureTitle)",
                     detail: "\(dossier.number ?? "") · code de suivi \(dossier.trackingCode ?? "—")"
                         + (dossier.dueOn.map { " · réponse attendue le " + DateRule.display($0) } ?? ""))
        }
        return lines
    }

    /// « déposé le 29/11/2026 », « accepté (déposé le 04/12/2025) »: the date is the deposit's,
    /// whatever the state.
    static func stateText(_ dossier: Dossier) -> String {
        guard let submitted = dossier.submittedAt.map({ String(Timestamp.french($0).prefix(10)) }) else { return dossier.state.label }
        return dossier.state == .submitted ? "déposé le \(submitted)" : "\(dossier.state.label) (déposé le \(submitted))"
    }

    package func didReappear() {
        if let fresh = try? TierService(store: session.store).snapshot(id: snapshot.id) { snapshot = fresh }
        dossiers = (try? DossierService(store: session.store).dossiers(ofTier: snapshot.id)) ?? dossiers
        restriction = (try? TierRestrictionService(store: session.store).inForce(tierID: snapshot.id)) ?? restriction
        let before = Set(documents.map(\.id))
        documents = (try? DocumentService(store: session.store).documents(ownedBy: snapshot.id)) ?? documents
        if let fields = pendingScan {
            // Back from the scan: the form comes back, the new document chosen.
            pendingScan = nil
            openVerification(fields, choosing: documents.first { !before.contains($0.id) }?.id)
        }
    }

    package func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        let info = "\(snapshot.kind.label) n° \(snapshot.id) · version \(snapshot.version)"
        let limited = restriction == nil ? "" : "limitée (RGPD) · "
        buffer.put("\(snapshot.displayName)", x: x, y: area.y, style: theme.title,
                   maxWidth: width - DisplayWidth.of(limited + info) - 2)
        buffer.put(info, x: x + width - DisplayWidth.of(info), y: area.y, style: theme.dim)
        if !limited.isEmpty {
            buffer.put(limited, x: x + width - DisplayWidth.of(limited + info), y: area.y, style: theme.error)
        }
        let headerY = area.y + 1
        // The value column takes what a terminal wider than 80 columns gives.
        let extra = max(0, width - 78)
        let columns = [(0, "Champ", 18), (18, "Valeur", 26 + extra), (44 + extra, "Source", 19), (63 + extra, "Niv.", 5),
                       (68 + extra, "Date", 10)]
        for (offset, name, w) in columns {
            buffer.put(name, x: x + offset, y: headerY, style: theme.columnHeader, maxWidth: w)
        }
        let all = lines
        let rows = area.height - 3
        let first = max(0, min(selected - rows + 1, all.count - rows))
        var y = headerY + 1
        var rowCursor: CursorPosition?
        for (index, line) in all.enumerated().dropFirst(max(first, 0)).prefix(rows) {
            let style = index == selected ? theme.selected : CellStyle.plain
            if index == selected { rowCursor = ListCursor.drawSelection(into: &buffer, x: x, y: y, width: width, style: style) }
            switch line {
            case .fact(let field, let fact):
                let label = marked.contains(field) ? "■ " + field.label : field.label
                buffer.put(DisplayWidth.of(label) > 17 ? String(label.prefix(16)) + "…" : label, x: x, y: y, style: style)
                if let fact {
                    buffer.put(fact.displayValue, x: x + 18, y: y, style: style, maxWidth: 25 + extra)
                    let evidence = FactEvidence.documentID(of: fact).flatMap { id in documents.first { $0.id == id } }
                    buffer.put(evidence?.type.label ?? fact.source.label, x: x + 44 + extra, y: y, style: style, maxWidth: 18)
                    buffer.put(fact.level.mark + " " + String(fact.level.rawValue), x: x + 63 + extra, y: y, style: style)
                    let date = String(Timestamp.french(fact.recordedAt).prefix(10))
                    buffer.put(date, x: x + 68 + extra, y: y, style: style, maxWidth: 10)
                } else {
                    buffer.put("—", x: x + 18, y: y, style: index == selected ? style : theme.dim)
                }
            case .relation(let label, _, let name):
                let end = buffer.put(label, x: x, y: y, style: index == selected ? style : theme.title, maxWidth: 30)
                buffer.put("→ \(name)", x: max(end + 1, x + 18), y: y, style: style, maxWidth: width - 30)
            case .renewal(let offer):
                let key = session.keyName(.renouveler, in: .fiche)
                buffer.put("Renouveler", x: x, y: y, style: index == selected ? style : theme.title)
                buffer.put("\(key) : \(renewals[offer].text)", x: x + 18, y: y, style: index == selected ? style : theme.notice,
                           maxWidth: width - 18)
            case .dossier(_, let number, let text, _):
                buffer.put("Dossier", x: x, y: y, style: index == selected ? style : theme.title)
                let end = buffer.put(number, x: x + 18, y: y, style: style)
                buffer.put(text, x: end + 1, y: y, style: style, maxWidth: width - (end + 1 - x))
            }
            y += 1
        }
        if case .fact(_, let fact?) = all.indices.contains(selected) ? all[selected] : nil {
            let by = "par \(fact.agentLogin ?? "?") le \(Timestamp.french(fact.recordedAt))"
            let detail = fact.level == .declared
                ? "Saisi \(by)" + (fact.reference.map { " · \($0)" } ?? "") + " · niveau 0 \(fact.level.label)"
                : FactEvidence.describe(fact, documents: Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0) }))
                    + " · \(by)"
            buffer.put(DisplayWidth.of(detail) > width ? String(detail.prefix(width - 1)) + "…" : detail,
                       x: x, y: area.y + area.height - 1, style: theme.dim)
        }
        return prompt?.render(into: &buffer, area: area, theme: theme) ?? rowCursor
    }

    // MARK: - Verification

    /// The facts a verification or validation concerns: those marked, else the selected one.
    private var chosenFields: [TierField] {
        if !marked.isEmpty { return TierField.allCases.filter { marked.contains($0) } }
        if case .fact(let field, _) = lines.indices.contains(selected) ? lines[selected] : nil { return [field] }
        return []
    }

    /// The label of the form's last option, which scans a new document.
    static let scanOption = "Numériser une pièce maintenant"

    /// Opens the verification form: the documents of the tier, those that prove the facts first,
    /// then « numériser ». `choosing`: the document chosen at first (one just scanned).
    private func openVerification(_ fields: [TierField], choosing documentID: Int64? = nil) {
        guard !fields.isEmpty else {
            session.message = .error("Choisissez un fait (ou marquez-en plusieurs avec Espace) avant de vérifier.")
            return
        }
        let today = session.clock.today()
        func proves(_ document: Document) -> Bool {
            DocumentProof.refusal(document, proving: fields, of: snapshot.id, today: today) == nil
        }
        promptDocuments = documents.filter(proves) + documents.filter { !proves($0) }
        promptFields = fields
        promptValidates = false
        promptLimits = false
        let options = promptDocuments.map { document in
            document.summary + (proves(document) ? "" : DocumentProof.isExpired(document, today: today) ? " (périmée)" : " (ne prouve pas)")
        } + [Self.scanOption]
        let chosen = documentID.flatMap { id in promptDocuments.firstIndex { $0.id == id } } ?? 0
        prompt = ActionPrompt(title: "Vérifier sur pièce : " + fields.map(\.label).joined(separator: ", "),
                              fields: [.choice("Pièce", options, selected: chosen)])
    }

    private func openValidation(_ fields: [TierField]) {
        guard !fields.isEmpty else {
            session.message = .error("Choisissez un fait (ou marquez-en plusieurs avec Espace) avant de valider.")
            return
        }
        promptFields = fields
        promptValidates = true
        promptLimits = false
        prompt = ActionPrompt(title: "Valider : " + fields.map(\.label).joined(separator: ", "),
                              fields: [.text("Motif", maxLength: FactVerificationService.maxMotifLength)])
    }

    /// Opens the form that restricts the tier's processing, or lifts the restriction in force.
    private func openRestriction() {
        promptLimits = true
        promptErases = false
        if let restriction {
            prompt = ActionPrompt(title: "Lever la limitation (RGPD)",
                                  fields: [.text("Motif", maxLength: TierRestrictionService.maxMotifLength)],
                                  notes: ["Limitée le \(Timestamp.french(restriction.restrictedAt)) par \(restriction.restrictedBy) :",
                                          "« \(restriction.motif) »"])
        } else {
            prompt = ActionPrompt(title: "Limiter le traitement (RGPD)",
                                  fields: [.text("Motif", maxLength: TierRestrictionService.maxMotifLength)],
                                  notes: ["Ensuite, chaque consultation de la fiche demandera son motif, enregistré."])
        }
    }

    /// Opens the form of an erasure: what stays under a legal retention (with its date), what
    /// goes, the motif and the ground (the person's request, or inactivity).
    private func openErasure() {
        let plan: TierErasurePlan
        do {
            plan = try TierErasure(store: session.store, retention: session.catalog.retentionByCode)
                .plan(tierID: snapshot.id, by: session.agent)
        } catch {
            session.message = .error("\(error)")
            return
        }
        promptLimits = false
        promptErases = true
        let grounds = TierErasureGround.allCases
        prompt = ActionPrompt(title: "Effacer les données de la personne (RGPD)",
                              fields: [.text("Motif", maxLength: TierRestrictionService.maxMotifLength),
                                       .choice("Fondement", grounds.map(\.choice), selected: grounds.firstIndex(of: erasureGround) ?? 0)],
                              notes: Self.erasureNotes(plan, width: 76))
    }

    /// The form's lines: « Conservé (durée légale) : … » then « Effacé : … », at most 12 in all.
    static func erasureNotes(_ plan: TierErasurePlan, width: Int) -> [String] {
        func section(_ title: String, _ items: [String], room: Int) -> [String] {
            guard !items.isEmpty else { return [title + " rien."] }
            var lines = [title]
            for (index, item) in items.enumerated() {
                let wrapped = WrappedText.lines("- " + item, width: width)
                if lines.count + wrapped.count > room || (index < items.count - 1 && lines.count + wrapped.count == room) {
                    lines.append("- … et \(items.count - index) autres (guichet rgpd effacer \(plan.tierID) --simuler)")
                    break
                }
                lines += wrapped
            }
            return lines
        }
        let kept = section("Conservé (durée de conservation légale) :", plan.kept, room: 5)
        return kept + section("Effacé :", plan.erasedLines, room: 12 - kept.count)
    }

    private func confirmErasure(_ motif: String, ground: TierErasureGround) throws {
        let record = try TierErasure(store: session.store, retention: session.catalog.retentionByCode)
            .erase(tierID: snapshot.id, motif: motif, ground: ground, by: session.agent)
        promptErases = false
        if record.complete {
            erasedCompletely = true
            session.message = .info("\(record.notice) Il n'en reste que son numéro.")
            return
        }
        didReappear()
        marked = []
        selected = min(selected, lines.count - 1)
        // « dossier BS-2025-000002 », « identité »: the detail is in the export.
        let kept = record.kept.map { line in
            String(line.prefix { $0 != ":" && $0 != "(" }).trimmingCharacters(in: .whitespaces)
        }
        session.message = .info("Données effacées, sauf ce que la loi conserve : \(kept.joined(separator: ", ")) "
            + "(durées et dates dans l'export RGPD).")
    }

    private func handlePrompt(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        var scan = false
        prompt = prompt?.responding(to: event, action: action) { current in
            if promptLimits {
                try confirmRestriction(current.fields[0].value)
                return
            }
            if promptErases {
                let grounds = TierErasureGround.allCases
                try confirmErasure(current.fields[0].value, ground: grounds[min(current.fields[1].selectedIndex, grounds.count - 1)])
                return
            }
            if !promptValidates, current.fields[0].selectedIndex == promptDocuments.count {
                scan = true
                return
            }
            try confirm(current)
        }
        if scan {
            pendingScan = promptFields
            return .push(ScanScreen(session: session, tier: snapshot))
        }
        if erasedCompletely { return .pop }
        if prompt == nil { promptErases = false }
        return .stay
    }

    private func confirmRestriction(_ motif: String) throws {
        let service = TierRestrictionService(store: session.store)
        if restriction != nil {
            let lifted = try service.lift(tierID: snapshot.id, motif: motif, by: session.agent)
            restriction = nil
            session.message = .info("Limitation levée : « \(lifted.liftMotif ?? motif) ».")
        } else {
            let restricted = try service.restrict(tierID: snapshot.id, motif: motif, by: session.agent)
            restriction = restricted
            session.message = .info("Fiche limitée (RGPD) : « \(restricted.motif) ». Chaque consultation demandera son motif.")
        }
        promptLimits = false
    }

    private func confirm(_ form: ActionPrompt) throws {
        let service = FactVerificationService(store: session.store)
        do {
            if promptValidates {
                snapshot = try service.validate(tierID: snapshot.id, expectedVersion: snapshot.version, fields: promptFields,
                                                motif: form.fields[0].value, by: session.agent)
                session.message = .info("\(Self.count(promptFields, "validé", "validés")) : « \(form.fields[0].value) ».")
            } else {
                let document = promptDocuments[form.fields[0].selectedIndex]
                snapshot = try service.verify(tierID: snapshot.id, expectedVersion: snapshot.version, fields: promptFields,
                                              documentID: document.id, by: session.agent)
                session.message = .info("\(Self.count(promptFields, "vérifié", "vérifiés")) sur \(document.summary).")
            }
            marked = []
        } catch let stale as StaleTierError {
            // A colleague changed the record meanwhile (or verified it first): show it as it is now.
            if let fresh = try? TierService(store: session.store).snapshot(id: snapshot.id) { snapshot = fresh }
            let who = Set(stale.changes.compactMap(\.agentLogin)).sorted().joined(separator: ", ")
            let fields = Set(stale.changes.map(\.field.label)).sorted().joined(separator: ", ")
            let what = fields.isEmpty ? "fusion de fiches" : fields   // a merge writes no fact of its own version
            throw VerificationRefusal("Fiche modifiée entre-temps par \(who.isEmpty ? "un collègue" : who) (\(what)) : "
                + "elle est rechargée ; relisez-la, puis Entrée pour confirmer ou Échap.")
        }
    }

    /// « Date de naissance : vérifié », « 3 faits vérifiés ».
    private static func count(_ fields: [TierField], _ one: String, _ many: String) -> String {
        fields.count == 1 ? "\(fields[0].label) : \(one)" : "\(fields.count) faits \(many)"
    }

    package func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        if prompt != nil { return handlePrompt(event, action: action) }
        let all = lines
        switch action {
        case .marquer:
            toggleMark(all)
        case .verifier:
            openVerification(chosenFields)
        case .valider:
            guard session.agent.has(.supervisor) else {
                session.message = .error("Seul un superviseur peut valider un fait : vérifiez-le sur pièce (F2).")
                break
            }
            openValidation(chosenFields)
        case .limiter:
            guard session.agent.has(.supervisor) else {
                session.message = .error("Seul un superviseur peut limiter le traitement d'une fiche (demande de la personne).")
                break
            }
            openRestriction()
        case .effacement:
            guard session.agent.has(.supervisor) else {
                session.message = .error("Seul un superviseur peut effacer les données d'une personne (à sa demande).")
                break
            }
            openErasure()
        case let move? where KeyAction.lineAndPageMoves.contains(move):
            selected = ListCursor.moved(selected, by: action, count: all.count) ?? selected
        case .retour, .annuler: return .pop
        case .historique:
            if case .fact(let field, _) = all[selected] {
                return .push(FieldHistoryScreen(snapshot: snapshot, field: field, session: session))
            }
        case .defaireFusion:
            // Undone from the history, where the facts that came from the absorbed record show.
            var field = TierField.fields(of: snapshot.kind)[0]
            if case .fact(let selectedField, _) = all[selected] { field = selectedField }
            let history = FieldHistoryScreen(snapshot: snapshot, field: field, session: session)
            if history.openUnmerge() { return .push(history) }
        case .modifier:
            return .push(TierFormScreen(session: session, editing: snapshot))
        case .nouveauDossier:
            return .push(ProcedureCatalogScreen(session: session, applicant: snapshot))
        case .renouveler:
            let offers = renewals
            guard !offers.isEmpty else {
                session.message = .info("Aucun renouvellement possible : \(session.keyName(.nouveauDossier, in: .fiche)) ouvre un dossier "
                    + "pour une autre démarche.")
                return .stay
            }
            let offer: RenewalOffer
            if case .renewal(let index) = all[selected] { offer = offers[index] } else { offer = offers[0] }
            return startRenewal(offer)
        case .documents:
            return .push(DocumentListScreen(session: session, tierID: snapshot.id, ocr: session.ocr))
        case .numeriser:
            return .push(ScanScreen(session: session, tier: snapshot))
        case .ouvrir:
            switch all[selected] {
            case .relation(_, let tierID, _):
                return Self.opening(session, tierID: tierID)
            case .fact(let field, _):
                return .push(FieldHistoryScreen(snapshot: snapshot, field: field, session: session))
            case .renewal(let index):
                return startRenewal(renewals[index])
            case .dossier(let id, _, _, let detail):
                // A submitted dossier opens for review (where the counter records the pieces that
                // arrive); a brouillon only says where it stands.
                if dossiers.first(where: { $0.id == id })?.state != .draft {
                    return DossierReviewScreen.opening(session, dossierID: id)
                }
                session.message = .info(detail)
            }
        default:
            if case .key(.character(" "), let modifiers) = event, modifiers.isEmpty { toggleMark(all) }
        }
        return .stay
    }

    /// Marks or unmarks the selected fact (one with a value) and moves to the next line.
    private func toggleMark(_ all: [Line]) {
        guard case .fact(let field, let fact) = all[selected] else { return }
        if marked.contains(field) { marked.remove(field) } else if fact != nil { marked.insert(field) }
        selected = min(selected + 1, all.count - 1)
    }

    /// Opens the renewal's form, prefilled from the previous dossier and the tiers.
    private func startRenewal(_ offer: RenewalOffer) -> ScreenOutcome {
        let session = session, applicantID = snapshot.id
        return ConsultationMotifScreen.opening(session) { motif in
            let intake = try DossierService(store: session.store).start(offer.procedure, applicantID: applicantID,
                                                                        beneficiaryID: offer.previous.beneficiaryID,
                                                                        by: session.agent, motif: motif)
            return IntakeScreen(session: session, intake: intake)
        }
    }
}
