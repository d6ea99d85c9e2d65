import SIMSModel

/// Asks the motif of a consultation of a restricted tier (RGPD « limitation ») before its data
/// is shown: the record, a dossier under review, a dossier's form, a duplicate pair. Enter (or
/// F10) opens it with the motif, recorded in the consultation's event; Esc or F12 goes back
/// without showing anything. An action that shows nothing (a merge from the duplicates queue)
/// asks here too: done, the screen closes.
///
/// ```swift
/// return ConsultationMotifScreen.opening(session) { motif in try TierRecordScreen(session: session, tierID: id, motif: motif) }
/// ```
final class ConsultationMotifScreen: Screen {
    let session: AppSession
    let refusal: RestrictedTierRefusal
    /// Opens what was asked with the motif typed (nil: done, nothing to open).
    private let open: (String) throws -> Screen?
    private(set) var prompt: ActionPrompt

    init(session: AppSession, refusal: RestrictedTierRefusal, open: @escaping (String) throws -> Screen?) {
        self.session = session
        self.refusal = refusal
        self.open = open
        prompt = ActionPrompt(title: "Motif de la consultation",
                              fields: [.text("Motif", maxLength: TierRestrictionService.maxMotifLength)])
    }

    var title: String { "Fiche limitée (RGPD)" }
    var context: KeymapContext { .saisie }
    /// The motif's field: F10 (or Enter) confirms, F3 or Échap goes back.
    var offeredActions: Set<KeyAction> { TextField.editingActions.union([.enregistrer, .retour, .annuler]) }

    /// Opens with `open`: at once when no tier it shows is restricted, with the motif already given
    /// for the record open beneath (a dossier's form started from it), else after asking it here.
    /// `push` false: in place of the current screen (the motif screen too).
    static func opening(_ session: AppSession, push: Bool = true, _ open: @escaping (String?) throws -> Screen) -> ScreenOutcome {
        do {
            let screen = try open(nil)
            return push ? .push(screen) : .replace(screen)
        } catch let refusal as RestrictedTierRefusal {
            let given = refusal.tierIDs.compactMap { session.recordMotifs[$0] }
            if given.count == refusal.tierIDs.count, let motif = given.first {
                do {
                    let screen = try open(motif)
                    return push ? .push(screen) : .replace(screen)
                } catch {
                    session.message = .error("\(error)")
                    return .stay
                }
            }
            let asking = ConsultationMotifScreen(session: session, refusal: refusal) { try open($0) }
            return push ? .push(asking) : .replace(asking)
        } catch {
            session.message = .error("\(error)")
            return .stay
        }
    }

    func render(into buffer: inout CellBuffer, area: CellRect, theme: Theme) -> CursorPosition? {
        let x = area.x + 1, width = area.width - 2
        let names = refusal.names.joined(separator: ", ")
        buffer.put(names, x: x, y: area.y + 1, style: theme.title, maxWidth: width)
        let text = "Le traitement de ces données est limité à la demande de la personne (RGPD). Elles ne "
            + "s'affichent qu'avec le motif de la consultation, enregistré avec votre nom et l'heure ; sans motif, "
            + "rien n'est montré."
        _ = buffer.putWrapped(text, x: x, y: area.y + 3, width: width, maxLines: 4, style: CellStyle.plain)
        _ = buffer.putWrapped("Par exemple : « dossier BS déposé au guichet », « demande de la personne présente ».",
                          x: x, y: area.y + 8, width: width, maxLines: 2, style: theme.dim)
        return prompt.render(into: &buffer, area: area, theme: theme)
    }

    func handle(_ event: KeyEvent, action: KeyAction?) -> ScreenOutcome {
        // F3 goes back as Esc does; F10 confirms as Enter does (the « Enreg. » of the function-key bar).
        if action == .retour { return .pop }
        let key: KeyEvent = action == .enregistrer ? .key(.enter, modifiers: []) : event
        var opened: Screen?
        guard let next = prompt.responding(to: key, action: action, confirm: { form in
            let motif = try TierRestrictionService.checkedMotif(form.fields[0].value, what: "la consultation")
            opened = try open(motif)
        }) else {
            return opened.map { .replace($0) } ?? .pop
        }
        prompt = next
        return .stay
    }
}
