import ArgumentParser
import Foundation
import GuichetCommandLine
import SIMSFixtures
import SIMSModel

/// `guichet bench queues --dossiers N`: review queues, dashboard and « prendre le suivant » on a
/// store of N dossiers, beside their baselines.
///
/// - Pages: typical queues (open by oldest, one state, one procedure and state, one agent's
///   dossiers, open by due date, decided newest first, …) are opened and paged forward by keyset
///   (``DossierQueue/page(_:sort:today:after:limit:)``); the same pages are read with OFFSET.
/// - Dashboard: ``DashboardService/figures(now:)`` (running tallies) beside
///   ``DashboardService/baselineFigures(now:)`` (GROUP BY over every dossier); both must agree.
/// - Claims: 8 processes of this binary each run `dossier suivant --count 1000` at once on a
///   store of déposé dossiers; no dossier may be claimed twice.
///
/// The store of N dossiers is generated once (``BenchDossierGenerator``) and kept in the work
/// folder for later runs; `--store` names another one (generated there if missing, used as it is
/// otherwise).
struct BenchQueuesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queues", abstract: "Files de revue, tableau de bord et « prendre le suivant » sur N dossiers.")

    @Option(name: .long, help: "Nombre de dossiers de la base de mesure.") var dossiers = 1_000_000
    @Option(name: .long, help: "Nombre de tiers (par défaut dossiers / 20, entre 2 000 et 50 000).") var tiers: Int?
    @Option(name: .long, help: "Graine des données.") var seed: UInt64 = 1
    @Option(name: .long, help: "Base de mesure à utiliser (créée si elle n'existe pas, utilisée telle quelle sinon).")
    var store: String?
    @Option(name: .long, help: "Dossier des bases de mesure (conservées d'une fois sur l'autre).")
    var workdir = NSTemporaryDirectory() + "guichet-bench"
    @Option(name: .long, help: "Pages lues dans chaque file.") var pages = 50
    @Option(name: .long, help: "Dossiers par page.") var pageSize = 20
    @Option(name: .long, help: "Passages sur chaque file.") var rounds = 3
    @Option(name: .long, help: "Rafraîchissements du tableau de bord mesurés.") var dashboardRuns = 20
    @Option(name: .long, help: "Processus qui prennent le suivant en même temps (0 : sans cette mesure).") var processes = 8
    @Option(name: .long, help: "Dossiers que prend chaque processus.") var claims = 1_000
    @Flag(name: .long, help: "Affiche sur la sortie d'erreur le plan de requête de chaque file.") var plans = false
    @Flag(name: .long, help: "Un objet JSON au lieu du tableau.") var json = false

    static let pageGoalMs = 20.0
    static let dashboardGoalMs = 50.0

    /// A queue as an agent opens it.
    struct Queue {
        var name: String
        var filter: QueueFilter
        var sort: QueueSort
    }

    func run() throws {
        try CommandFailure.guarded {
            let (path, generationSeconds) = try preparedStore()
            let opened = try SIMSStore.open(path: path)
            let count = try QueueBenchStore.dossierCount(opened)
            var report = BenchReport(title: "Files de revue : \(count) dossiers (\(path))")
            report.add("dossiers", Double(count))
            if let generationSeconds { report.add("generation_s", generationSeconds, "création de la base (une seule fois)") }

            let pageFigures = try measurePages(opened)
            report.add("page_p50_ms", pageFigures.keysetP50)
            report.add("page_p99_ms", pageFigures.keysetP99, "ouvrir une file et la parcourir page à page ; objectif ≤ 20")
            report.add("page_max_ms", pageFigures.keysetMax, "la page la plus lente")
            report.add("open_page_p99_ms", pageFigures.openingP99, "la première page seule (ouvrir la file)")
            report.add("offset_page_p50_ms", pageFigures.offsetP50)
            report.add("offset_page_p99_ms", pageFigures.offsetP99, "les mêmes pages avec OFFSET")
            report.add("page_p99_ratio", pageFigures.offsetP99 / max(pageFigures.keysetP99, 0.001), "OFFSET / keyset")
            report.add("page_mismatches", Double(pageFigures.mismatches), "pages différentes entre keyset et OFFSET (0 attendu)")

            let dashboard = try measureDashboard(opened)
            report.add("dashboard_ms", dashboard.median, "un rafraîchissement (médiane) ; objectif ≤ 50")
            report.add("dashboard_p99_ms", dashboard.p99)
            report.add("baseline_dashboard_ms", dashboard.baselineMedian, "mêmes chiffres par GROUP BY sur tous les dossiers (médiane)")
            report.add("dashboard_ratio", dashboard.baselineMedian / max(dashboard.median, 0.001), "référence / tableau de bord")
            report.add("dashboard_equal", dashboard.equal ? 1 : 0, "1 : mêmes chiffres des deux façons")
            try opened.close()

            guard processes > 0 else { return report.print(json: json) }
            let race = try claimRace()
            report.add("double_claims", Double(race.doubleClaims), "dossiers pris deux fois ; doit valoir 0")
            report.add("claims_total", Double(race.claimed), "\(processes) processus × \(claims) « prendre le suivant »")
            report.add("claims_wall_s", race.seconds)
            report.add("claims_per_s", Double(race.claimed) / max(race.seconds, 0.001))
            report.add("claim_failures", Double(race.failures), "processus sortis en erreur (0 attendu)")
            report.print(json: json)
        }
    }

    // MARK: - The store

    /// The store to measure, generated first when needed; with the generation's seconds then.
    func preparedStore() throws -> (String, Double?) {
        let fm = FileManager.default
        if let store {
            if fm.fileExists(atPath: store) { return (store, nil) }
            return (store, try generate(at: store, dossiers: dossiers, tiers: tierCount, onlySubmitted: false))
        }
        try fm.createDirectory(atPath: workdir, withIntermediateDirectories: true)
        let path = "\(workdir)/queues-\(dossiers)-\(seed).sqlite"
        let ready = path + ".ready"
        if fm.fileExists(atPath: ready), fm.fileExists(atPath: path) { return (path, nil) }
        StoreFiles.remove(storePath: path)
        try? fm.removeItem(atPath: path + ".ready")
        let seconds = try generate(at: path, dossiers: dossiers, tiers: tierCount, onlySubmitted: false)
        _ = fm.createFile(atPath: ready, contents: nil)
        return (path, seconds)
    }

    var tierCount: Int { tiers ?? min(50_000, max(2_000, dossiers / 20)) }

    /// Generates a store at `path` under the current login (given every role); returns seconds.
    func generate(at path: String, dossiers: Int, tiers: Int, onlySubmitted: Bool) throws -> Double {
        let started = Date()
        Self.note("Création de \(path) : \(dossiers) dossiers, \(tiers) tiers…")
        do {
            try Self.fill(path, dossiers: dossiers, tiers: tiers, seed: seed, onlySubmitted: onlySubmitted)
        } catch {
            // A store cut short is not left behind to be measured as it is next time.
            StoreFiles.remove(storePath: path)
            throw error
        }
        return Date().timeIntervalSince(started)
    }

    /// Creates a bench store of `dossiers` dossiers over `tiers` demo tiers at `path`, under the
    /// current login (given every role); `bench charge` starts from one too.
    static func fill(_ path: String, dossiers: Int, tiers: Int, seed: UInt64, onlySubmitted: Bool) throws {
        let started = Date()
        let opened = try SIMSStore.open(path: path, create: true)
        let login = LoginResolver.current()
        let agents = AgentService(store: opened)
        let administrator = try agents.initialise(login: login, fullName: "Banc d'essai")
        let agent = try agents.setRoles(login: login, roles: Set(Role.allCases), by: administrator)
        // The claim race's store holds the last month's deposits, all still waiting to be taken.
        let summary = try BenchDossierGenerator(store: opened, dossiers: dossiers, tiers: tiers, seed: seed, onlySubmitted: onlySubmitted,
                                                days: onlySubmitted ? 30 : 730).generate(by: agent) { Self.note("  " + $0) }
        try opened.close()
        let seconds = Date().timeIntervalSince(started)
        let states = DossierState.allCases.compactMap { state in summary.states[state].map { "\(state.label) \($0)" } }
        Self.note(String(format: "  %.1f s ; ", seconds) + states.joined(separator: ", ")
                  + " ; \(summary.overdue) ouverts en retard ; \(summary.events) événements")
    }

    // MARK: - Pages

    struct PageFigures {
        var keysetP50 = 0.0, keysetP99 = 0.0, offsetP50 = 0.0, offsetP99 = 0.0
        /// The slowest page, and the 99th percentile of the first pages alone (opening a queue).
        var keysetMax = 0.0, openingP99 = 0.0
        var mismatches = 0
    }

    /// The typical queues of the review, on this store.
    func typicalQueues(_ store: SIMSStore) throws -> [Queue] {
        let busiest = try QueueBenchStore.busiestAssignee(store) ?? 0
        return [
            Queue(name: "ouverts, plus anciens d'abord", filter: QueueFilter(scope: .open), sort: .oldest),
            Queue(name: "en instruction", filter: QueueFilter(scope: .state(.underReview)), sort: .oldest),
            Queue(name: "BS déposés", filter: QueueFilter(procedureCode: "BS", scope: .state(.submitted)), sort: .oldest),
            Queue(name: "non attribués (prendre le suivant)", filter: QueueFilter(scope: .state(.submitted), assignee: .unassigned),
                  sort: .oldest),
            Queue(name: "ouverts d'un agent", filter: QueueFilter(scope: .open, assignee: .agent(busiest)), sort: .oldest),
            Queue(name: "ouverts par échéance", filter: QueueFilter(scope: .open), sort: .dueFirst),
            Queue(name: "en retard par échéance", filter: QueueFilter(scope: .open, deadline: .overdue), sort: .dueFirst),
            Queue(name: "RBS à valider par échéance", filter: QueueFilter(procedureCode: "RBS", scope: .state(.awaitingValidation)),
                  sort: .dueFirst),
            Queue(name: "BES ouverts de plus de 30 jours", filter: QueueFilter(procedureCode: "BES", scope: .open, olderThanDays: 30),
                  sort: .oldest),
            Queue(name: "décidés, plus récents d'abord", filter: QueueFilter(scope: .decided), sort: .newest),
            Queue(name: "LDB, tous, plus récents d'abord", filter: QueueFilter(procedureCode: "LDB", scope: .all), sort: .newest),
            Queue(name: "décidés d'un agent, plus récents", filter: QueueFilter(scope: .decided, assignee: .agent(busiest)),
                  sort: .newest),
        ]
    }

    /// Opens each queue and pages forward, by keyset then by OFFSET, `rounds` times.
    func measurePages(_ store: SIMSStore) throws -> PageFigures {
        let queue = DossierQueue(store: store)
        let today = CalendarDate.today(now: Date())
        var keyset: [Double] = [], offset: [Double] = [], openings: [Double] = [], mismatches = 0
        Self.note(Self.pad("file", 38) + "  pages  ouverture   keyset   OFFSET  (ms : max, p99, p99)")
        for item in try typicalQueues(store) {
            var ours: [Double] = [], theirs: [Double] = [], opened: [Double] = []
            var read = 0
            for round in 0..<max(rounds, 1) {
                var cursor: QueueCursor?
                var seen: [[QueueEntry]] = []
                for index in 0..<pages {
                    var page = QueuePage(entries: [], next: nil)
                    ours.append(try BenchMeasure.milliseconds {
                        page = try queue.page(item.filter, sort: item.sort, today: today, after: cursor, limit: pageSize)
                    })
                    if index == 0 { opened.append(ours[ours.count - 1]) }
                    seen.append(page.entries)
                    cursor = page.next
                    if cursor == nil || index == pages - 1 { break }
                }
                read = seen.count
                for (index, expected) in seen.enumerated() {
                    var entries: [QueueEntry] = []
                    theirs.append(try BenchMeasure.milliseconds {
                        entries = try queue.offsetPage(item.filter, sort: item.sort, today: today, offset: index * pageSize,
                                                       limit: pageSize)
                    })
                    if round == 0, entries != expected { mismatches += 1 }
                }
            }
            let p99 = BenchMeasure.percentile(ours, 99), offsetP99 = BenchMeasure.percentile(theirs, 99)
            Self.note(Self.pad(item.name, 38) + String(format: " %6d %10.3f %8.3f %8.3f", read, opened.max() ?? 0, p99, offsetP99))
            if plans || p99 > Self.pageGoalMs {
                if p99 > Self.pageGoalMs { Self.note("  au-dessus de l'objectif (\(Self.pageGoalMs) ms) ; plan de la requête :") }
                for line in try queue.plan(item.filter, sort: item.sort, today: today, limit: pageSize + 1) { Self.note("    " + line) }
            }
            keyset += ours
            offset += theirs
            openings += opened
        }
        if mismatches > 0 { Self.note("ATTENTION : \(mismatches) pages lues par keyset diffèrent des mêmes pages lues avec OFFSET.") }
        return PageFigures(keysetP50: BenchMeasure.percentile(keyset, 50), keysetP99: BenchMeasure.percentile(keyset, 99),
                           offsetP50: BenchMeasure.percentile(offset, 50), offsetP99: BenchMeasure.percentile(offset, 99),
                           keysetMax: keyset.max() ?? 0, openingP99: BenchMeasure.percentile(openings, 99), mismatches: mismatches)
    }

    // MARK: - Dashboard

    struct DashboardFiguresTimes {
        var median = 0.0, p99 = 0.0, baselineMedian = 0.0
        var equal = true
    }

    /// Refreshes the dashboard `dashboardRuns` times, and its baseline a quarter as often (at least 3).
    func measureDashboard(_ store: SIMSStore) throws -> DashboardFiguresTimes {
        let service = DashboardService(store: store)
        let now = Date()
        var figures = try service.figures(now: now)   // warm-up
        var ours: [Double] = []
        for _ in 0..<max(dashboardRuns, 1) {
            ours.append(try BenchMeasure.milliseconds { figures = try service.figures(now: now) })
        }
        var baseline = figures
        var theirs: [Double] = []
        for _ in 0..<max(3, dashboardRuns / 4) {
            theirs.append(try BenchMeasure.milliseconds { baseline = try service.baselineFigures(now: now) })
        }
        let median = BenchMeasure.percentile(ours, 50)
        if median > Self.dashboardGoalMs {
            Self.note(String(format: "Tableau de bord au-dessus de l'objectif (%.0f ms) : %.1f ms.", Self.dashboardGoalMs, median))
        }
        let equal = figures == baseline
        if !equal {
            Self.note("ATTENTION : le tableau de bord et sa référence ne donnent pas les mêmes chiffres.")
            Self.note("Tableau de bord :\n" + DashboardText.render(figures))
            Self.note("Référence :\n" + DashboardText.render(baseline))
        }
        return DashboardFiguresTimes(median: median, p99: BenchMeasure.percentile(ours, 99),
                                     baselineMedian: BenchMeasure.percentile(theirs, 50), equal: equal)
    }

    // MARK: - Claims

    struct RaceFigures {
        var claimed = 0
        var doubleClaims = 0
        var seconds = 0.0
        var failures = 0
    }

    /// `processes` processes of this binary each take the next dossier `claims` times at once, on
    /// a store of déposé dossiers (a few more than they will take); then counts the dossiers
    /// claimed more than once, by their claim events and by what the processes printed.
    func claimRace() throws -> RaceFigures {
        let fm = FileManager.default
        try fm.createDirectory(atPath: workdir, withIntermediateDirectories: true)
        let path = "\(workdir)/queues-claims-\(ProcessInfo.processInfo.processIdentifier).sqlite"
        defer { StoreFiles.remove(storePath: path) }
        StoreFiles.remove(storePath: path)
        _ = try generate(at: path, dossiers: processes * claims + max(100, processes * claims / 10), tiers: 2_000, onlySubmitted: true)

        // Every process started before any is waited for; their output goes to files, read afterwards.
        let executable = BenchMeasure.selfExecutable
        let arguments = ["dossier", "suivant", "--count", String(claims), "--db", path]
        var running: [(process: Process, out: String, err: String)] = []
        let started = DispatchTime.now().uptimeNanoseconds
        for index in 0..<processes {
            let out = "\(path).\(index).out", err = "\(path).\(index).err"
            _ = fm.createFile(atPath: out, contents: nil)
            _ = fm.createFile(atPath: err, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            process.standardOutput = FileHandle(forWritingAtPath: out)
            process.standardError = FileHandle(forWritingAtPath: err)
            try process.run()
            running.append((process, out, err))
        }
        var lines: [String] = [], problems: [String] = [], failures = 0
        for child in running {
            child.process.waitUntilExit()
            if child.process.terminationStatus != 0 { failures += 1 }
            lines += ((try? String(contentsOfFile: child.out, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
            problems.append((try? String(contentsOfFile: child.err, encoding: .utf8)) ?? "")
            try? fm.removeItem(atPath: child.out)
            try? fm.removeItem(atPath: child.err)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9

        let printed = lines.filter { !$0.hasPrefix("File vide") }.map { String($0.split(separator: "\t")[0]) }
        var times: [String: Int] = [:]
        for number in printed { times[number, default: 0] += 1 }
        let printedTwice = times.values.filter { $0 > 1 }.count
        let opened = try SIMSStore.open(path: path)
        let (claimed, claimedTwice) = try QueueBenchStore.claims(opened)
        try opened.close()
        for problem in problems where !problem.isEmpty { Self.note("dossier suivant : " + problem) }
        if printed.count != claimed {
            Self.note("ATTENTION : \(printed.count) dossiers affichés par les processus, \(claimed) prises enregistrées.")
        }
        return RaceFigures(claimed: claimed, doubleClaims: max(printedTwice, claimedTwice), seconds: seconds,
                           failures: failures)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    static func note(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
