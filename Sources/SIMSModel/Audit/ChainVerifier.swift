/// Verifies the engine's integrity (``StoreIntegrityChecking``), the whole audit chain (naming the first event that breaks it),
/// the anchors kept outside the store, every row of the attested tables against what the events
/// attest, the attestation triggers and the foreign keys.
///
/// ```swift
/// let report = try ChainVerifier.verify(store, anchors: try AnchorLog(storePath: store.path).binding())
/// if let problem = report.firstBreak ?? report.anchorProblem { print(problem) }
/// ```
public enum ChainVerifier {
    /// Runs the engine's integrity check, walks every event in order (comparing each anchored
    /// event's recomputed hash with its anchors), then reads every attested row; the engine's
    /// integrity and the derived tables are read on connections of their own meanwhile.
    public static func verify(_ store: SIMSStore, anchors: [ChainAnchor] = []) throws -> ChainReport {
        let integrityRead = BackgroundRead(store) { db in try db.capability(StoreIntegrityChecking.self).integrityMessages() }
        let derivedRead = BackgroundRead(store) { db in try DerivedTableVerifier.verify(db) }
        var report = try verifyChainAndRows(store, anchors: anchors)
        let integrity = try integrityRead.value()
        report.integrityMessages = integrity
        let derived = try derivedRead.value()
        if report.firstBreak == nil { report.derivedProblems = derived }
        return report
    }

    /// The chain (and its anchors), every attested row, the triggers and the foreign keys.
    private static func verifyChainAndRows(_ store: SIMSStore, anchors: [ChainAnchor]) throws -> ChainReport {
        try store.read { db in
            // A damaged file is reported by its integrity check, not by this read failing.
            var anchorCheck = AnchorCheck(anchors: anchors, registerID: (try? RegisterIdentity.id(db)) ?? nil)
            var expectedPrev = EventLog.genesisHash
            var legacyPrev = EventLog.genesisHash
            var expectedID: Int64 = 1
            var count = 0
            var firstBreak: String?
            var expected: [String: RowSum] = [:]
            var erasedIDs: [Int64] = []
            var erasures: [Int64: AuditEvent] = [:]
            var reattestations = ReattestationRule(migrations: try db.capability(StoreIntegrityChecking.self).appliedMigrations())
            let cursor = try AuditEvent.fetchCursor(db, sql: "SELECT * FROM event ORDER BY id")
            while let event = try cursor.next() {
                count += 1
                if event.id != expectedID {
                    firstBreak = "Événement n° \(expectedID) manquant : la chaîne saute de n° \(expectedID - 1) à n° \(event.id) (ligne supprimée)."
                    break
                }
                if event.prevHash != expectedPrev {
                    firstBreak = "Événement n° \(event.id) (\(event.kindLabel), \(Timestamp.french(event.at))) : il ne suit pas l'événement n° \(event.id - 1), qui a été modifié ou supprimé."
                    break
                }
                if let problem = contentProblem(event, legacyPrev: legacyPrev) {
                    firstBreak = problem
                    break
                }
                let recomputed = EventLog.chainDigest(id: event.id, at: event.at, agentID: event.agentID, kind: event.kind,
                                                      dossierID: event.dossierID, content: event.contentDigest ?? "",
                                                      prevHash: event.prevHash, attestation: event.attestation,
                                                      legacyHash: event.legacyHash)
                if recomputed != event.hash {
                    firstBreak = "Événement n° \(event.id) (\(event.kindLabel), \(Timestamp.french(event.at))) : son contenu a été modifié hors de l'application."
                    break
                }
                if let problem = reattestations.problem(event, expectedBefore: expected) {
                    firstBreak = problem
                    break
                }
                if let text = event.attestation {
                    guard let attestation = RowAttestation(text: text) else {
                        firstBreak = "Événement n° \(event.id) (\(event.kindLabel)) : son attestation des lignes écrites est illisible."
                        break
                    }
                    for (table, sum) in attestation.netByTable { expected[table, default: RowSum()].add(sum) }
                }
                if event.isErased { erasedIDs.append(event.id) }
                if EventErasure.erasureKinds.contains(event.kind) { erasures[event.id] = event }
                if let legacy = event.legacyHash { legacyPrev = legacy }
                anchorCheck.see(event)
                expectedPrev = event.hash
                expectedID += 1
            }
            let walked = firstBreak == nil
            if firstBreak == nil {
                firstBreak = try erasureProblem(db, erasedIDs: erasedIDs, erasures: erasures)
            }
            if firstBreak == nil, let head = try StoreRow.fetchOne(db, sql: "SELECT last_event_id, last_hash FROM chain_head WHERE id = 1") {
                let lastID: Int64 = head["last_event_id"]
                let lastHash: String = head["last_hash"]
                if lastID != expectedID - 1 || lastHash != expectedPrev {
                    firstBreak = "Événement n° \(lastID) manquant : la chaîne s'arrête à n° \(expectedID - 1) alors que le dernier enregistré était n° \(lastID) (lignes supprimées en fin de journal)."
                }
            } else if firstBreak == nil, count > 0 {
                firstBreak = "La tête de chaîne a été supprimée hors de l'application."
            }
            var report = ChainReport(integrityMessages: [], events: count, firstBreak: firstBreak)
            if count > 0 { report.head = (expectedID - 1, expectedPrev) }
            report.registerID = anchorCheck.registerID
            report.anchorProblem = anchorCheck.finish(lastID: expectedID - 1, walked: walked)
            report.schemaProblems = try schemaProblems(db)
            if firstBreak == nil {
                let rows = try RowAttestationVerifier.verify(db, expected: expected)
                report.rowProblems = rows.problems
                report.attestedRows = rows.rows
            }
            report.detachedRows = try Int.fetchOne(db, sql: "SELECT count(*) FROM detached_row") ?? 0
            report.erasedEvents = erasedIDs.count
            report.erasures = erasures.values.sorted { $0.id < $1.id }.compactMap(ErasureSummary.init(event:))
            return report
        }
    }

