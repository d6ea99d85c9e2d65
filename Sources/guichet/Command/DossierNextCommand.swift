import ArgumentParser
import GuichetCommandLine
import SIMSModel

/// `guichet dossier suivant [--procedure CODE] [--count N]`: « prendre le suivant » for the
/// current login, as many times as asked; prints each dossier taken (number, procedure, date
/// deposited), nothing more once the queue is empty.
struct DossierNextCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suivant", abstract: "Prend le plus ancien dossier déposé et non attribué (instructeur, superviseur).")

    @OptionGroup var store: StoreOptions
    @Option(name: .long, help: "Seulement les dossiers de cette démarche (code, par ex. BS).") var procedure: String?
    @Option(name: .long, help: "Nombre de dossiers à prendre.") var count = 1

    func run() throws {
        try CommandFailure.guarded {
            let (opened, agent) = try store.session()
            let workflow = WorkflowService(store: opened)
            var taken = 0
            while taken < count, let dossier = try workflow.takeNext(procedureCode: procedure?.uppercased(), by: agent) {
                print([dossier.number ?? "n° \(dossier.id)", dossier.procedureCode,
                       dossier.submittedAt.map(Timestamp.french) ?? ""].joined(separator: "\t"))
                taken += 1
            }
            if taken == 0 { print("File vide : aucun dossier déposé à prendre.") }
        }
    }
}
