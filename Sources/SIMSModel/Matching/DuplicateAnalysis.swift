import Foundation

/// The bulk duplicate analysis of the register (`guichet doublons analyser`): every person is
/// read once from the store, as it streams, into a work file with its blocking keys
/// (``DuplicateBlockingKeys``); the keys are sorted on disk by SQLite, and the persons sharing a
/// key are scored by the one match score (``MatchEngine``), each pair once; the pairs at or above
/// the threshold are grouped with a pairwise plausibility check (``DuplicateGroups``) and filed
/// in the review queue (``DuplicateReview``) in one transaction with the event
/// `doublons.analyse`. Memory stays bounded by the work file's cache, whatever the register's size.
///
/// ```swift
/// let report = try DuplicateAnalysis(store: store).run(by: supervisor)
/// report.pairs.first   // Pair(tierA: 12, tierB: 4051, probability: 0.9991, reasons: [...])
/// ```
public struct DuplicateAnalysis: Sendable {
    public let store: SIMSStore
    /// Pairs at or above this probability go to the review queue.
    public var threshold = DuplicateAnalysis.defaultThreshold
    /// The threshold without `--seuil`: the pairs a superviseur should review.
    public static let defaultThreshold = 0.9
    /// Two records of one group must at least be this likely one person.
    public var plausible = 0.5
    /// Groups of records sharing a key up to this size are compared pair by pair; beyond, each
    /// record with the next `window` ones in birth-date order.
    public var fullBlock = 300
    public var window = 40
    /// Only pairs with at least one tier in this range (an import's new tiers); nil: all.
    public var touching: ClosedRange<Int64>?
    /// Where the work file goes (removed at the end).
    public var workDirectory = NSTemporaryDirectory()
    /// Pages of the work file kept in memory (KiB when negative, as SQLite's cache_size).
    public var workCacheKiB = 262_144

    public init(store: SIMSStore) { self.store = store }

    /// Runs the analysis and files its pairs. `progress(phase, done, total)` is called as it goes.
    public func run(by agent: Agent, progress: (String, Int64, Int64) -> Void = { _, _, _ in }) throws -> DuplicateAnalysisReport {
        try AgentService.require(agent, .supervisor, .administrator, to: "analyser les doublons du registre")
        guard (0...1).contains(threshold) else {
            throw ValidationError(field: nil, message: "Le seuil est une probabilité entre 0 et 1 (par exemple 0,9).")
        }
        var report = try analyse(progress: progress)
        try file(&report, agentID: agent.id)
        return report
    }

