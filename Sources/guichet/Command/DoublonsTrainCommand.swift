import ArgumentParser
import Foundation
import GuichetCommandLine
import SIMSModel

/// `guichet doublons entrainer`: re-estimates the match score's parameters from the register
/// and prints what each field's levels weigh.
struct DoublonsTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "entrainer", abstract: "Réestime les paramètres du score de doublons sur le registre (EM, comme Splink).")

    @OptionGroup var store: StoreOptions
    @Option(name: .long, help: "Paires tirées au hasard pour les probabilités u.") var pairesAleatoires = 20_000
    @Option(name: .long, help: "Personnes dont on compare les candidats pour les probabilités m.") var personnes = 2_000

    func validate() throws {
        guard pairesAleatoires >= 100 else { throw ValidationError("--paires-aleatoires doit valoir au moins 100.") }
        guard personnes >= 10 else { throw ValidationError("--personnes doit valoir au moins 10.") }
    }

    func run() throws {
        try CommandFailure.guarded {
            let (opened, agent) = try store.session()
            var trainer = MatchTrainer(store: opened)
            trainer.randomPairs = pairesAleatoires
            trainer.sampledPersons = personnes
            let report = try trainer.train(by: agent)
            print("Paramètres estimés sur \(report.randomPairs) paires au hasard (u) et \(report.candidatePairs) paires candidates (m, EM).")
            print(String(format: "Part a priori des paires comparées qui sont une même personne (λ) : %.3f, non réestimée "
                + "(l'EM y prendrait les foyers pour une même personne).", report.parameters.lambda))
            print("Poids de chaque niveau, avant → après (bits : positif pour, négatif contre) :")
            for field in MatchField.allCases {
                let weights = (0..<field.levels).map { level in
                    field.reason(level) + " " + String(format: "%+.1f → %+.1f", log2(report.previous.bayesFactor(field, level: level)),
                                                       log2(report.parameters.bayesFactor(field, level: level)))
                }
                print("  " + weights.joined(separator: " ; "))
            }
        }
    }
}
