import GuichetTUI
import SIMSModel

/// The counter's whole journey for a returning parent, driven key by key on an in-memory 80×24
/// terminal: from the search screen (typing the parent's name) to the récépissé.
///
/// - prefilled: the name typed (the parent must then be the first hit), Enter (her record), F11 (the
///   renewal the record offers: procedure and child of last year's dossier), the form keyed by
///   ``IntakeKeyingScript``, F10;
/// - from scratch: the same search and Enter, then F9, the procedure's name typed until it is
///   the first of the catalogue, F2, the child chosen, Enter, and every field of the same paper
///   typed into an empty form.
struct IntakeJourney {
    let store: SIMSStore
    let agent: Agent
    let catalog: ProcedureCatalog
    let parent: Int64
    let child: Int64
    /// What the agent types in the search field, whole: the surname and the given name's initial
    /// (« wamytan h »), as for any common name, even when fewer letters would do in this store.
    let name: String
    let paper: [String: String]

    struct Count {
        /// Keys before the form (search, record, procedure, child).
        var navigation: Int
        /// Keys in the form, F10 included.
        var form: Int
        /// Of the form's keys, the characters of the new values themselves.
        var characters = 0
        var total: Int { navigation + form }
        /// The keys beyond the search query and the new values' characters: moving, clearing,
        /// opening, submitting.
        var overhead: Int { total - characters - query }
        /// The characters of the search query.
        var query = 0
    }

    private func application(_ root: (AppSession) -> Screen) -> (Application, AppSession) {
        let session = AppSession(store: store, agent: agent, keymap: DefaultKeymap.keymap, catalog: catalog)
        let app = Application(terminal: InMemoryTerminal(columns: 80, rows: 24), session: session, root: root(session))
        app.renderFrame()
        return (app, session)
    }

    private static func failure(_ step: String, _ session: AppSession) -> Error {
        SIMSModel.ValidationError(field: nil, message: "Parcours de saisie interrompu : \(step) (\(session.message?.text ?? "sans message")).")
    }

    /// Types the parent's name, then Enter on the first hit, who must be her: her record.
    private func searchAndOpen(_ app: Application, _ session: AppSession, keys: inout Int) throws {
        guard let search = app.top as? TierSearchScreen else { throw Self.failure("pas d'écran de recherche", session) }
        for character in name {
            _ = app.process(.character(character))
            keys += 1
        }
        guard search.hits.first?.tierID == parent else { throw Self.failure("le parent n'est pas trouvé", session) }
        _ = app.process(.key(.enter))
        keys += 1
        guard app.top is TierRecordScreen else { throw Self.failure("la fiche ne s'ouvre pas", session) }
    }

    /// The prefilled journey; the dossier is submitted. ``Count/overhead`` leaves out the search
    /// query too: its keys are counted in ``Count/navigation``.
    func prefilled() throws -> Count {
        let (app, session) = application { TierSearchScreen(session: $0) }
        var navigation = 0
        try searchAndOpen(app, session, keys: &navigation)
        _ = app.process(.function(11))   // « Renouveler » offered on the record
        navigation += 1
        guard let intake = app.top as? IntakeScreen else { throw Self.failure("F11 n'ouvre pas le renouvellement", session) }
        app.renderFrame()
        let form = IntakeKeyingScript(paper: paper, today: store.clock.today()).keyInCounting(app, screen: intake)
        guard app.top is ReceiptScreen else { throw Self.failure("le dossier n'est pas déposé", session) }
        return Count(navigation: navigation, form: form.keys, characters: form.characters, query: name.count)
    }

    /// The keys from the search to the form without the renewal offer (the catalogue route); the
    /// brouillon it opens is left as a brouillon.
    func catalogueRoute(procedure: Procedure) throws -> Int {
        let (app, session) = application { TierSearchScreen(session: $0) }
        var keys = 0
        try searchAndOpen(app, session, keys: &keys)
        _ = app.process(.function(9))
        keys += 1
        guard let catalogue = app.top as? ProcedureCatalogScreen else { throw Self.failure("F9 n'ouvre pas le catalogue", session) }
        for character in procedure.title.lowercased() where catalogue.selectedProcedure?.code != procedure.code {
            _ = app.process(.character(character))
            keys += 1
        }
        _ = app.process(.function(2))
        keys += 1
        if let choice = app.top as? BeneficiaryChoiceScreen {
            while let selected = choice.selectedID, selected != child, keys < 200 {
                _ = app.process(.key(.down))
                keys += 1
            }
            _ = app.process(.key(.enter))
            keys += 1
        }
        guard app.top is IntakeScreen else { throw Self.failure("le formulaire ne s'ouvre pas", session) }
        return keys
    }
}
