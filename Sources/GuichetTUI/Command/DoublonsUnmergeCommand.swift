import ArgumentParser
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

    func run() throws {
        try CommandFailure.guarded {
            let (opened, agent) = try store.session()
            print(try TierMerger(store: opened).unmerge(absorbedID: id, by: agent, motif: motif).message)
        }
    }
}
