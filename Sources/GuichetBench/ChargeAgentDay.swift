import Foundation
import SIMSFixtures
import SIMSModel

/// One agent's day at a human pace, as `bench charge` plays it in each child process: an agent
/// d'accueil types a name (a search at every key), opens the record, keys a school grant for a
/// new child (the brouillon kept at field exits) and submits it; an instructeur refreshes the
/// queue, takes the next dossier, opens it, reads it and proposes a decision, then glances at the
/// dashboard. Every action is timed from the call into SIMSModel to its return (the time the
/// agent waits); the pauses between actions are the agent's, not measured.
final class ChargeAgentDay {
    enum Kind: String, CaseIterable {
        case accueil, instructeur
    }

    /// The actions measured, in the report's order, each with whether it writes.
    static let actions: [(name: String, writes: Bool)] = [
        ("recherche", false), ("ouvrir_fiche", true), ("demarrer_dossier", true), ("enregistrer_brouillon", true),
        ("deposer_dossier", true), ("file", false), ("prendre_suivant", true), ("ouvrir_dossier", true),
        ("proposer_decision", true), ("tableau_de_bord", false),
    ]

    let store: SIMSStore
    let agent: Agent
    let kind: Kind
    let grant: Procedure
    let catalog: ProcedureCatalog
    /// Monotonic nanoseconds after which no action starts.
    let end: UInt64
    /// How many times faster than a person the agent works (pauses divided by it).
    let pace: Double

    private(set) var samples: [String: [Double]] = [:]
    private(set) var errors: [String: Int] = [:]
    private(set) var messages: [String] = []

    init(store: SIMSStore, agent: Agent, kind: Kind, catalog: ProcedureCatalog, end: UInt64, pace: Double = 1) throws {
        guard let grant = catalog.procedure(code: "BS") else {
            throw ValidationError(field: nil, message: "La démarche BS (bourse scolaire) manque au catalogue : indiquez --procedures.")
        }
        self.store = store
        self.agent = agent
        self.kind = kind
        self.grant = grant
        self.catalog = catalog
        self.end = end
        self.pace = max(pace, 0.01)
    }

    var over: Bool { DispatchTime.now().uptimeNanoseconds >= end }

    /// Plays the day until the end; nothing thrown: an action that fails is counted and named.
    func play() {
        var people: [(id: Int64, typed: String)] = []
        do {
            people = try ChargeBenchStore.randomPersons(store, count: 200).map { ($0.id, Self.typed($0.name)) }
        } catch {
            record("recherche", failure: error)
        }
        var cycle = 0
        while !over {
            switch kind {
            case .accueil:
                guard let person = people.randomElement() else { return }
                receive(person)
            case .instructeur:
                review(cycle: cycle)
            }
            cycle += 1
        }
    }

    /// What an agent types to find a person: the surname and the first given name, lower case.
    static func typed(_ displayName: String) -> String {
        displayName.lowercased().split(separator: " ").prefix(2).joined(separator: " ")
    }

    // MARK: - Agent d'accueil

    private func receive(_ person: (id: Int64, typed: String)) {
        let search = TierSearch(store: store)
        let letters = Array(person.typed)
        for count in 2...max(2, letters.count) where count <= letters.count {
            guard pause(0.12...0.3) else { return }
            let text = String(letters.prefix(count))
            time("recherche") { _ = try search.search(text) }
        }
        guard pause(0.8...2) else { return }
        var opened: TierSnapshot?
        time("ouvrir_fiche") { opened = try TierService(store: store).open(id: person.id, by: agent) }
        guard let applicant = opened, pause(2...4) else { return }
        let dossiers = DossierService(store: store)
        var intake: Intake?
        time("demarrer_dossier") { intake = try dossiers.start(grant, applicantID: applicant.id, by: agent) }
        guard var dossier = intake?.dossier else { return }
        for (index, answers) in Self.paper(for: applicant).enumerated() {
            guard pause(index == 0 ? 3...6 : 2...5) else { return }
            dossier.answers.merge(answers) { $1 }
            time("enregistrer_brouillon") { try dossiers.save(dossier) }
        }
        guard pause(1...2) else { return }
        time("deposer_dossier") { try dossiers.submit(dossier, procedure: grant, confirmingVerifiedChanges: true, by: agent) }
        _ = pause(2...4)   // hands the receipt over
    }

