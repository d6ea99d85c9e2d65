import ArgumentParser
import GuichetCommandLine
import SIMSModel

/// `guichet doublons defaire-fusion ID [--motif TEXTE]`: puts back both records of a merge as they
/// were (superviseurs, administrateurs).
struct DoublonsUnmergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "defaire-fusion",
        abstract: "Défait la fusion d'une fiche : les deux fiches redeviennent ce qu'elles étaient.",
        discussion: "ID : la fiche absorbée (ou la fiche conservée, si elle n'en a absorbé qu'une). "
            + "Ce qui a été ajouté à la fiche conservée depuis la fusion y reste.")

    @OptionGroup var store: StoreOptions
    @Argument(help: ArgumentHelp("Numéro de la fiche absorbée.", valueName: "ID")) var id: Int64
    @Option(name: .long, help: ArgumentHelp("Pourquoi la fusion est défaite.", valueName: "TEXTE")) var motif: String?
    /// A test's hook: waits this many milliseconds inside the transaction (see ``DoublonsMergeCommand``).
    @Option(name: .customLong("pause-avant-validation"), help: ArgumentHelp("Pour les tests.", visibility: .private))
    var pause: Int?

    func run() throws {
        try CommandFailure.guarded {
            let (opened, agent) = try store.session()
            let outcome = try TierMerger(store: opened).unmerge(absorbedID: id, by: agent, motif: motif) { _ in
                DoublonsMergeCommand.pauseForTests(pause, "défusion en cours")
            }
            print(outcome.message)
        }
    }
}
