import ArgumentParser
import Foundation
import GuichetCommandLine
import SIMSFixtures
import SIMSModel

/// `guichet bench search --tiers N`: as-you-type search latency against a plain FTS5 baseline.
///
/// The store (demo tiers plus an FTS5 table of the same rows) is built once by a child process
/// and kept for later runs. Queries are drawn from sampled persons: 1 to 3 letter prefixes,
/// full names with and without accents, one typo, a phonetic spelling, birth dates, phones and
/// CAFAT numbers; and, for `found_in_top5_perturbed`, names with birth date keyed with a slip
/// (``BenchSlip``) or by the nom d'usage. Each query runs through Guichet's search and as `MATCH ... ORDER BY bm25`.
struct BenchSearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "search", abstract: "Latence de la recherche, comparée à FTS5 (bm25).")

    @OptionGroup var bench: BenchStoreOptions
    @Option(name: .long, help: "Nombre de personnes tirées pour former les requêtes.") var samples = 100
    @Flag(name: .long, help: "Un objet JSON au lieu du tableau.") var json = false
    @Option(name: .long, help: "Affiche sur la sortie d'erreur les N requêtes les plus lentes, et celles qui ne donnent pas leur personne dans les 5 premiers.")
    var slowest = 0
    @Flag(name: .long, help: ArgumentHelp("Sans la mesure de référence (pour profiler la recherche seule).", visibility: .hidden))
    var withoutBaseline = false
    @Option(name: .long, help: ArgumentHelp("Réglages de TierSearch, pour les ajuster (clé=valeur,...).", visibility: .hidden))
    var tuning = ""
    @Option(name: .long, help: ArgumentHelp("Une seule requête, répétée 200 fois (pour profiler).", visibility: .hidden))
    var query = ""

    func run() throws {
        try CommandFailure.guarded {
            let path = try bench.prepared()
            let store = try SIMSStore.open(path: path)
            let queries = try BenchQueries.make(store: store, samples: samples, seed: bench.seed)
            var search = TierSearch(store: store)
            for pair in tuning.split(separator: ",") {
                let parts = pair.split(separator: "=")
                guard parts.count == 2, let value = Int(parts[1]) else { continue }
                switch parts[0] {
                case "termCap": search.termCap = value
                case "exactTokenCap": search.exactTokenCap = value
                case "firstReadCap": search.firstReadCap = value
                case "singleTermCap": search.singleTermCap = value
                case "scoreAllBelow": search.scoreAllBelow = value
                case "probeBudget": search.probeBudget = value
                default: break
                }
            }
            if !query.isEmpty {
                var times: [Double] = []
                var count = 0
                try SearchBenchReader.read(store, search: search, baseline: false) { reader in
                    for _ in 0..<200 {
                        times.append(try BenchMeasure.milliseconds {
                            count = try reader.ours(query, limit: 20).count
                        })
                    }
                }
                print(String(format: "« %@ » : %d résultats, p50 %.3f ms, p99 %.3f ms", query, count,
                             BenchMeasure.percentile(times, 50), BenchMeasure.percentile(times, 99)))
                return
            }
            var ours: [Double] = [], baseline: [Double] = [], found = 0, foundOf = 0
            var perturbedFound = 0, perturbedOf = 0, baselinePerturbedFound = 0
            try SearchBenchReader.read(store, search: search, baseline: true) { reader in
                for query in queries.prefix(30) { // warm-up
                    _ = try reader.ours(query.text, limit: 20)
                }
                for query in queries {
                    var hits: [SearchHit] = []
                    ours.append(try BenchMeasure.milliseconds {
                        hits = try reader.ours(query.text, limit: 20)
                    })
                    if let target = query.target, query.perturbed {
                        perturbedOf += 1
                        if hits.prefix(5).contains(where: { $0.tierID == target }) {
                            perturbedFound += 1
                        } else if slowest > 0 {
                            FileHandle.standardError.write(Data("avec une faute, non trouvé dans les 5 premiers : « \(query.text) » (tiers \(target))\n".utf8))
                        }
                    } else if let target = query.target {
                        foundOf += 1
                        if hits.prefix(5).contains(where: { $0.tierID == target }) {
                            found += 1
                        } else if slowest > 0 {
                            FileHandle.standardError.write(Data("non trouvé dans les 5 premiers : « \(query.text) » (tiers \(target))\n".utf8))
                        }
                    }
                    if withoutBaseline { continue }
                    let match = BenchQueries.ftsMatch(query.text)
                    var rows: [Int64] = []
                    baseline.append(try BenchMeasure.milliseconds {
                        rows = try reader.baseline(match)
                    })
                    if query.perturbed, let target = query.target, rows.prefix(5).contains(target) { baselinePerturbedFound += 1 }
                }
            }
            if slowest > 0 {
                let order = ours.indices.sorted { ours[$0] > ours[$1] }.prefix(slowest)
                for index in order {
                    FileHandle.standardError.write(Data((String(format: "%8.3f ms", ours[index]) + "  « \(queries[index].text) »\n").utf8))
                }
            }
            var report = BenchReport(title: "Recherche : \(queries.count) requêtes sur \(bench.tiers) tiers (même base, même requêtes)")
            report.add("queries", Double(queries.count))
            report.add("p50_ms", BenchMeasure.percentile(ours, 50))
            report.add("p95_ms", BenchMeasure.percentile(ours, 95))
            report.add("p99_ms", BenchMeasure.percentile(ours, 99), "objectif ≤ 5")
            report.add("baseline_p50_ms", BenchMeasure.percentile(baseline, 50), "FTS5 MATCH … ORDER BY bm25")
            report.add("baseline_p95_ms", BenchMeasure.percentile(baseline, 95))
            report.add("baseline_p99_ms", BenchMeasure.percentile(baseline, 99))
            report.add("p95_speedup", BenchMeasure.percentile(baseline, 95) / max(BenchMeasure.percentile(ours, 95), 0.001),
                       "objectif ≥ 10")
            report.add("found_in_top5", foundOf == 0 ? 0 : Double(found) / Double(foundOf),
                       "part des requêtes qui désignent une personne (nom, prénom et date de naissance ; CAFAT) qui la donnent dans les 5 premiers")
            report.add("found_in_top5_perturbed", perturbedOf == 0 ? 0 : Double(perturbedFound) / Double(perturbedOf),
                       "objectif ≥ 0,98 ; les mêmes avec une faute de frappe, une graphie phonétique ou le nom d'usage")
            if !withoutBaseline {
                report.add("baseline_found_in_top5_perturbed",
                           perturbedOf == 0 ? 0 : Double(baselinePerturbedFound) / Double(perturbedOf), "FTS5, mêmes requêtes")
            }
            report.add("peak_rss_mb", BenchMeasure.peakRSSMegabytes(), "objectif ≤ 150")
            report.print(json: json)
        }
    }
}