    /// What is wrong with an event's personal content: changed since its digest, or gone without an
    /// erasure; for an event converted by v13 whose content is there, its former hash must still hold.
    static func contentProblem(_ event: AuditEvent, legacyPrev: String) -> String? {
        // Named only when something is wrong: formatting a date per event would cost more than its hashes.
        var name: String { "Événement n° \(event.id) (\(event.kindLabel), \(Timestamp.french(event.at)))" }
        guard let digest = event.contentDigest else {
            return "\(name) : l'empreinte de son contenu a été supprimée hors de l'application."
        }
        guard let salt = event.contentSalt else {
            return event.payload.isEmpty && event.tierID == nil
                ? nil : "\(name) : son contenu reparaît après son effacement (modifié hors de l'application)."
        }
        guard EventContent.digest(salt: salt, tierID: event.tierID, payload: event.payload) == digest else {
            return "\(name) : son contenu a été modifié hors de l'application."
        }
        if let legacy = event.legacyHash,
           LegacyEventLog.digest(id: event.id, at: event.at, agentID: event.agentID, kind: event.kind, tierID: event.tierID,
                                 dossierID: event.dossierID, payload: event.payload, prevHash: legacyPrev,
                                 attestation: event.attestation) != legacy {
            return "\(name) : son contenu ne correspond plus à l'empreinte qu'il avait avant la conversion de la chaîne."
        }
        return nil
    }

    /// Whether the erased events are exactly those the erasure events name.
    static func erasureProblem(_ db: any StoreSession, erasedIDs: [Int64], erasures: [Int64: AuditEvent]) throws -> String? {
        var listed: [Int64: [Int64]] = [:]
        var listedIDs: [Int64] = []
        let rows = try StoreRow.fetchCursor(db, sql: "SELECT event_id, erasure_event_id FROM event_erasure ORDER BY event_id")
        while let row = try rows.next() {
            let id: Int64 = row["event_id"], by: Int64 = row["erasure_event_id"]
            listedIDs.append(id)
            listed[by, default: []].append(id)
        }
        if listedIDs != erasedIDs {
            let missing = Set(erasedIDs).subtracting(listedIDs).min()
            if let missing {
                return "Événement n° \(missing) : son contenu a été effacé sans effacement enregistré (hors de l'application)."
            }
            let extra = Set(listedIDs).subtracting(erasedIDs).min() ?? 0
            return "Événement n° \(extra) : noté effacé alors que son contenu est là (liste des effacements modifiée hors de l'application)."
        }
        for (by, ids) in listed {
            guard let erasure = erasures[by] else {
                return "Effacements attribués à l'événement n° \(by), qui n'est pas un effacement (liste modifiée hors de l'application)."
            }
            let payload = EventLog.decodePayload(erasure.payload)
            if payload[EventErasure.countKey] != String(ids.count) || payload[EventErasure.digestKey] != EventErasure.digest(of: ids) {
                return "Événement n° \(by) (\(erasure.kindLabel)) : les événements effacés ne sont plus ceux qu'il atteste (liste modifiée hors de l'application)."
            }
        }
        for (id, erasure) in erasures where listed[id] == nil {
            let payload = EventLog.decodePayload(erasure.payload)
            if let n = payload[EventErasure.countKey], n != "0" {
                return "Événement n° \(id) (\(erasure.kindLabel)) : les \(n) effacements qu'il atteste ne sont plus listés (liste modifiée hors de l'application)."
            }
        }
        return nil
    }

    /// The attestation triggers as they must be, and the foreign keys.
    static func schemaProblems(_ db: any StoreSession) throws -> [String] {
        let checking = try db.capability(StoreIntegrityChecking.self)
        var problems: [String] = []
        for trigger in try checking.attestationTriggerProblems() {
            problems.append(trigger.missing
                ? "Déclencheur d'attestation \(trigger.name) supprimé : des écritures hors de l'application ont pu échapper au journal."
                : "Déclencheur d'attestation \(trigger.name) modifié hors de l'application.")
        }
        var byTable: [String: (count: Int, parent: String)] = [:]
        for (table, parent) in try checking.foreignKeyViolations() {
            byTable[table, default: (0, parent)].count += 1
        }
        for (table, found) in byTable.sorted(by: { $0.key < $1.key }) {
            problems.append("\(found.count) ligne(s) orpheline(s) dans \(table) : elles désignent une ligne de \(found.parent) qui n'existe pas.")
        }
        return problems
    }
}
