import ArgumentParser
import Foundation
import GuichetCommandLine
import GuichetTUI
import SIMSFixtures
import SIMSModel

/// `guichet bench ui`: the counter screens' latency on a large store, through the in-memory
/// terminal (search and form keys), the bytes ncurses writes for one typed character, and the
/// time from process start to the first frame.
struct BenchUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ui", abstract: "Latence des écrans (recherche, saisie) et démarrage.")

    @OptionGroup var bench: BenchStoreOptions
    @Option(name: .long, help: "Nombre de personnes tirées pour former les saisies.") var samples = 60
    @Flag(name: .long, help: "Un objet JSON au lieu du tableau.") var json = false

    func run() throws {
        try CommandFailure.guarded {
            let path = try bench.prepared()
            let store = try SIMSStore.open(path: path)
            var agent = try AgentService(store: store).authenticate(login: LoginResolver.current())
            agent.roles = Set(Role.allCases)
            let names = try BenchUICommand.sampleNames(store: store, count: samples, seed: bench.seed)

            // Search: every key typed in the search field until the new frame is presented.
            let typing = BenchSearchTyping(store: store, agent: agent)
            var searchKeys: [Double] = []
            for name in names { searchKeys += typing.type(name) }

            // Form: keys typed in a field of « Nouvelle personne ».
            let formSession = AppSession(store: store, agent: agent, keymap: DefaultKeymap.keymap)
            let formApp = Application(terminal: InMemoryTerminal(columns: 80, rows: 24), session: formSession,
                                      root: TierFormScreen(session: formSession, kind: .person))
            formApp.renderFrame()
            var formKeys: [Double] = []
            for name in names.prefix(20) {
                for character in name {
                    formKeys.append(BenchMeasure.milliseconds {
                        formApp.process(.character(character))
                        formApp.renderFrame()
                    })
                }
                for _ in name { formApp.process(.backspace) }
            }

            // The duplicate check of « Nouvelle personne » (side panel, F10), for a person typed again
            // with a slip in the surname.
            let finder = DuplicateFinder(store: store)
            var checks: [Double] = []
            for values in try BenchUICommand.sampleEntries(store: store, count: samples, seed: bench.seed) {
                checks.append(try BenchMeasure.milliseconds { _ = try finder.candidates(kind: .person, values: values) })
            }

            // Bytes ncurses writes for one character typed in a form field.
            let bytes = try BenchUICommand.formKeyBytes(store: store, agent: agent, text: names.first ?? "Wamytan Hélène")

            // Process start to first frame, in a child process.
            var startups: [Double] = []
            for _ in 0..<5 {
                startups.append(try BenchMeasure.milliseconds {
                    try BenchMeasure.run(BenchMeasure.selfExecutable, ["bench", "first-frame", "--db", path])
                })
            }

            var report = BenchReport(title: "Écrans : \(bench.tiers) tiers, terminal 80×24")
            report.add("search_keys", Double(searchKeys.count))
            report.add("search_key_median_ms", BenchMeasure.percentile(searchKeys, 50))
            report.add("search_key_p99_ms", BenchMeasure.percentile(searchKeys, 99), "objectif ≤ 8 (touche → requête → image)")
            report.add("form_key_median_ms", BenchMeasure.percentile(formKeys, 50), "objectif ≤ 0,5")
            report.add("entry_check_median_ms", BenchMeasure.percentile(checks, 50))
            report.add("entry_check_p99_ms", BenchMeasure.percentile(checks, 99),
                       "objectif ≤ 20 (doublons probables d'une personne saisie avec une faute)")
            report.add("form_key_bytes_median", BenchMeasure.percentile(bytes.map(Double.init), 50),
                       "objectif ≤ 64 (octets écrits par ncurses pour un caractère)")
            report.add("full_frame_bytes", Double(bytes.isEmpty ? 0 : BenchUICommand.lastFullFrameBytes),
                       "pour comparaison : une image complète")
            report.add("startup_first_frame_ms", BenchMeasure.percentile(startups, 50), "objectif ≤ 150 (médiane de 5)")
            report.print(json: json)
        }
    }

    nonisolated(unsafe) static var lastFullFrameBytes = 0

    /// Names as an agent would type them (« hélène wamytan »), from sampled persons.
    static func sampleNames(store: SIMSStore, count: Int, seed: UInt64) throws -> [String] {
        var state = seed &+ 7
        var names: [String] = []
        guard count > 0 else { return names }
        try PersonSampler.sample(store, attempts: count * 20, nextID: { maxID in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64((state >> 33) % UInt64(maxID)) + 1
        }) { tier in
            guard let surname = tier.value(.birthName), let given = tier.value(.givenNames) else { return true }
            names.append("\(given.split(separator: " ").first ?? "") \(surname)".lowercased())
            return names.count < count
        }
        return names
    }

    /// Persons of the store as an agent would key them again: stored values, a slip in the surname.
    static func sampleEntries(store: SIMSStore, count: Int, seed: UInt64) throws -> [[TierField: String]] {
        var state = seed &+ 11
        var slip = BenchSlip(seed: seed)
        var entries: [[TierField: String]] = []
        guard count > 0 else { return entries }
        try PersonSampler.sample(store, attempts: count * 20, nextID: { maxID in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int64((state >> 33) % UInt64(maxID)) + 1
        }) { tier in
            guard let surname = tier.value(.birthName), let given = tier.value(.givenNames),
                  let born = tier.value(.birthDate) else { return true }
            entries.append([.birthName: slip.apply(to: surname), .givenNames: given, .birthDate: born])
            return entries.count < count
        }
        return entries
    }

    /// Presents the form through ncurses (output counted, sent to /dev/null) and returns the bytes
    /// written for each typed character.
    static func formKeyBytes(store: SIMSStore, agent: Agent, text: String) throws -> [Int] {
        guard let input = fopen("/dev/null", "r"), let output = fopen("/dev/null", "w") else { return [] }
        var environment = ProcessInfo.processInfo.environment
        environment["LINES"] = "24"
        environment["COLUMNS"] = "80"
        environment.removeValue(forKey: "NO_COLOR")
        let terminal = try NCursesTerminal(input: input, output: output, terminalType: "xterm-256color",
                                           environment: environment, countingBytes: true)
        defer { terminal.shutdown() }
        let session = AppSession(store: store, agent: agent, keymap: DefaultKeymap.keymap)
        let app = Application(terminal: terminal, session: session, root: TierFormScreen(session: session, kind: .person))
        app.renderFrame()
        lastFullFrameBytes = terminal.bytesWrittenByLastPresent ?? 0
        var bytes: [Int] = []
        for character in text {
            app.process(.character(character))
            app.renderFrame()
            if let written = terminal.bytesWrittenByLastPresent { bytes.append(written) }
        }
        return bytes
    }
}