    /// The paper form in three parts (the parent's missing details, the child, the schooling),
    /// as the agent keys it; the applicant's known facts stay as prefilled.
    static func paper(for applicant: TierSnapshot) -> [[String: String]] {
        var parent: [String: String] = [:]
        let known = applicant.current
        if known[.address] == nil { parent["demandeur.adresse"] = "12 rue Jules Ferry" }
        if known[.commune] == nil { parent["demandeur.commune"] = "Nouméa" }
        if known[.postalCode] == nil { parent["demandeur.code_postal"] = "98800" }
        if known[.phone] == nil { parent["demandeur.telephone"] = "78.45.12" }
        let surname = applicant.displayName.split(separator: " ").first.map(String.init) ?? "Wamytan"
        return [
            parent,
            ["beneficiaire.nom_naissance": surname, "beneficiaire.prenoms": "Léa", "beneficiaire.date_naissance": "02/05/2016",
             "beneficiaire.sexe": "F"],
            BenchFamily.lastYear,
        ]
    }

    // MARK: - Instructeur

    private func review(cycle: Int) {
        let today = store.clock.today()
        let queue = DossierQueue(store: store)
        guard pause(1...2) else { return }
        time("file") {
            _ = try queue.page(QueueFilter(scope: .state(.submitted), assignee: .unassigned), sort: .oldest, today: today, limit: 20)
        }
        guard pause(1...3) else { return }
        let workflow = WorkflowService(store: store)
        var taken: Dossier?
        time("prendre_suivant") { taken = try workflow.takeNext(by: agent) }
        guard let dossier = taken else { _ = pause(5...10); return }
        time("ouvrir_dossier") { _ = try DossierReviewReader(store: store).open(dossierID: dossier.id, by: agent) }
        guard pause(4...8) else { return }
        let levels = catalog.procedure(code: dossier.procedureCode)?.reviewLevels ?? 2
        let action: DossierAction = levels >= 2 ? .propose(.accepted, motif: "Ressources sous le plafond.")
            : .decide(.accepted, motif: "Ressources sous le plafond.")
        time("proposer_decision") { try workflow.perform(action, on: dossier.id, reviewLevels: levels, by: agent) }
        guard cycle % 2 == 0, pause(1...2) else { return }
        time("tableau_de_bord") { _ = try DashboardService(store: store).figures(now: store.clock.now()) }
    }

    // MARK: - Measures

    /// Sleeps for a human pause; false when the day is over meanwhile.
    private func pause(_ seconds: ClosedRange<Double>) -> Bool {
        let wanted = UInt64(Double.random(in: seconds) / pace * 1e9)
        let now = DispatchTime.now().uptimeNanoseconds
        guard now < end else { return false }
        let until = min(end, now + wanted)
        while true {
            let current = DispatchTime.now().uptimeNanoseconds
            guard current < until else { break }
            usleep(UInt32(min(until - current, 100_000_000) / 1000) + 1)
        }
        return !over
    }

    private func time(_ action: String, _ body: () throws -> Void) {
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            try body()
            samples[action, default: []].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        } catch {
            record(action, failure: error)
        }
    }

    private func record(_ action: String, failure: Error) {
        errors[action, default: 0] += 1
        if messages.count < 5 { messages.append("\(action) : \(failure)") }
    }

    /// The day's figures as one JSON object: `samples` (ms per action), `errors`, `messages`.
    func json() -> String {
        let object: [String: Any] = ["samples": samples, "errors": errors, "messages": messages, "kind": kind.rawValue]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
