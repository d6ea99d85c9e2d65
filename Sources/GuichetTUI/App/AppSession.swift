import SIMSModel

/// What every screen shares: the store, the logged-in agent, the keymap, the clock, and the
/// message line.
package final class AppSession {
    let store: SIMSStore
    let agent: Agent
    let keymap: Keymap
    let clock: SIMSClock
    /// The message shown above the function-key bar until the next key.
    package var message: StatusMessage?
    /// The procedures agents can open dossiers for.
    let catalog: ProcedureCatalog
    /// Why the catalogue is empty or incomplete (errors in the procedure files), shown on the
    /// catalogue screen; nil when it loaded cleanly.
    let catalogProblem: String?
    /// Where récépissés are written and how they are printed.
    let receipts: ReceiptOutput
    /// Reads attached documents in the background (nil in tests and benchmarks that do not run it).
    let ocr: OCRWorker?

    package init(store: SIMSStore, agent: Agent, keymap: Keymap, clock: SIMSClock? = nil,
         catalog: ProcedureCatalog = ProcedureCatalog(procedures: []), catalogProblem: String? = nil,
         receipts: ReceiptOutput? = nil, ocr: OCRWorker? = nil) {
        self.store = store
        self.agent = agent
        self.keymap = keymap
        self.clock = clock ?? store.clock
        self.catalog = catalog
        self.catalogProblem = catalogProblem
        self.receipts = receipts ?? ReceiptOutput(storePath: store.path, printer: nil)
        self.ocr = ocr
    }

    /// The motif given to open a restricted tier's record, while that record is open: a dossier's
    /// form started from it is recorded with the same motif instead of asking again.
    var recordMotifs: [Int64: String] = [:]

    /// The folder network scanners drop files into, opened on first use and kept for the session
    /// (it remembers which files have stopped growing).
    lazy var inbox: Result<InboxFolder, Error> = Result { try InboxFolder.configured(storePath: store.path) }

    private var bars: [KeymapContext: FunctionKeyBar] = [:]

    /// The function-key bar of a context, built once from the keymap (not at every key press).
    func functionKeyBar(for context: KeymapContext) -> FunctionKeyBar {
        if let bar = bars[context] { return bar }
        let bar = FunctionKeyBar(keymap: keymap, context: context)
        bars[context] = bar
        return bar
    }

    /// The keys bound to an action in a context, as shown to agents (« F10 »), for hints.
    func keyName(_ action: KeyAction, in context: KeymapContext) -> String {
        keymap.keys(for: action, in: context).first?.displayName ?? "?"
    }
}
