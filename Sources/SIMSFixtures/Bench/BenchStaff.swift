import SIMSModel
import Foundation

/// The review staff of a bench store: 16 instructeurs, 4 superviseurs, and 3 agents d'accueil
/// who key the deposits.
enum BenchStaff {
    static let members: [(login: String, name: String, role: Role)] = {
        let names = ["Jean Wamytan", "Marie Gorodey", "Paul Néaoutyine", "Sylvie Tjibaou", "Luc Dupont", "Anne Kasarhérou",
                     "Hélène Martin", "Noël Ounou", "Claire Lefèvre", "Georges Wéa", "Sophie Nguyen", "Yann Trolue",
                     "Léa Bernard", "Éric Poadja", "Julie Goa", "Marc Haocas", "Isabelle Thomas", "Pierre Wahetra",
                     "Nadia Saliga", "Victor Naisseline", "Chantal Kaloi", "Robert Boewa", "Emma Petit"]
        return names.enumerated().map { index, name in
            switch index {
            case 0..<16: return (String(format: "bench.instr%02d", index + 1), name, .instructor)
            case 16..<20: return (String(format: "bench.sup%02d", index - 15), name, .supervisor)
            default: return (String(format: "bench.accueil%02d", index - 19), name, .reception)
            }
        }
    }()

    /// The motifs of decisions.
    static let motifs: [DossierDecision: [String]] = [
        .accepted: ["Ressources sous le plafond.", "Dossier complet, conditions remplies.", "Conditions remplies, pièces vérifiées."],
        .refused: ["Ressources au-dessus du plafond.", "Conditions de résidence non remplies.", "Pièces non fournies dans le délai."],
        .closedWithoutAction: ["Désistement du demandeur.", "Demande en double, classée.", "Pièces demandées jamais reçues."],
    ]
}
