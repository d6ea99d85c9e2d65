import Foundation
import SIMSModel
@testable import GuichetTUI

/// A returning parent and her child in a fresh store, the school-grant procedures loaded from the
/// repository's `procedures/`, and the application on an in-memory 80×24 terminal.
final class IntakeHarness: KeyDrivenHarness {
    /// 29/11/2026 10:00 in Nouméa.
    static let now = TestStore.now

    let directory: String
    let store: SIMSStore
    let agent: Agent
    let parent: TierSnapshot
    let child: TierSnapshot
    let catalog: ProcedureCatalog
    let terminal = InMemoryTerminal(columns: 80, rows: 24)
    let session: AppSession
    let app: Application

    static var proceduresDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("procedures")
    }

    init(printer: String? = nil, printCommand: String = "lp") throws {
        let base = try TestStore(clock: .fixed(Self.now), prefix: "guichet-intake-", login: "mgorodey")
        (directory, store, agent) = (base.directory, base.store, base.counter)
        let tiers = TierService(store: store)
        parent = try tiers.create(kind: .person, values: [
            .birthName: "Wamytan", .givenNames: "Hélène", .birthDate: "14/03/1985", .address: "12 rue de Sébastopol",
            .commune: "Nouméa", .postalCode: "98800", .phone: "25 12 34", .email: "helene.wamytan@example.nc",
        ], by: agent)
        child = try tiers.create(kind: .person, values: [.birthName: "Wamytan", .givenNames: "Léa", .birthDate: "02/05/2016",
                                                         .sex: "F"], by: agent)
        try tiers.relate(child.id, kind: .legalRepresentative, to: parent.id, by: agent)
        catalog = try ProcedureCatalog.load(directory: Self.proceduresDirectory)
        session = AppSession(store: store, agent: agent, keymap: DefaultKeymap.keymap, clock: .fixed(Self.now),
                             catalog: catalog,
                             receipts: ReceiptOutput(storePath: store.path, printer: printer, printCommand: printCommand))
        app = Application(terminal: terminal, session: session, root: HomeScreen(session: session))
        app.renderFrame()
    }

    func procedure(_ code: String) -> Procedure { catalog.procedure(code: code)! }

    /// Last year's school grant for the child, submitted.
    @discardableResult
    func lastYearsGrant() throws -> SubmittedDossier {
        var intake = try DossierService(store: store).start(procedure("BS"), applicantID: parent.id, beneficiaryID: child.id, by: agent)
        intake.dossier.answers.merge(["etablissement": "École Frédéric Surleau", "classe": "CM1", "annee_scolaire": "2026",
                                      "situation_familiale": "Marié(e)", "enfants_a_charge": "2",
                                      "revenus_annuels": "1850000", "internat": "non"]) { $1 }
        return try DossierService(store: store).submit(intake.dossier, procedure: procedure("BS"), by: agent)
    }

    /// Opens the intake form of a procedure for the child.
    @discardableResult
    func openIntake(_ code: String) throws -> IntakeScreen {
        let intake = try DossierService(store: store).start(procedure(code), applicantID: parent.id, beneficiaryID: child.id, by: agent)
        let screen = IntakeScreen(session: session, intake: intake)
        app.open(screen)
        app.renderFrame()
        return screen
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }
}
