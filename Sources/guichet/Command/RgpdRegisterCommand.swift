import ArgumentParser
import GuichetCommandLine
import SIMSModel

/// `guichet rgpd registre [--markdown]`: the register of processing generated from the
/// procedures and the store's measures (administrateurs).
struct RgpdRegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registre",
        abstract: "Registre des activités de traitement, tiré des démarches (administrateurs).",
        discussion: "À relancer après chaque changement d'une démarche. Texte de 80 colonnes, ou Markdown avec --markdown.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var procedures: ProcedureOptions
    @Flag(name: .long, help: "En Markdown (pour un wiki ou un document).") var markdown = false

    func run() throws {
        try CommandFailure.guarded {
            let (opened, agent) = try store.session()
            try AgentService.require(agent, .administrator, to: "éditer le registre des traitements")
            let catalog = procedures.catalog()
            let register = ProcessingRegister(catalog: catalog, storePath: opened.path, madeOn: opened.clock.today())
            print(ProcessingRegisterText.render(register, markdown: markdown), terminator: "")
        }
    }
}