    /// Reads, blocks, scores and groups, without writing to the store.
    func analyse(progress: (String, Int64, Int64) -> Void) throws -> DuplicateAnalysisReport {
        var report = DuplicateAnalysisReport(threshold: threshold)
        let path = (workDirectory as NSString).appendingPathComponent("guichet-doublons-\(UUID().uuidString).sqlite")
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw ValidationError(field: nil, message: "Impossible de créer le fichier de travail dans \(workDirectory) : vérifiez la place et les droits.")
        }
        defer { for suffix in ["", "-journal", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let engine = try store.read { db in try MatchEngine(db) }
        try DuplicateWorkFile.withFile(at: path, cacheKiB: workCacheKiB) { work in
            report.persons = try readPersons(into: work, progress: progress)
            let found = try scoreBlocks(work, engine: engine, report: &report, progress: progress)
            try group(found, work, engine: engine, report: &report)
        }
        return report
    }

    /// Streams the persons' current facts into the work file: one row per person, one per key.
    private func readPersons(into work: DuplicateWorkFile, progress: (String, Int64, Int64) -> Void) throws -> Int {
        try store.read { db in
            let total = Int64(try Int.fetchOne(db, sql: "SELECT count(*) FROM tier WHERE kind = 'personne'") ?? 0)
            var count = 0
            try work.addPersons { add in
                var currentID: Int64?
                var values: [TierField: String] = [:]
                func flush() throws {
                    guard let id = currentID else { return }
                    let record = MatchRecord(id: id, kind: .person, values: values)
                    try add(id, record.text, DuplicateBlockingKeys.keys(record))
                    count += 1
                    if count % 4096 == 0 { progress("lecture", Int64(count), total) }
                }
                try db.capability(PersonFactStreaming.self).forEachPersonFactRecord { id, fieldValues in
                    if id != currentID {
                        try flush()
                        currentID = id
                        values = [:]
                    }
                    for (field, value) in FactValuesCoding.decode(fieldValues) { values[field] = value }
                }
                try flush()
                progress("lecture", Int64(count), total)
            }
            return count
        }
    }

    /// A found pair: its probability and reasons.
    struct Found {
        var probability: Double
        var reasons: [String]
    }

    /// Scores the persons of each key's group, each pair once (in the smallest key the two
    /// share); keeps those at or above the threshold.
    private func scoreBlocks(_ work: DuplicateWorkFile, engine: MatchEngine, report: inout DuplicateAnalysisReport,
                             progress: (String, Int64, Int64) -> Void) throws -> [PairKey: Found] {
        let total = try work.blockEntryCount()
        // The keys of groups too big to compare pair by pair: a pair is scored in the smallest
        // key the two share among the others (a big group may not bring them within its window).
        let big = try work.keys(sharedByMoreThan: fullBlock)
        var found: [PairKey: Found] = [:]
        var scored = 0
        var done: Int64 = 0
        var group: [Int64] = []
        var groupKey: UInt64?
        func score() throws {
            defer { group.removeAll(keepingCapacity: true) }
            guard group.count > 1, let key = groupKey else { return }
            var members: [(record: MatchRecord, keys: [UInt64])] = []
            members.reserveCapacity(group.count)
            for id in group {
                guard let person = try work.person(id: id),
                      let record = MatchRecord(id: id, text: person.record) else { continue }
                members.append((record, person.keys))
            }
            let full = members.count <= fullBlock
            if !full {
                members.sort { ($0.record.birthDate?.iso ?? "", $0.record.id ?? 0) < ($1.record.birthDate?.iso ?? "", $1.record.id ?? 0) }
            }
            for i in members.indices {
                let end = full ? members.count : min(members.count, i + 1 + window)
                for j in (i + 1)..<end {
                    let (x, y) = (members[i], members[j])
                    guard let a = x.record.id, let b = y.record.id, a != b else { continue }
                    if full, Self.firstShared(x.keys, y.keys, skipping: big) != key { continue }
                    if let touching, !touching.contains(a), !touching.contains(b) { continue }
                    let pair = PairKey(a, b)
                    if !full, found[pair] != nil { continue }
                    let result = Self.score(engine, x.record, y.record)
                    scored += 1
                    if result.probability >= threshold, Self.identityAgrees(result.levels, x.record, y.record) {
                        found[pair] = Found(probability: result.probability, reasons: result.reasons)
                    }
                }
            }
        }
        try work.forEachBlockEntry { key, id in
            if key != groupKey {
                try score()
                groupKey = key
            }
            group.append(id)
            done += 1
            if done % 16384 == 0 { progress("comparaison", done, total) }
        }
        try score()
        progress("comparaison", total, total)
        report.pairsScored = scored
        return found
    }

    /// Whether the identity of two records allows them to be one person, whatever their contact
    /// details say: a household shares an address, a landline, sometimes an e-mail, and its
    /// twins a birth date, so those cannot outweigh given names that differ entirely (unless
    /// swapped with the surname) or birth dates more than one slip apart. And two people born
    /// the same day often share a given name, namesakes a date one digit apart: a surname that
    /// differs entirely (a woman keyed under her spouse's name), or a birth date one digit apart,
    /// need the same address (in the same commune), phone or e-mail as well, and both at once are
    /// two people. The same CAFAT number
    /// overrides all this; two CAFAT numbers more than a slip apart (one digit, two neighbours
    /// swapped), or another sex, are two people.
    static func identityAgrees(_ levels: [Int?], _ a: MatchRecord, _ b: MatchRecord) -> Bool {
        func level(_ field: MatchField) -> Int? { levels[MatchField.allCases.firstIndex(of: field)!] }
        if level(.cafat) == 0 { return true }
        if let x = a.cafat, let y = b.cafat, !x.isEmpty, !y.isEmpty,
           EditDistance.distance(Array(x.utf8), Array(y.utf8), limit: 1) > 1 { return false }
        if let x = a.sex, let y = b.sex, x != y { return false }
        if let date = level(.birthDate), date >= 3 { return false }
        if let given = level(.givenName), given == MatchField.givenName.otherLevel {
            let swapped = (MatchComparison.names(a.givenNames, b.surnames) ?? 4) <= 3
                && (MatchComparison.names(a.surnames, b.givenNames) ?? 4) <= 3
            if !swapped { return false }
        }
        // The same street name may be in two communes.
        let sameAddress = level(.address) == 0 && level(.commune) != MatchField.commune.otherLevel
        let corroborated = sameAddress || level(.phone) == 0 || level(.email) == 0
        let otherSurname = level(.surname) == MatchField.surname.otherLevel, digitApart = level(.birthDate) == 2
        if otherSurname && digitApart { return false }
        if otherSurname || digitApart, !corroborated { return false }
        return true
    }

    /// Both the surnames and the given names differ entirely.
    static func namesDiffer(_ levels: [Int?]) -> Bool {
        levels[0] == MatchField.surname.otherLevel && levels[1] == MatchField.givenName.otherLevel
    }

    /// The match score of two records, or, when their names differ entirely, of the names keyed
    /// the wrong way round (the given names as the surname) if both then agree.
    static func score(_ engine: MatchEngine, _ x: MatchRecord, _ y: MatchRecord) -> MatchScore {
        let result = engine.score(x, y)
        guard namesDiffer(result.levels) else { return result }
        var swapped = y
        (swapped.surnames, swapped.givenNames) = (y.givenNames, y.surnames)
        swapped.firstGivenNameWords = 1
        var other = engine.score(x, swapped)
        let bothAgree = other.levels[0] != MatchField.surname.otherLevel && other.levels[1] != MatchField.givenName.otherLevel
        guard bothAgree, other.probability > result.probability else { return result }
        other.reasons = swappedReasons(other)
        return other
    }

    /// The reasons of a score on names keyed the wrong way round: « nom et prénom inversés » where
    /// « même nom » and « même prénom » would say the names were keyed alike; a slip in the
    /// swapped names (« nom proche (2 lettres) ») stays said.
    static func swappedReasons(_ score: MatchScore) -> [String] {
        let exact = [MatchField.surname.reason(0), MatchField.givenName.reason(0)]
        let first = score.reasons.firstIndex { reason in
            [MatchField.surname, .givenName].contains { field in (0..<field.otherLevel).contains { field.reason($0) == reason } }
        }
        var reasons = score.reasons.filter { !exact.contains($0) }
        reasons.insert(swappedNames, at: min(first ?? 0, reasons.count))
        return reasons
    }

    /// The reason of names keyed the wrong way round (HNAWIA Paulo and PAULO Hnawia).
    public static let swappedNames = "nom et prénom inversés"

    /// The smallest key two sorted key lists share, outside `skipping`.
    static func firstShared(_ x: [UInt64], _ y: [UInt64], skipping: Set<UInt64> = []) -> UInt64? {
        var i = 0, j = 0
        while i < x.count, j < y.count {
            if x[i] == y[j] {
                if !skipping.contains(x[i]) { return x[i] }
                i += 1
                j += 1
                continue
            }
            if x[i] < y[j] { i += 1 } else { j += 1 }
        }
        return nil
    }

    /// Groups the found pairs with the plausibility check; the report's pairs are those kept.
    private func group(_ found: [PairKey: Found], _ work: DuplicateWorkFile, engine: MatchEngine,
                       report: inout DuplicateAnalysisReport) throws {
        var records: [Int64: MatchRecord] = [:]
        func record(_ id: Int64) throws -> MatchRecord? {
            if let known = records[id] { return known }
            let loaded = try work.record(id: id).flatMap { MatchRecord(id: id, text: $0) }
            records[id] = loaded
            return loaded
        }
        for pair in found.keys {
            _ = try record(pair.a)
            _ = try record(pair.b)
        }
        let known = records
        var groups = DuplicateGroups(plausible: plausible) { a, b in
            if let probability = found[PairKey(a, b)]?.probability { return probability }
            guard let x = known[a], let y = known[b] else { return 0 }
            return Self.score(engine, x, y).probability
        }
        let ordered = found.sorted { ($0.value.probability, $1.key.a, $1.key.b) > ($1.value.probability, $0.key.a, $0.key.b) }
        for (pair, value) in ordered {
            if groups.add(pair.a, pair.b) {
                report.pairs.append(.init(tierA: pair.a, tierB: pair.b, probability: value.probability, reasons: value.reasons))
            } else {
                report.incoherent += 1
            }
        }
        report.groups = groups.count
    }

    /// Files the pairs in the review queue, in one transaction with the event `doublons.analyse`.
    private func file(_ report: inout DuplicateAnalysisReport, agentID: Int64) throws {
        let at = store.clock.now()
        let stamp = Timestamp.string(from: at)
        let (kept, eventID, counts) = try store.write { db -> ([DuplicateAnalysisReport.Pair], Int64, [DuplicateReview.Filing: Int]) in
            var kept: [DuplicateAnalysisReport.Pair] = []
            var counts: [DuplicateReview.Filing: Int] = [:]
            for pair in report.pairs {
                // The signature is read from the store: it is what a decision compares with.
                guard let signature = try DuplicateReview.currentSignature(db, pair.tierA, pair.tierB) else { continue }
                let filing = try DuplicateReview.file(db, pair.tierA, pair.tierB, probability: pair.probability,
                                                      reasons: pair.reasons, signature: signature, at: stamp)
                counts[filing, default: 0] += 1
                if filing != .alreadyDecided { kept.append(pair) }
            }
            var payload = ["seuil": String(format: "%.3f", threshold), "personnes": String(report.persons),
                           "paires_comparees": String(report.pairsScored), "paires_trouvees": String(kept.count),
                           "deja_decidees": String(counts[.alreadyDecided] ?? 0), "incoherentes": String(report.incoherent)]
            if let touching { payload["fiches"] = "\(touching.lowerBound)-\(touching.upperBound)" }
            let eventID = try EventLog.append(db, kind: .duplicatesAnalysed, agentID: agentID, tierID: nil, payload: payload, at: at)
            return (kept, eventID, counts)
        }
        report.pairs = kept
        report.added = counts[.added] ?? 0
        report.updated = counts[.updated] ?? 0
        report.reopened = counts[.reopened] ?? 0
        report.alreadyDecided = counts[.alreadyDecided] ?? 0
        report.eventID = eventID
    }
}
