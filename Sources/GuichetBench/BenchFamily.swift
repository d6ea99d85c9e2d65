import SIMSModel

/// A returning parent with one child, and the paper forms the intake benchmark keys.
struct BenchFamily {
    var parent: Int64
    var child: Int64

    static func phone(_ index: Int) -> String {
        let digits = String(250_000 + index % 49_999)
        return digits
    }

    static func make(store: SIMSStore, agent: Agent, index: Int) throws -> BenchFamily {
        let tiers = TierService(store: store)
        let parent = try tiers.create(kind: .person, values: [
            .birthName: "Wamytan", .givenNames: "Hélène", .birthDate: "14/03/1985", .address: "\(index + 1) rue de Sébastopol",
            .commune: "Nouméa", .postalCode: "98800", .phone: phone(index), .email: "helene.wamytan\(index)@example.nc",
            .cafat: String(1_000_000 + index),
        ], by: agent)
        let child = try tiers.create(kind: .person, values: [
            .birthName: "Wamytan", .givenNames: "Léa", .birthDate: "02/05/2016", .sex: "F",
        ], by: agent)
        try tiers.relate(child.id, kind: .legalRepresentative, to: parent.id, by: agent)
        return BenchFamily(parent: parent.id, child: child.id)
    }

    /// Last year's local answers of the school grant.
    static let lastYear: [String: String] = [
        "etablissement": "École Frédéric Surleau", "classe": "CM1", "annee_scolaire": "2026",
        "situation_familiale": "Marié(e)", "enfants_a_charge": "2", "revenus_annuels": "1850000", "internat": "non",
    ]

    /// The renewal's paper form as the parent filled it in: a new phone number, the next class,
    /// the next school year; everything else as before.
    static func renewalPaper(index: Int) -> [String: String] {
        [
            "demandeur.nom_naissance": "WAMYTAN", "demandeur.prenoms": "Hélène", "demandeur.date_naissance": "14/03/1985",
            "demandeur.adresse": "\(index + 1) rue de Sébastopol", "demandeur.commune": "Nouméa", "demandeur.code_postal": "98800",
            "demandeur.telephone": "78.45.12", "demandeur.courriel": "helene.wamytan\(index)@example.nc",
            "demandeur.cafat": String(1_000_000 + index),
            "beneficiaire.nom_naissance": "WAMYTAN", "beneficiaire.prenoms": "Léa", "beneficiaire.date_naissance": "02/05/2016",
            "beneficiaire.sexe": "F",
            "etablissement": "École Frédéric Surleau", "classe": "CM2", "annee_scolaire": "2027",
            "situation_familiale": "Marié(e)", "enfants_a_charge": "2", "revenus_annuels": "1 850 000 F", "internat": "non",
            "changement_situation": "non",
        ]
    }

    /// The renewal of a family that moved within its commune: a new address and phone, and
    /// « changement de situation » answered yes; everything else as in ``renewalPaper(index:)``.
    static func movedPaper(index: Int) -> [String: String] {
        renewalPaper(index: index).merging([
            "demandeur.adresse": "12 rue Jules Garnier", "demandeur.telephone": "78.45.12", "changement_situation": "oui",
        ]) { $1 }
    }
}
