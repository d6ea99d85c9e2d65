import ArgumentParser
import Foundation
import GuichetCommandLine
import SIMSModel

/// `guichet bench charge --agents N --duree S`: the load of a province's counters on one store.
///
/// N processes of this binary (``BenchChargeAgentCommand``), two agents d'accueil for one
/// instructeur, each play an agent's day at a human pace (``ChargeAgentDay``) for S seconds on a
/// copy of a bench store (dossiers and tiers generated once, kept in `--workdir`). Per action:
/// `p50_ms`, `p99_ms`, errors and how many per second, beside the same actions by one agent alone
/// (one agent d'accueil, then one instructeur, in the same run: the baseline). At the end the
/// copy is checked as `guichet check` checks the chain.
struct BenchChargeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "charge", abstract: "N agents à la fois sur une base : durée de chaque action, erreurs, débit.")

    @Option(name: .long, help: "Agents simultanés (processus).") var agents = 10
    @Option(name: .long, help: "Durée de la mesure en charge, en secondes.") var duree = 60.0
    @Option(name: .long, help: "Durée de la mesure de référence (un agent seul, de chaque sorte), en secondes.") var seul = 30.0
    @Option(name: .long, help: "Dossiers de la base de mesure.") var dossiers = 100_000
    @Option(name: .long, help: "Tiers de la base de mesure.") var tiers = 20_000
    @Option(name: .long, help: "Dossier des bases de mesure (conservées d'une fois sur l'autre).")
    var workdir = NSTemporaryDirectory() + "guichet-bench"
    @Option(name: .long, help: "Combien de fois plus vite qu'une personne travaillent les agents (1 : à allure humaine).")
    var rythme = 1.0
    @Option(name: .long, help: "Arrivées des agents étalées sur ces secondes (par défaut un quart de la durée, 5 s au plus).")
    var etalement: Double?
    @Flag(name: .long, help: "Un objet JSON au lieu du tableau.") var json = false
    @OptionGroup var procedureOptions: ProcedureOptions

    static let goalMs = 50.0

    /// Each child's figures, as it printed them.
    struct DayFigures {
        var samples: [String: [Double]] = [:]
        var errors: [String: Int] = [:]
        var messages: [String] = []
        var failedProcesses = 0

        mutating func add(_ json: [String: Any]) {
            for (action, values) in json["samples"] as? [String: [Double]] ?? [:] { samples[action, default: []] += values }
            for (action, count) in json["errors"] as? [String: Int] ?? [:] { errors[action, default: 0] += count }
            messages += json["messages"] as? [String] ?? []
        }

        mutating func merge(_ other: Self) {
            for (action, values) in other.samples { samples[action, default: []] += values }
            for (action, count) in other.errors { errors[action, default: 0] += count }
            messages += other.messages
            failedProcesses += other.failedProcesses
        }
    }

    func run() throws {
        try CommandFailure.guarded {
            guard agents >= 1, agents <= 1000, duree >= 5, seul >= 0, rythme > 0, rythme <= 100 else {
                throw ValidationError(field: nil, message: "--agents entre 1 et 1000, --duree d'au moins 5 secondes, --rythme entre 0 et 100.")
            }
            let catalogDirectory = procedureOptions.directory.path
            _ = procedureOptions.catalog()
            let path = try preparedCopy()
            defer { StoreFiles.remove(storePath: path) }
            let logins = try addAgents(to: path, count: agents)
            let load = Self.loadAverage()

            var baseline = DayFigures()
            if seul > 0 {
                for kind in ChargeAgentDay.Kind.allCases {
                    let login = logins.baseline[kind]!
                    baseline.merge(try play([(login, kind)], path: path, seconds: seul, procedures: catalogDirectory,
                                            label: "Un \(kind.rawValue) seul"))
                }
            }
            let players = logins.load.enumerated().map { index, login in
                (login, index % 3 == 2 ? ChargeAgentDay.Kind.instructeur : .accueil)
            }
            let loaded = try play(players, path: path, seconds: duree, procedures: catalogDirectory, label: "\(agents) agents")
            let check = try SIMSStore.open(path: path)
            let chain = try ChainVerifier.verify(check)
            try check.close()

            var report = BenchReport(title: "Charge : \(agents) agents, \(Int(duree)) s, allure × \(rythme), "
                + "\(dossiers) dossiers, \(tiers) tiers")
            report.add("agents", Double(agents))
            report.add("pace", rythme, "1 : allure humaine")
            report.add("duration_s", duree)
            report.add("load_average_at_start", load, "autres travaux en cours")
            var worst = 0.0, total = 0, writes = 0, errors = 0
            for (action, isWrite) in ChargeAgentDay.actions {
                let samples = loaded.samples[action] ?? []
                let failed = loaded.errors[action] ?? 0
                let p99 = BenchMeasure.percentile(samples, 99)
                worst = max(worst, p99)
                total += samples.count
                if isWrite { writes += samples.count }
                errors += failed
                report.add("\(action)_p50_ms", BenchMeasure.percentile(samples, 50))
                report.add("\(action)_p99_ms", p99, "objectif ≤ \(Int(Self.goalMs))")
                report.add("\(action)_errors", Double(failed))
                report.add("\(action)_per_s", Double(samples.count) / duree)
                let alone = baseline.samples[action] ?? []
                report.add("baseline_\(action)_p50_ms", BenchMeasure.percentile(alone, 50), "un agent seul")
                report.add("baseline_\(action)_p99_ms", BenchMeasure.percentile(alone, 99), "un agent seul")
            }
            report.add("worst_p99_ms", worst, "objectif ≤ \(Int(Self.goalMs))")
            report.add("errors", Double(errors + loaded.failedProcesses), "objectif 0")
            report.add("actions_per_s", Double(total) / duree)
            report.add("writes_per_s", Double(writes) / duree, "écritures attestées")
            report.add("goal_met", worst <= Self.goalMs && errors + loaded.failedProcesses == 0 ? 1 : 0, "1 : objectif atteint")
            report.add("chain_intact", chain.isSound ? 1 : 0, "1 : chaîne intacte")
            for message in Set(loaded.messages + baseline.messages).sorted().prefix(10) { BenchQueuesCommand.note("erreur : " + message) }
            report.print(json: json)
        }
    }

    // MARK: - The store

    /// A fresh copy of the bench store (generated once in the work folder).
    func preparedCopy() throws -> String {
        let fm = FileManager.default
        try fm.createDirectory(atPath: workdir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let template = "\(workdir)/charge-\(dossiers)-\(tiers).sqlite"
        if !fm.fileExists(atPath: template + ".ready") {
            StoreFiles.remove(storePath: template)
            BenchQueuesCommand.note("Création de \(template) : \(dossiers) dossiers, \(tiers) tiers (une seule fois)…")
            try BenchQueuesCommand.fill(template, dossiers: dossiers, tiers: tiers, seed: 1, onlySubmitted: false)
            _ = fm.createFile(atPath: template + ".ready", contents: nil, attributes: [.posixPermissions: 0o600])
        }
        let copy = "\(workdir)/charge-en-cours-\(getpid()).sqlite"
        StoreFiles.remove(storePath: copy)
        try fm.copyItem(atPath: template, toPath: copy)
        return copy
    }

    /// Adds the agents the children play: `count` for the load, one of each sort for the baseline.
    func addAgents(to path: String, count: Int) throws -> (load: [String], baseline: [ChargeAgentDay.Kind: String]) {
        let store = try SIMSStore.open(path: path)
        defer { try? store.close() }
        let service = AgentService(store: store)
        let administrator = try service.authenticate(login: LoginResolver.current())
        func add(_ login: String, _ number: Int) throws {
            // Names are checked like persons' names: letters only.
            let letters = String(String(number, radix: 26).map { Character(UnicodeScalar(UInt8(Int($0.hexDigitValue ?? 0) + 97))) })
            _ = try service.add(login: login, fullName: "Agent de charge \(letters.capitalized)",
                                roles: [.reception, .instructor, .supervisor], services: [], by: administrator)
        }
        var load: [String] = []
        for index in 0..<count {
            let login = String(format: "charge%03d", index)
            try add(login, index)
            load.append(login)
        }
        var baseline: [ChargeAgentDay.Kind: String] = [:]
        for (offset, kind) in ChargeAgentDay.Kind.allCases.enumerated() {
            let login = "charge-seul-\(kind.rawValue)"
            try add(login, count + offset)
            baseline[kind] = login
        }
        return (load, baseline)
    }

    // MARK: - The children

    /// Starts one child per player, waits for them all (a progress line meanwhile), and gathers
    /// their figures.
    func play(_ players: [(login: String, kind: ChargeAgentDay.Kind)], path: String, seconds: Double, procedures: String,
              label: String) throws -> DayFigures {
        let fm = FileManager.default
        // Room for every process to start before the day begins, then arrivals spread over a few seconds.
        let begin = Date().timeIntervalSince1970 + max(1, Double(players.count) * 0.05)
        let end = begin + seconds
        var running: [(process: Process, out: String)] = []
        for (index, player) in players.enumerated() {
            let out = "\(path).\(index).json"
            _ = fm.createFile(atPath: out, contents: nil, attributes: [.posixPermissions: 0o600])
            let process = Process()
            process.executableURL = URL(fileURLWithPath: BenchMeasure.selfExecutable)
            process.arguments = ["bench", "charge-agent", "--db", path, "--agent", player.login, "--role", player.kind.rawValue,
                                 "--debut", String(begin), "--fin", String(end), "--etalement", String(etalement ?? min(5, seconds / 4)),
                                 "--rythme", String(rythme),
                                 "--procedures", procedures]
            process.standardOutput = FileHandle(forWritingAtPath: out)
            _ = fm.createFile(atPath: out + ".err", contents: nil, attributes: [.posixPermissions: 0o600])
            process.standardError = FileHandle(forWritingAtPath: out + ".err")
            try process.run()
            running.append((process, out))
        }
        let line = ProgressLine(label: "Charge")
        while running.contains(where: { $0.process.isRunning }) {
            let elapsed = Date().timeIntervalSince1970 - begin
            line.update(label, done: Int64(max(0, min(seconds, elapsed))), total: Int64(seconds), unit: "s")
            usleep(200_000)
        }
        line.finish()
        var figures = DayFigures()
        for child in running {
            child.process.waitUntilExit()
            let text = (try? String(contentsOfFile: child.out, encoding: .utf8)) ?? ""
            let problem = (try? String(contentsOfFile: child.out + ".err", encoding: .utf8)) ?? ""
            if child.process.terminationStatus != 0 {
                figures.failedProcesses += 1
                figures.messages.append("processus en erreur : " + ShownText.escaped(problem, limit: 300))
            }
            if let data = text.data(using: .utf8), let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
                figures.add(object)
            }
            try? fm.removeItem(atPath: child.out)
            try? fm.removeItem(atPath: child.out + ".err")
        }
        return figures
    }

    /// The machine's 1-minute load average (other engineers build on it meanwhile).
    static func loadAverage() -> Double {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return Double(text.split(separator: " ").first ?? "") ?? 0
    }
}
