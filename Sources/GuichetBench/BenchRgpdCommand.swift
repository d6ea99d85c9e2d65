import ArgumentParser
import Foundation
import GuichetCommandLine
import SIMSFixtures
import SIMSModel

/// `guichet bench rgpd --dossiers N`: the retention purge of N expired dossiers among the
/// `bench queues` store's, beside deleting the same rows with plain `DELETE` statements.
///
/// The store (generated once, as `bench queues` does) holds two years of decisions. The purge runs
/// on a copy, on the day when exactly the N oldest closed dossiers are past a one-year retention;
/// the baseline runs on another copy: the same dossiers' notes, pieces, links and rows deleted and
/// their events' payloads emptied, in transactions of the same size, on a plain connection (no
/// tombstone, no event, no row digests, no erasure list), in the same order (by id). `check` then
/// runs on the purged copy.
///
/// A counter agent works on the purged copy meanwhile (``BenchCounterAgent``, on a thread): the
/// latency of its keys in « Rechercher » and of opening a record is printed beside the same work
/// measured just before the purge, in the same run.
struct BenchRgpdCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rgpd", abstract: "Purge de N dossiers à conservation échue, à côté de simples DELETE.")

    @Option(name: .long, help: "Dossiers à effacer.") var dossiers = 100_000
    @Option(name: .long, help: "Dossiers de la base de mesure (celle de bench queues).") var total = 1_000_000
    @Option(name: .long, help: "Graine des données.") var seed: UInt64 = 1
    @Option(name: .long, help: "Dossier des bases de mesure (conservées d'une fois sur l'autre).")
    var workdir = NSTemporaryDirectory() + "guichet-bench"
    @Option(name: .long, help: "Dossiers effacés par transaction.") var lot = 200
    @Flag(name: .long, help: "Sans la vérification (check) après la purge.") var sansVerification = false
    @Flag(name: .long, help: "Sans l'agent au guichet mesuré pendant la purge.") var sansGuichet = false
    @Flag(name: .long, help: "Un objet JSON au lieu du tableau.") var json = false

    func run() throws {
        try CommandFailure.guarded {
            let queues = try BenchQueuesCommand.parse(["--dossiers", String(total), "--seed", String(seed), "--workdir", workdir])
            let (source, generationSeconds) = try queues.preparedStore()
            let ours = "\(workdir)/rgpd-\(ProcessInfo.processInfo.processIdentifier).sqlite"
            let plain = ours + ".reference.sqlite"
            defer { for path in [ours, plain] { Self.remove(path) } }
            try Self.copy(source, to: ours)
            try Self.copy(source, to: plain)

            let (today, codes) = try RetentionBenchStore.purgeDay(ours, dossiers: dossiers)
            var components = DateComponents(year: today.year, month: today.month, day: today.day, hour: 2, minute: 15)
            components.timeZone = TimeZone(identifier: "Pacific/Noumea")
            let instant = Calendar(identifier: .gregorian).date(from: components)!
            let store = try SIMSStore.open(path: ours, clock: .fixed(instant))
            let agent = try AgentService(store: store).authenticate(login: LoginResolver.current())
            var purge = RetentionPurge(store: store, retention: Dictionary(uniqueKeysWithValues: codes.map { ($0, 1) }))
            purge.batch = lot
            var report = RetentionPurgeReport()
            let expired = try purge.expired(report: &report)

            // The counter agent's work, first alone, then while the purge runs, on its own
            // connections (as another process would: its writes wait for the purge's lock).
            var counterAgent = agent
            counterAgent.roles = Set(Role.allCases)
            let counterStore = sansGuichet ? nil : try SIMSStore.open(path: ours, clock: .fixed(instant))
            let counter = try counterStore.map { counterStore in
                BenchCounterAgent(store: counterStore, agent: counterAgent,
                                  names: try BenchUICommand.sampleNames(store: counterStore, count: 20, seed: seed),
                                  tierIDs: try RetentionBenchStore.sampleTierIDs(counterStore, count: 20))
            }
            let quiet = try counter?.work(rounds: counter?.names.count ?? 0)
            counter?.start()
            let line = ProgressLine(label: "Purge")
            let purgeMs: Double
            do {
                purgeMs = try BenchMeasure.milliseconds {
                    try purge.purge(expired, by: agent, into: &report) { done, count in
                        line.update("effacement", done: Int64(done), total: Int64(count), unit: "dossiers")
                    }
                }
            } catch {
                _ = try? counter?.stop()
                throw error
            }
            let during = try counter?.stop()
            try counterStore?.close()
            line.finish()
            let baseline = try PlainDossierDeletes(path: plain)
            let baselineMs = try BenchMeasure.milliseconds { try baseline.delete(expired.map(\.id).sorted(), batch: lot) }
            try baseline.close()

            var out = BenchReport(title: "Purge RGPD : \(expired.count) dossiers à conservation échue parmi \(total) (\(source))")
            if let generationSeconds { out.add("generation_s", generationSeconds, "création de la base (une seule fois)") }
            out.add("dossiers", Double(report.erasedDossiers), "effacés le \(today.french), conservation d'un an")
            out.add("seconds", purgeMs / 1000, "purge (lots de \(lot), un événement chacun) ; objectif 100 000 en < 60 s")
            out.add("dossiers_per_s", Double(report.erasedDossiers) / max(purgeMs / 1000, 0.001))
            out.add("events_erased", Double(report.erasedEvents), "événements au contenu effacé")
            out.add("baseline_seconds", baselineMs / 1000, "les mêmes lignes par DELETE / UPDATE sur une connexion simple")
            out.add("ratio", purgeMs / max(baselineMs, 0.001), "purge / référence")
            if let quiet, let during {
                out.add("key_p99_ms_quiet", BenchMeasure.percentile(quiet.keys, 99), "touche de « Rechercher » sans purge (\(quiet.keys.count) touches)")
                out.add("key_p99_ms_during_purge", BenchMeasure.percentile(during.keys, 99),
                        "pendant la purge (\(during.keys.count) touches) ; objectif ≤ 8")
                out.add("key_median_ms_quiet", BenchMeasure.percentile(quiet.keys, 50))
                out.add("key_median_ms_during_purge", BenchMeasure.percentile(during.keys, 50))
                out.add("record_open_p99_ms_quiet", BenchMeasure.percentile(quiet.opens, 99),
                        "ouvrir une fiche (écrit sa consultation) sans purge")
                out.add("record_open_p99_ms_during_purge", BenchMeasure.percentile(during.opens, 99),
                        "pendant la purge (\(during.opens.count) fiches) : attend la transaction en cours")
            }
            if !sansVerification {
                var checked: ChainReport?
                let checkMs = try BenchMeasure.milliseconds { checked = try ChainVerifier.verify(store) }
                out.add("check_sound", checked?.isSound == true ? 1 : 0, "1 : guichet check passe après la purge")
                out.add("check_seconds", checkMs / 1000)
            }
            out.add("peak_rss_mb", BenchMeasure.peakRSSMegabytes())
            try store.close()
            out.print(json: json)
        }
    }

    /// Copies the store and flushes the copy to disk: otherwise the first checkpoint of the
    /// purge would wait for the gigabytes just copied to be written, and the copy be timed with it.
    static func copy(_ source: String, to target: String) throws {
        remove(target)
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: source + suffix) {
            try FileManager.default.copyItem(atPath: source + suffix, toPath: target + suffix)
            let descriptor = open(target + suffix, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            if descriptor >= 0 {
                fsync(descriptor)
                close(descriptor)
            }
        }
    }

    static func remove(_ path: String) {
        StoreFiles.remove(storePath: path)
    }
}
