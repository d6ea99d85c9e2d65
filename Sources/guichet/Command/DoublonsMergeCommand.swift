import ArgumentParser
import Foundation
import GuichetCommandLine
import SIMSModel

/// `guichet doublons fusionner ID1 ID2 [--garder ID] [--motif TEXTE]`: merges two records of the
/// same person (superviseurs, administrateurs), in one transaction; a restricted record (RGPD
/// « limitation ») only with `--motif`.
struct DoublonsMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fusionner",
        abstract: "Fusionne deux fiches d'une même personne (ou organisation) ; la fusion se défait par « defaire-fusion ».",
        discussion: """
            La fiche conservée garde son numéro ; par défaut, c'est celle qui a le plus de faits vérifiés, \
            sinon la plus ancienne (--garder choisit l'autre). Chaque champ prend la meilleure des deux valeurs \
            (niveau, puis la plus récente) ; tout l'historique des deux fiches reste, avec sa provenance.
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("Numéro de la première fiche.", valueName: "ID1")) var first: Int64
    @Argument(help: ArgumentHelp("Numéro de la seconde fiche.", valueName: "ID2")) var second: Int64
    @Option(name: .long, help: ArgumentHelp("Numéro de la fiche à conserver (l'une des deux).", valueName: "ID")) var garder: Int64?
    @Option(name: .long, help: ArgumentHelp("Pourquoi ces deux fiches sont une même personne (exigé pour une fiche limitée).", valueName: "TEXTE")) var motif: String?
    /// A test's hook: waits this many milliseconds inside the transaction, so that a test can kill
    /// the process mid-way and find nothing written.
    @Option(name: .customLong("pause-avant-validation"), help: ArgumentHelp("Pour les tests.", visibility: .private))
    var pause: Int?

    func validate() throws {
        if let garder, garder != first, garder != second {
            throw ValidationError("--garder doit être l'un des deux numéros (\(first) ou \(second)).")
        }
    }

    func run() throws {
        try CommandFailure.guarded {
            let (opened, agent) = try store.session()
            let merger = TierMerger(store: opened)
            let survivor = try garder ?? (first == second ? first : merger.proposedSurvivor(first, second))
            let absorbed = survivor == first ? second : first
            do {
                // A restricted record is merged only with a motif: --motif says why, and is recorded.
                let outcome = try merger.merge(survivorID: survivor, absorbedID: absorbed, by: agent, motif: motif,
                                               consultationMotif: motif) { _ in
                    Self.pauseForTests(pause, "fusion en cours")
                }
                print(outcome.message)
            } catch let refusal as RestrictedTierRefusal {
                CommandFailure.fail(RgpdCommand.motifNeeded(refusal, action: "les fusionner"))
            }
        }
    }

    /// Says `what` on standard error and waits `milliseconds` (at most ten minutes), for a test
    /// that kills the process inside the transaction.
    static func pauseForTests(_ milliseconds: Int?, _ what: String) {
        guard let milliseconds else { return }
        FileHandle.standardError.write(Data("guichet : \(what)…\n".utf8))
        usleep(useconds_t(max(0, min(milliseconds, 600_000)) * 1000))
    }
}
