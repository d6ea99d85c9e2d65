import Foundation
import SIMSModel

/// Where every tmux journey starts: a store made by `guichet init`, the counter agent « accueil1 »
/// (Marie Gorodey), Hélène Wamytan with her daughter Léa, and the school grant (BS) she applied for.
struct JourneyFamily {
    let parentID: Int64
    let childID: Int64
    /// The grant's dossier.
    let grantID: Int64

    static var proceduresDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("procedures").path
    }

    /// Initialises the store of `guichet` and files the family and its grant.
    static func file(in guichet: GuichetProcess) throws -> JourneyFamily {
        guard try guichet.run(["init"]).status == 0,
              try guichet.run(["agent", "add", "accueil1", "--name", "Marie Gorodey", "--role", "accueil"]).status == 0
        else { throw JourneyFamilyError("guichet init / agent add failed") }
        let store = try SIMSStore.open(path: guichet.database)
        defer { try? store.close() }
        return try file(in: store, by: "accueil1")
    }

    /// Files the family and its grant in `store`, keyed by the agent `login`.
    static func file(in store: SIMSStore, by login: String) throws -> JourneyFamily {
        let agent = try AgentService(store: store).authenticate(login: login)
        let tiers = TierService(store: store)
        let parent = try tiers.create(kind: .person, values: [
            .birthName: "Wamytan", .givenNames: "Hélène", .birthDate: "14/03/1985", .address: "12 rue de Sébastopol",
            .commune: "Nouméa", .postalCode: "98800", .phone: "25 12 34",
        ], by: agent)
        let child = try tiers.create(kind: .person, values: [.birthName: "Wamytan", .givenNames: "Léa",
                                                             .birthDate: "02/05/2016", .sex: "F"], by: agent)
        try tiers.relate(child.id, kind: .legalRepresentative, to: parent.id, by: agent)
        let catalog = try ProcedureCatalog.load(directory: URL(fileURLWithPath: proceduresDirectory))
        guard let grant = catalog.procedure(code: "BS") else { throw JourneyFamilyError("procedures/ has no BS") }
        var intake = try DossierService(store: store).start(grant, applicantID: parent.id, beneficiaryID: child.id, by: agent)
        intake.dossier.answers.merge(["etablissement": "École Frédéric Surleau", "classe": "CM1", "annee_scolaire": "2026",
                                      "situation_familiale": "Marié(e)", "enfants_a_charge": "2",
                                      "revenus_annuels": "1850000"]) { $1 }
        let submitted = try DossierService(store: store).submit(intake.dossier, procedure: grant, by: agent)
        return JourneyFamily(parentID: parent.id, childID: child.id, grantID: submitted.dossier.id)
    }

    /// At the counter, from the home screen: finds Hélène Wamytan, opens her record, starts the
    /// renewal of the school grant (RBS) and waits for the choice of the beneficiary, Léa.
    static func startRenewal(in tmux: TmuxSession) throws {
        try tmux.waitFor("Bonjour Marie Gorodey")
        try tmux.keys("F5")
        try tmux.type("wamytan helene")
        try tmux.waitFor("WAMYTAN Hélène")
        try tmux.keys("Enter")
        try tmux.waitFor("Fiche : WAMYTAN Hélène")
        try tmux.keys("F9")
        try tmux.waitFor("Pour : WAMYTAN Hélène")
        try tmux.type("renouvellement bourse")
        try tmux.waitFor("RBS")
        try tmux.keys("F2")
        try tmux.waitFor("Pour qui est ce dossier ?")
        try tmux.waitFor("WAMYTAN Léa")
    }

    /// The environment of the application run by `login` in tmux.
    static func environment(_ guichet: GuichetProcess, login: String) -> [String: String] {
        ["GUICHET_DB": guichet.database, "GUICHET_LOGIN": login, "TERM": "xterm-256color",
         "GUICHET_PROCEDURES": proceduresDirectory, "XDG_CONFIG_HOME": guichet.directory + "/config",
         "LANG": "C.UTF-8", "HOME": guichet.directory]
    }
}

/// The journey's set-up failed.
struct JourneyFamilyError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
