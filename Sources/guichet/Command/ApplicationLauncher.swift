import Foundation
import GuichetCommandLine
import GuichetTUI
import SIMSModel

/// Starts the full-screen application for an authenticated agent on the real terminal.
enum ApplicationLauncher {
    static func run(store: SIMSStore, agent: Agent, catalog: ProcedureCatalog, catalogProblem problem: String?) throws {
        let keymap: Keymap
        switch KeymapLoader.load(actingForAgent: HostEnvironment.actingForAgent, handedOver: HostEnvironment.agentKeymap) {
        case .success(let loaded): keymap = loaded
        case .failure(let error): throw error
        }
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw SIMSModel.ValidationError(field: nil, message: "Guichet s'ouvre dans un terminal. Pour un script, utilisez les sous-commandes (guichet --help).")
        }
        TerminationSignals.install()
        let terminal = try NCursesTerminal()
        let environment = ProcessInfo.processInfo.environment
        // Documents are read in the background, one tesseract at a time, the screens never waiting.
        let ocr = OCRWorker(store: store)
        ocr.start()
        defer { ocr.stop() }
        let session = AppSession(store: store, agent: agent, keymap: keymap, catalog: catalog, catalogProblem: problem,
                                 receipts: ReceiptOutput.configured(storePath: store.path, environment: environment), ocr: ocr)
        let app = Application(terminal: terminal, session: session, root: HomeScreen(session: session))
        app.run()
    }
}
