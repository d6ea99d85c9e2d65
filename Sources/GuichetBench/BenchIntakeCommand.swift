import ArgumentParser
import Foundation
import GuichetCommandLine
import GuichetTUI
import SIMSFixtures
import SIMSModel

/// `guichet bench intake`: the keys saved by prefill on a school-grant renewal (the whole journey
/// from the search screen to the récépissé, and the form alone), and how many
/// dossiers (with their facts and events) one process submits per second beside plain inserts
/// of the same dossier rows.
struct BenchIntakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "intake", abstract: "Frappes économisées par le préremplissage ; dépôts par seconde.")

    @Option(name: .long, help: "Nombre de dossiers déposés pour la mesure de débit.") var dossiers = 2_000
    @Option(name: .long, help: "Dossier des démarches (sinon GUICHET_PROCEDURES, ./procedures…).") var procedures: String?
    @Option(name: .long, help: "Dossier de travail.") var workdir = NSTemporaryDirectory() + "guichet-bench"
    @Flag(name: .long, help: "Un objet JSON au lieu du tableau.") var json = false

    func run() throws {
        try CommandFailure.guarded {
            let directory = ProcedureLocation.resolve(explicit: procedures, environment: ProcessInfo.processInfo.environment,
                                                      currentDirectory: FileManager.default.currentDirectoryPath)
            let catalog = try ProcedureCatalog.load(directory: directory)
            guard let first = catalog.procedure(code: "BS"), let renewal = catalog.procedure(code: "RBS") else {
                throw SIMSModel.ValidationError(field: nil, message: "Les démarches BS et RBS sont introuvables dans \(directory.path).")
            }
            let fm = FileManager.default
            try fm.createDirectory(atPath: workdir, withIntermediateDirectories: true)
            let path = "\(workdir)/intake.sqlite"
            let (store, admin) = try Self.freshStore(path)

            // Keystrokes: the same paper renewal keyed with and without prefill.
            let family = try lastYearsFamily(store: store, agent: admin, procedure: first)
            let paper = BenchFamily.renewalPaper(index: 0)
            // The whole journey, from the search screen to the récépissé, then the same without
            // the renewal offer and with every field typed.
            let journey = IntakeJourney(store: store, agent: admin, catalog: catalog, parent: family.parent, child: family.child,
                                        name: "wamytan h", paper: paper)
            let prefilledJourney = try journey.prefilled()
            let route = try journey.catalogueRoute(procedure: renewal)
            let scratch = try keystrokes(store: store, agent: admin, procedure: renewal, family: family, paper: paper, prefill: false)
            let prefilled = prefilledJourney.form
            let scratchJourney = route + scratch

            // The family moved: new address in the same commune, new phone, « changement de
            // situation », keyed on a store of its own from the search to the récépissé.
            let movedPath = "\(workdir)/intake-demenagement.sqlite"
            let (movedStore, movedAdmin) = try Self.freshStore(movedPath)
            let movedFamily = try lastYearsFamily(store: movedStore, agent: movedAdmin, procedure: first)
            let moved = try IntakeJourney(store: movedStore, agent: movedAdmin, catalog: catalog, parent: movedFamily.parent,
                                          child: movedFamily.child, name: "wamytan h", paper: BenchFamily.movedPaper(index: 0)).prefilled()
            try movedStore.close()
            StoreFiles.remove(storePath: movedPath)

            // Throughput: brouillons prepared beforehand, then submitted one transaction each.
            var intakes: [Intake] = []
            for index in 1...dossiers {
                let family = try BenchFamily.make(store: store, agent: admin, index: index)
                var intake = try DossierService(store: store).start(first, applicantID: family.parent, beneficiaryID: family.child, by: admin)
                intake.dossier.answers.merge(BenchFamily.lastYear) { $1 }
                intake.dossier.answers["demandeur.telephone"] = BenchFamily.phone(index + 500_000)
                intakes.append(intake)
            }
            let service = DossierService(store: store)
            let oursMs = try BenchMeasure.milliseconds {
                for intake in intakes { try service.submit(intake.dossier, procedure: first, by: admin) }
            }
            // The baseline inserts the same rows into the same table, one transaction each, without
            // facts, events or row digests (``PlainDossierInserts``).
            let baseline = try PlainDossierInserts(store: store, lastSubmitted: dossiers)
            let baselineMs = try BenchMeasure.milliseconds { try baseline.insert() }
            var out = BenchReport(title: "Saisie d'un dossier : renouvellement de bourse scolaire, \(dossiers) dépôts")
            out.add("keystrokes_journey_prefilled", Double(prefilledJourney.total),
                    "de la recherche au récépissé : nom, Entrée, F11 Renouveler (\(prefilledJourney.navigation)) + formulaire")
            out.add("keystrokes_journey_from_scratch", Double(scratchJourney),
                    "même parcours par le catalogue (\(route)) + formulaire tout tapé")
            out.add("journey_saved", 1 - Double(prefilledJourney.total) / Double(max(scratchJourney, 1)), "objectif ≥ 0,85")
            out.add("keystrokes_moved_overhead", Double(moved.overhead),
                    "famille qui a déménagé : touches hors nom cherché et nouveaux caractères (\(moved.total) en tout) ; objectif ≤ 5")
            out.add("keystrokes_prefilled", Double(prefilled), "formulaire seul, champs préremplis")
            out.add("keystrokes_from_scratch", Double(scratch), "formulaire seul, tout à taper")
            out.add("keystrokes_saved", 1 - Double(prefilled) / Double(max(scratch, 1)), "objectif ≥ 0,90")
            out.add("submissions_per_s", Double(dossiers) / max(oursMs / 1000, 0.000_001),
                    "dossier + faits réécrits + pièces + événements, une transaction par dépôt ; objectif ≥ 1 000")
            out.add("baseline_inserts_per_s", Double(dossiers) / max(baselineMs / 1000, 0.000_001),
                    "les mêmes lignes dossier, sans faits, événements ni empreintes")
            out.add("ratio", oursMs / max(baselineMs, 0.001))
            out.print(json: json)
            StoreFiles.remove(storePath: path)
        }
    }

    /// A new store at `path` (any previous one removed) and its administrator, holding every role.
    static func freshStore(_ path: String) throws -> (SIMSStore, Agent) {
        StoreFiles.remove(storePath: path)
        let store = try SIMSStore.open(path: path, create: true)
        let agents = AgentService(store: store)
        let login = LoginResolver.current()
        let administrator = try agents.initialise(login: login, fullName: "Banc d'essai")
        try agents.setRoles(login: login, roles: Set(Role.allCases), by: administrator)
        return (store, try agents.authenticate(login: login))
    }

    /// The family of index 0 with last year's school grant (`procedure`) submitted.
    private func lastYearsFamily(store: SIMSStore, agent: Agent, procedure: Procedure) throws -> BenchFamily {
        let family = try BenchFamily.make(store: store, agent: agent, index: 0)
        var previous = try DossierService(store: store).start(procedure, applicantID: family.parent, beneficiaryID: family.child, by: agent)
        previous.dossier.answers.merge(BenchFamily.lastYear) { $1 }
        try DossierService(store: store).submit(previous.dossier, procedure: procedure, by: agent)
        return family
    }

    /// Keys the paper renewal into a fresh intake screen; with `prefill: false` the form starts empty.
    private func keystrokes(store: SIMSStore, agent: Agent, procedure: Procedure, family: BenchFamily,
                            paper: [String: String], prefill: Bool) throws -> Int {
        var intake = try DossierService(store: store).start(procedure, applicantID: family.parent, beneficiaryID: family.child, by: agent)
        if !prefill {
            intake.dossier.answers = [:]
            intake.prefill = [:]
        }
        let session = AppSession(store: store, agent: agent, keymap: DefaultKeymap.keymap)
        let screen = IntakeScreen(session: session, intake: intake)
        let app = Application(terminal: InMemoryTerminal(columns: 80, rows: 24), session: session, root: screen)
        app.renderFrame()
        let keys = IntakeKeyingScript(paper: paper, today: store.clock.today()).keyIn(app, screen: screen)
        let submitted = try DossierService(store: store).dossier(id: intake.dossier.id)
        guard submitted.state == .submitted else {
            throw SIMSModel.ValidationError(field: nil, message: "Le dossier saisi n'a pas été déposé : \(session.message?.text ?? "?")")
        }
        return keys
    }
}
