import ArgumentParser
import Foundation
import GuichetCommandLine
import SIMSFixtures
import SIMSModel

/// `guichet bench inactifs`: the list of inactive persons (`rgpd inactifs`) over the register of
/// `bench search` (1,000,000 tiers by default) or any store (`--base`), beside the floor of one
/// plain scan of the persons.
///
/// Runs on a copy (opening it adds the migrations it lacks), on the day when every person is past
/// the inactivity period after the register's last activity, so that every person is examined
/// through every rule (the worst case; closed dossiers still under retention keep theirs).
struct BenchInactiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inactifs", abstract: "Liste des fiches inactives sur 1 000 000 de tiers, à côté d'un simple parcours.")

    @OptionGroup var storeOptions: BenchStoreOptions
    @Option(name: .long, help: "Une autre base à mesurer (copiée d'abord), par ex. celle de bench queues.") var base: String?
    @Option(name: .long, help: "Années sans activité.") var annees = InactivityPeriod.defaultYears
    @Option(name: .long, help: "Mesures (la médiane est donnée).") var repetitions = 3
    @Flag(name: .long, help: "Un objet JSON au lieu du tableau.") var json = false

    func run() throws {
        try CommandFailure.guarded {
            let period = try InactivityPeriod(years: annees, origin: "--annees")
            let source = try base ?? storeOptions.prepared()
            try FileManager.default.createDirectory(atPath: storeOptions.workdir, withIntermediateDirectories: true)
            let ours = "\(storeOptions.workdir)/inactifs-\(ProcessInfo.processInfo.processIdentifier).sqlite"
            defer { BenchRgpdCommand.remove(ours) }
            try BenchRgpdCommand.copy(source, to: ours)
            var opened = try SIMSStore.open(path: ours)
            let today = try Self.dayAfterEverything(opened, period: period)
            try opened.close()
            var components = DateComponents(year: today.year, month: today.month, day: today.day, hour: 9)
            components.timeZone = TimeZone(identifier: "Pacific/Noumea")
            opened = try SIMSStore.open(path: ours, clock: .fixed(Calendar(identifier: .gregorian).date(from: components)!))
            defer { try? opened.close() }
            let agent = try AgentService(store: opened).authenticate(login: LoginResolver.current())
            let retention = try InactiveScanBaseline.procedureCodes(opened).map { ($0, 10) }
            let review = InactiveTierReview(store: opened, retention: Dictionary(uniqueKeysWithValues: retention), period: period)
            let cutoff = period.cutoff(today: today)
            var listed = 0, persons = 0
            var oursMs: [Double] = [], floorMs: [Double] = []
            for _ in 0..<max(repetitions, 1) {
                oursMs.append(try BenchMeasure.milliseconds { listed = try review.list(today: today, by: agent).count })
                floorMs.append(try BenchMeasure.milliseconds { persons = try InactiveScanBaseline.plainScan(opened, cutoff: cutoff) })
            }
            let seconds = BenchMeasure.percentile(oursMs, 50) / 1000
            let baseline = BenchMeasure.percentile(floorMs, 50) / 1000
            var out = BenchReport(title: "Fiches inactives (\(period.french)) au \(today.french) : \(source)")
            out.add("persons_examined", Double(persons), "personnes sans changement de fiche depuis le \(period.cutoffDay(today: today).french)")
            out.add("listed", Double(listed), "fiches inactives listées (dossiers : conservation de 10 ans)")
            out.add("seconds", seconds, "médiane de \(oursMs.count) listes")
            out.add("persons_per_s", Double(persons) / max(seconds, 0.001))
            out.add("baseline_seconds", baseline, "les mêmes tables lues une fois par SQLite seul (COUNT, MAX)")
            out.add("ratio", seconds / max(baseline, 0.001), "liste / parcours")
            out.add("peak_rss_mb", BenchMeasure.peakRSSMegabytes())
            out.print(json: json)
        }
    }

    /// The day after the inactivity period has run from the register's last activity.
    static func dayAfterEverything(_ store: SIMSStore, period: InactivityPeriod) throws -> CalendarDate {
        let last = try InactiveScanBaseline.lastActivity(store)
        let day = last.flatMap(Timestamp.date(from:)).map { CalendarDate.today(now: $0) } ?? store.clock.today()
        return period.returnDay(keptOn: day).adding(days: 1)
    }
}
