import SIMSModel

/// Fiche tier: every current fact with its source, level, agent and date; the relations (Enter
/// opens the related tier); F5 the selected field's history; F6 edit. Opening it records the
/// consultation in the audit log.
final class TierRecordScreen: Screen {
    let session: AppSession
    private(set) var snapshot: TierSnapshot
    private var selected = 0

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

    init(session: AppSession, tierID: Int64) throws {
        self.session = session
        snapshot = try TierService(store: session.store).open(id: tierID, by: session.agent)
        dossiers = (try? DossierService(store: session.store).dossiers(ofTier: tierID)) ?? []
    }

    var title: String { "Fiche : \(snapshot.displayName)" }
    var context: KeymapContext { .fiche }
    /// « Renouveler » shows in the function-key bar only when a renewal is offered.
    var hiddenActions: Set<KeyAction> { renewals.isEmpty ? [.renouveler] : [] }

    var lines: [Line] {
        let current = snapshot.current
        // The renewals come first: at the counter, a returning parent is there for one of them.
        var lines: [Line] = renewals.indices.map { .renewal(index: $0) }
        lines += TierField.fields(of: snapshot.kind).map { .fact($0, current[$0]) }
        lines += snapshot.relations.map { .relation(label: $0.kind.label, tierID: $0.relatedID, name: $0.otherName) }
        lines += snapshot.inverseRelations.map { .relation(label: $0.kind.inverseLabel, tierID: $0.tierID, name: $0.otherName) }
        lines += dossiers.map { dossier in
            .dossier(id: dossier.id, number: dossier.number ?? "n° \(dossier.id)",
                     text: dossier.state.label + (dossier.submittedAt.map { " le " + Timestamp.french($0).prefix(10) } ?? "")
                         + " · \(dossier.procedureTitle)",
                     detail: "\(dossier.number ?? "") · code de suivi \(dossier.trackingCode ?? "—")"
                         + (dossier.dueOn.map { " · réponse attendue le " + DateRule.display($0) } ?? ""))
        }
        return lines
    }

    func didReappear() {
        if let fresh = try? TierService(store: session.store).snapshot(id: snapshot.id) { snapshot = fresh }
        dossiers = (try? DossierService(store: session.store).dossiers(ofTier: snapshot.id)) ?? dossiers
    }

    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        buffer.put("\(snapshot.displayName)", x: x, y: area.y, style: theme.title, maxWidth: width - 30)
        let info = "\(snapshot.kind.label) n° \(snapshot.id) · version \(snapshot.version)"
        buffer.put(info, x: x + width - DisplayWidth.of(info), y: area.y, style: theme.dim)
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
        for (index, line) in all.enumerated().dropFirst(max(first, 0)).prefix(rows) {
            let style = index == selected ? theme.selected : CellStyle.plain
            if index == selected { buffer.fill(CellRect(x: x, y: y, width: width, height: 1), style: style) }
            switch line {
            case .fact(let field, let fact):
                buffer.put(field.label, x: x, y: y, style: style, maxWidth: 17)
                if let fact {
                    buffer.put(fact.displayValue, x: x + 18, y: y, style: style, maxWidth: 25 + extra)
                    buffer.put(fact.source.label, x: x + 44 + extra, y: y, style: style, maxWidth: 18)
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
            let detail = "Saisi par \(fact.agentLogin ?? "?") le \(Timestamp.french(fact.recordedAt))"
                + (fact.reference.map { " · \($0)" } ?? "") + " · niveau \(fact.level.rawValue) \(fact.level.label)"
            buffer.put(detail, x: x, y: area.y + area.height - 1, style: theme.dim, maxWidth: width)
        }
        return nil
    }

    func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        let all = lines
        switch action {
        case .ligneSuivante: selected = min(selected + 1, all.count - 1)
        case .lignePrecedente: selected = max(selected - 1, 0)
        case .pageSuivante: selected = min(selected + 10, all.count - 1)
        case .pagePrecedente: selected = max(selected - 10, 0)
        case .retour, .annuler: return .pop
        case .historique:
            if case .fact(let field, _) = all[selected] {
                return .push(FieldHistoryScreen(snapshot: snapshot, field: field))
            }
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
                do { return .push(try TierRecordScreen(session: session, tierID: tierID)) } catch {
                    session.message = .error("\(error)")
                }
            case .fact(let field, _):
                return .push(FieldHistoryScreen(snapshot: snapshot, field: field))
            case .renewal(let index):
                return startRenewal(renewals[index])
            case .dossier(let id, _, _, let detail):
                // A submitted dossier opens for review (where the counter records the pieces that
                // arrive); a brouillon only says where it stands.
                if dossiers.first(where: { $0.id == id })?.state != .draft {
                    return .push(DossierReviewScreen(session: session, dossierID: id))
                }
                session.message = .info(detail)
            }
        default: break
        }
        return .stay
    }

    /// Opens the renewal's form, prefilled from the previous dossier and the tiers.
    private func startRenewal(_ offer: RenewalOffer) -> ScreenOutcome {
        do {
            let intake = try DossierService(store: session.store).start(offer.procedure, applicantID: snapshot.id,
                                                                        beneficiaryID: offer.previous.beneficiaryID, by: session.agent)
            return .push(IntakeScreen(session: session, intake: intake))
        } catch {
            session.message = .error("\(error)")
            return .stay
        }
    }
}
