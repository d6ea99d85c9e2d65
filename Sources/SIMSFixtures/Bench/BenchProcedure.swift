import SIMSModel
/// A procedure of `procedures/*.yaml` as the bench generator needs it: code, title, deadline,
/// review levels, its share of the deposits, and who applies.
struct BenchProcedure: Sendable {
    /// Who applies for a procedure.
    enum Applicant: Sendable { case family, adult, organisation }

    var code: String
    var title: String
    var deadlineDays: Int
    var reviewLevels: Int
    /// Share of the deposits, in percent.
    var share: Int
    var applicant: Applicant

    /// The five procedures shipped in `procedures/`, with the mix of a year at the counter.
    static let all = [
        BenchProcedure(code: "BS", title: "Demande de bourse scolaire", deadlineDays: 45, reviewLevels: 2, share: 30, applicant: .family),
        BenchProcedure(code: "RBS", title: "Renouvellement de bourse scolaire", deadlineDays: 45, reviewLevels: 2, share: 30,
                       applicant: .family),
        BenchProcedure(code: "IS", title: "Demande d'inscription scolaire", deadlineDays: 30, reviewLevels: 1, share: 25,
                       applicant: .family),
        BenchProcedure(code: "BES", title: "Demande de bourse d'études supérieures", deadlineDays: 60, reviewLevels: 2, share: 10,
                       applicant: .adult),
        BenchProcedure(code: "LDB", title: "Demande de licence de débit de boissons", deadlineDays: 60, reviewLevels: 2, share: 5,
                       applicant: .organisation),
    ]

    /// Local answers of the kind this procedure asks for, encoded as the dossier stores them
    /// (keys in order; the values hold no character JSON would escape).
    func answersJSON(year: Int, using random: inout DemoRandomGenerator) -> String {
        switch applicant {
        case .family:
            let classe = random.element(of: Self.classes), school = random.element(of: Self.schools)
            let income = 600_000 + random.below(40) * 100_000
            return "{\"annee_scolaire\":\"\(year)\",\"classe\":\"\(classe)\",\"etablissement\":\"\(school)\",\"revenus_annuels\":\"\(income)\"}"
        case .adult:
            return "{\"annee_universitaire\":\"\(year)\",\"etablissement\":\"Université de la Nouvelle-Calédonie\",\"formation\":\"Licence\"}"
        case .organisation:
            return "{\"classe_licence\":\"4e classe\",\"commune\":\"Nouméa\",\"etablissement\":\"Snack de l'Anse Vata\"}"
        }
    }

    static let classes = ["CP", "CE1", "CE2", "CM1", "CM2", "6e", "5e", "4e", "3e"]
    static let schools = ["École Frédéric Surleau", "École Amélie Cortot", "Collège de Magenta", "Collège Jean Mariotti",
                          "Lycée Lapérouse", "Lycée Jules Garnier", "École de La Foa", "Collège de Boulouparis"]
}
