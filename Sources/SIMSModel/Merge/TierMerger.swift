import Foundation

/// Merges two records of the same person (or organisation), and undoes a merge.
///
/// A merge is one transaction: the survivor keeps its id; each field's current fact becomes the
/// better of the two (``MergedFactPlan``) and every fact of both stays in its history with its
/// provenance; relations, documents, dossiers and tier forms in progress move to the survivor, and
/// its export lists the absorbed record's consultations. The absorbed record itself is left as it
/// was, out of the search, and redirects to the survivor (``TierRedirect``) until the merge is
/// undone, which puts both records back as they were (the survivor at a new version: a version
/// never goes back, so that a form opened on the merged record is refused after the undoing).
///
/// ```swift
/// let merger = TierMerger(store: store)
/// let keep = try merger.proposedSurvivor(12, 7)
/// let merged = try merger.merge(survivorID: keep, absorbedID: keep == 7 ? 12 : 7, by: supervisor, motif: "même CAFAT")
/// try merger.unmerge(absorbedID: merged.absorbedID, by: supervisor, motif: nil)
/// ```
public struct TierMerger: Sendable {
    public let store: SIMSStore

    /// The longest motif of a merge or unmerge.
    public static let maxMotifLength = 200

    public init(store: SIMSStore) { self.store = store }

    /// One transaction: merges absorbedID into survivorID; `within` runs inside that transaction.
    /// When either record is restricted (RGPD « limitation »), the merge needs `consultationMotif`
    /// (else ``RestrictedTierRefusal``), recorded in its event as a consultation's motif is.
    @discardableResult
    package func merge(survivorID: Int64, absorbedID: Int64, by agent: Agent, motif: String?,
                       consultationMotif: String? = nil,
                      within: ((any StoreSession) throws -> Void)? = nil) throws -> TierMergeOutcome {
        try AgentService.require(agent, .supervisor, .administrator, to: "fusionner deux fiches")
        let motif = try Self.checked(motif)
        guard survivorID != absorbedID else {
            throw TierMergeRefusal("Une fiche ne peut pas être fusionnée avec elle-même (n° \(survivorID)) : donnez deux numéros différents.")
        }
        return try store.write { db in
            let now = store.clock.now()
            let at = Timestamp.string(from: now)
            try Self.refuseAbsorbed(db, absorbedID, other: survivorID)
            try Self.refuseAbsorbed(db, survivorID, other: absorbedID)
            guard let survivor = try TierService.loadSnapshot(db, id: survivorID, relations: false) else {
                throw TierService.notFound(survivorID)
            }
            guard let absorbed = try TierService.loadSnapshot(db, id: absorbedID, relations: false) else {
                throw TierService.notFound(absorbedID)
            }
            guard survivor.kind == absorbed.kind else {
                throw TierMergeRefusal("n° \(survivorID) est \(Self.article(survivor.kind)) et n° \(absorbedID) "
                    + "\(Self.article(absorbed.kind)) : seules deux fiches de même nature se fusionnent.")
            }
            if let kept = try Int64.fetchOne(db, sql: """
                SELECT absorbed_id FROM tier_merge WHERE survivor_id = ? AND undone_at IS NULL ORDER BY id LIMIT 1
                """, arguments: [absorbedID]) {
                throw TierMergeRefusal("n° \(absorbedID) a déjà absorbé n° \(kept) : gardez plutôt n° \(absorbedID) "
                    + "(--garder \(absorbedID)), ou défaites d'abord cette fusion-là.")
            }
            let records = try FactRecordRow.all(db, tierID: absorbedID)
            let plan = MergedFactPlan(survivor: survivor, absorbed: absorbed, absorbedRecords: records)
            let version = survivor.version + max(plan.promoted.count, 1)
            var payload = ["fiche_absorbee": String(absorbedID), "fiche_conservee": String(survivorID),
                           "valeurs_reprises": plan.taken.map(\.rawValue).joined(separator: ",")]
            if let motif { payload["motif"] = motif }
            if let consultation = try TierRestrictionService.motifIfRestricted(db, tierIDs: [survivorID, absorbedID],
                                                                                motif: consultationMotif) {
                payload["limitee"] = "oui"
                payload["motif_consultation"] = consultation
            }
            let eventID = try EventLog.append(db, kind: .tiersMerged, agentID: agent.id, tierID: survivorID,
                                              payload: payload, at: now)
            var restore = TierMergeRestore(survivorUpdatedAt: survivor.updatedAt)
            for write in plan.copies + plan.promoted {
                try write.original.insert(db, tierID: survivorID, seq: write.seq, values: write.values)
                restore.factSeqs.append(write.seq)
            }
            restore.promotedSeqs = plan.promoted.map(\.seq)
            try TierRowWriter.rewriteSummary(db, id: survivorID, kind: survivor.kind, before: survivor, version: version, at: at)
            try Self.setSearchable(db, absorbed, false)
            try Self.moveRelations(db, from: absorbedID, to: survivorID, into: &restore)
            try Self.moveDocuments(db, from: absorbedID, to: survivorID, into: &restore)
            try Self.moveDossiers(db, from: absorbedID, to: survivorID, version: version, into: &restore)
            for draft in try StoreRow.fetchAll(db, sql: "SELECT id, tier_version FROM draft WHERE tier_id = ?", arguments: [absorbedID]) {
                restore.drafts.append(.init(draftID: draft[0], tierVersion: draft[1]))
            }
            // A tier form in progress on the absorbed record quotes the survivor's version from before
            // the merge: saved, it is refused as stale, never taken for an edit of the merged record.
            try db.execute(sql: "UPDATE draft SET tier_id = ?, tier_version = ? WHERE tier_id = ?",
                           arguments: [survivorID, survivor.version, absorbedID])
            try db.execute(sql: """
                INSERT INTO tier_merge (absorbed_id, survivor_id, merged_at, agent_id, motif, event_id,
                                        survivor_version_before, survivor_version_after, restore)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [absorbedID, survivorID, at, agent.id, motif, eventID, survivor.version, version, restore.json])
            let mergeID = try db.lastInsertedRowID
            try within?(db)
            let name = try TierService.loadSnapshot(db, id: survivorID, relations: false)?.displayName ?? survivor.displayName
            return TierMergeOutcome(mergeID: mergeID, survivorID: survivorID, absorbedID: absorbedID, survivorName: name,
                                    fieldsTaken: plan.taken, relationsMoved: restore.relations.count,
                                    documentsMoved: restore.documents.count,
                                    dossiersMoved: Set(restore.dossiers.map(\.dossierID)).count, eventID: eventID)
        }
    }

    /// Undoes the standing merge of `absorbedID` (or, given a survivor that absorbed one record
    /// only, that merge): both records are put back as they were; what was added to the survivor
    /// since stays there. `within` runs inside that transaction.
    @discardableResult
    package func unmerge(absorbedID: Int64, by agent: Agent, motif: String?,
                        within: ((any StoreSession) throws -> Void)? = nil) throws -> TierUnmergeOutcome {
        try AgentService.require(agent, .supervisor, .administrator, to: "défaire une fusion")
        let motif = try Self.checked(motif)
        return try store.write { db in
            let now = store.clock.now()
            let at = Timestamp.string(from: now)
            let merge = try Self.standingMerge(db, naming: absorbedID)
            let mergeID: Int64 = merge["id"], absorbed: Int64 = merge["absorbed_id"], survivor: Int64 = merge["survivor_id"]
            let mergedAt: String = merge["merged_at"], versionAfter: Int = merge["survivor_version_after"]
            if let onward = try TierRedirect.find(db, id: survivor) {
                throw TierMergeRefusal("n° \(survivor) a depuis été fusionnée dans n° \(onward.survivorID) : "
                    + "défaites d'abord cette fusion-là (guichet doublons defaire-fusion \(survivor)).")
            }
            let restore = try TierMergeRestore.decode(merge["restore"])
            guard let before = try TierService.loadSnapshot(db, id: survivor, relations: false),
                  let absorbedSnapshot = try TierService.loadSnapshot(db, id: absorbed, relations: false) else {
                throw TierService.notFound(survivor)
            }
            var payload = ["fiche_absorbee": String(absorbed), "fiche_conservee": String(survivor), "fusion": String(mergeID)]
            if let motif { payload["motif"] = motif }
            let eventID = try EventLog.append(db, kind: .tiersUnmerged, agentID: agent.id, tierID: survivor,
                                              payload: payload, at: now)
            for seq in restore.factSeqs {
                try db.execute(sql: "DELETE FROM fact_record WHERE tier_id = ? AND seq = ?", arguments: [survivor, seq])
            }
            // A version never goes back, even to the one before the merge: an edit form opened
            // on the merged record must be refused once the merge is undone, whoever saved since.
            let untouched = before.version == versionAfter
            try TierRowWriter.rewriteSummary(db, id: survivor, kind: before.kind, before: before, version: before.version + 1,
                                    at: untouched ? restore.survivorUpdatedAt : at)
            try Self.setSearchable(db, absorbedSnapshot, true)
            for row in restore.addedRelations {
                try db.execute(sql: "DELETE FROM relation WHERE tier_id = ? AND kind = ? AND related_id = ?",
                               arguments: [row.tierID, row.kind, row.relatedID])
            }
            for row in restore.relations {
                try db.execute(sql: """
                    INSERT INTO relation (tier_id, kind, related_id, created_at, event_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                    """, arguments: [row.tierID, row.kind, row.relatedID, row.createdAt, row.eventID])
            }
            for document in restore.addedDocuments {
                try db.execute(sql: "DELETE FROM document_owner WHERE tier_id = ? AND document_id = ?", arguments: [survivor, document])
            }
            for document in restore.documents {
                try db.execute(sql: "INSERT INTO document_owner (tier_id, document_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                               arguments: [absorbed, document])
            }
            for moved in restore.dossiers {
                let side = moved.beneficiary ? "beneficiary" : "applicant"
                try db.execute(sql: """
                    UPDATE dossier SET \(side)_id = ?, \(side)_version = ? WHERE id = ? AND \(side)_id = ?
                    """, arguments: [absorbed, moved.tierVersion, moved.dossierID, survivor])
            }
            for moved in restore.drafts {
                try db.execute(sql: "UPDATE draft SET tier_id = ?, tier_version = ? WHERE id = ? AND tier_id = ?",
                               arguments: [absorbed, moved.tierVersion, moved.draftID, survivor])
            }
            try db.execute(sql: "UPDATE tier_merge SET undone_at = ?, undone_by = ?, undo_event_id = ? WHERE id = ?",
                           arguments: [at, agent.id, eventID, mergeID])
            try DuplicateReview.reopenAfterUnmerge(db, absorbed, survivor)
            try within?(db)
            return TierUnmergeOutcome(
                mergeID: mergeID, survivorID: survivor, absorbedID: absorbed, mergedAt: mergedAt,
                updatesSince: max(0, before.version - versionAfter),
                dossiersSince: try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM dossier WHERE (applicant_id = ? OR beneficiary_id = ?) AND created_at > ?
                    """, arguments: [survivor, survivor, mergedAt]) ?? 0,
                relationsSince: try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM relation WHERE (tier_id = ? OR related_id = ?) AND created_at > ?
                    """, arguments: [survivor, survivor, mergedAt]) ?? 0,
                documentsSince: try Int.fetchOne(db, sql: """
                    SELECT count(*) FROM document_owner o JOIN document d ON d.id = o.document_id
                    WHERE o.tier_id = ? AND d.created_at > ?
                    """, arguments: [survivor, mergedAt]) ?? 0,
                eventID: eventID)
        }
    }

    /// The survivor proposed for two records: the one that already absorbed another (it cannot be
    /// absorbed itself); else the one with more verified facts; with as many, the older one
    /// (created first).
    public func proposedSurvivor(_ a: Int64, _ b: Int64) throws -> Int64 {
        try store.read { db in
            let keepers = try Int64.fetchAll(db, sql: """
                SELECT DISTINCT survivor_id FROM tier_merge WHERE survivor_id IN (?, ?) AND undone_at IS NULL
                """, arguments: [a, b])
            if keepers.count == 1 { return keepers[0] }
            guard let first = try TierService.loadSnapshot(db, id: a, relations: false) else { throw TierService.notFound(a) }
            guard let second = try TierService.loadSnapshot(db, id: b, relations: false) else { throw TierService.notFound(b) }
            let verifiedA = first.current.values.filter { $0.level > .declared }.count
            let verifiedB = second.current.values.filter { $0.level > .declared }.count
            if verifiedA != verifiedB { return verifiedA > verifiedB ? a : b }
            if first.createdAt != second.createdAt { return first.createdAt < second.createdAt ? a : b }
            return min(a, b)
        }
    }

    /// The fields whose value a merge of `absorbed` into `survivor` would take from `absorbed`
    /// (a higher level, or a value the survivor lacks); the survivor keeps every other value.
    /// What the pair screen shows before F5.
    public static func fieldsTaken(survivor: TierSnapshot, absorbed: TierSnapshot) -> [TierField] {
        MergedFactPlan.fieldsTaken(survivor: survivor, absorbed: absorbed)
    }

    /// The standing merges into `survivorID`, oldest first (its history screen offers to undo them).
    public func merges(into survivorID: Int64) throws -> [TierMergeSummary] {
        try store.read { db in
            try StoreRow.fetchAll(db, sql: """
                SELECT m.id, m.absorbed_id, m.merged_at, a.login, m.motif, m.restore FROM tier_merge m
                LEFT JOIN agent a ON a.id = m.agent_id
                WHERE m.survivor_id = ? AND m.undone_at IS NULL ORDER BY m.id
                """, arguments: [survivorID]).map { row in
                TierMergeSummary(mergeID: row[0], absorbedID: row[1], survivorID: survivorID, mergedAt: row[2],
                                 agentLogin: row[3], motif: row[4],
                                 factSeqs: Set((try? TierMergeRestore.decode(row[5]))?.factSeqs ?? []))
            }
        }
    }

    /// The standing redirect of `id`, or nil.
    public func redirect(of id: Int64) throws -> TierRedirect? {
        try store.read { db in try TierRedirect.find(db, id: id) }
    }

    // MARK: - Steps

    /// Refuses a record already absorbed: the second of two superviseurs deciding the same pair
    /// is told what the first did.
    private static func refuseAbsorbed(_ db: any StoreSession, _ id: Int64, other: Int64) throws {
        guard let redirect = try TierRedirect.find(db, id: id) else { return }
        let by = try String.fetchOne(db, sql: """
            SELECT a.login FROM tier_merge m JOIN agent a ON a.id = m.agent_id WHERE m.id = ?
            """, arguments: [redirect.mergeID]).map { " par \($0)" } ?? ""
        let when = "le \(Timestamp.french(redirect.mergedAt).prefix(10))\(by)"
        if redirect.survivorID == other {
            throw TierMergeRefusal("La fiche n° \(id) a déjà été fusionnée dans n° \(other) \(when) : rien à faire.")
        }
        throw TierMergeRefusal("La fiche n° \(id) a été fusionnée dans n° \(redirect.survivorID) \(when) : "
            + "fusionnez plutôt n° \(redirect.survivorID) avec n° \(other).")
    }

    /// The standing merge of an absorbed record, or the only one of a survivor.
    private static func standingMerge(_ db: any StoreSession, naming id: Int64) throws -> StoreRow {
        if let row = try StoreRow.fetchOne(db, sql: "SELECT * FROM tier_merge WHERE absorbed_id = ? AND undone_at IS NULL",
                                      arguments: [id]) {
            return row
        }
        let kept = try StoreRow.fetchAll(db, sql: "SELECT * FROM tier_merge WHERE survivor_id = ? AND undone_at IS NULL ORDER BY id",
                                    arguments: [id])
        if kept.count == 1 { return kept[0] }
        if kept.count > 1 {
            let list = kept.map { "n° \($0["absorbed_id"] as Int64)" }.joined(separator: ", ")
            throw TierMergeRefusal("n° \(id) a absorbé plusieurs fiches (\(list)) : donnez le numéro de la fiche absorbée à rétablir.")
        }
        guard try TierKind.fetch(db, id: id) != nil else { throw TierService.notFound(id) }
        if let undone = try String.fetchOne(db, sql: """
            SELECT undone_at FROM tier_merge WHERE absorbed_id = ? OR survivor_id = ? ORDER BY id DESC LIMIT 1
            """, arguments: [id, id]) {
            throw TierMergeRefusal("La fusion de la fiche n° \(id) a déjà été défaite le \(Timestamp.french(undone).prefix(10)) : rien à faire.")
        }
        throw TierMergeRefusal("La fiche n° \(id) n'a été fusionnée avec aucune autre : rien à défaire.")
    }

    /// Takes an absorbed record out of the search (its words and vocabulary), or puts it back.
    private static func setSearchable(_ db: any StoreSession, _ tier: TierSnapshot, _ searchable: Bool) throws {
        let entry = SearchTokenizer.entry(kind: tier.kind, values: tier.current.compactMapValues(\.value))
        if searchable {
            try TierRowWriter.insertTokens(db, tierID: tier.id, tokens: entry.tokens)
        } else {
            try db.execute(sql: "DELETE FROM search_token WHERE tier_id = ?", arguments: [tier.id])
        }
        try TierRowWriter.addVocabulary(db, words: entry.vocabulary, count: searchable ? 1 : -1)
    }

    private static func moveRelations(_ db: any StoreSession, from absorbed: Int64, to survivor: Int64,
                                      into restore: inout TierMergeRestore) throws {
        let rows = try StoreRow.fetchAll(db, sql: """
            SELECT tier_id, kind, related_id, created_at, event_id FROM relation WHERE tier_id = ? OR related_id = ?
            ORDER BY tier_id, kind, related_id
            """, arguments: [absorbed, absorbed]).map { row in
            TierMergeRestore.RelationRow(tierID: row[0], kind: row[1], relatedID: row[2], createdAt: row[3], eventID: row[4])
        }
        for row in rows {
            try db.execute(sql: "DELETE FROM relation WHERE tier_id = ? AND kind = ? AND related_id = ?",
                           arguments: [row.tierID, row.kind, row.relatedID])
        }
        for row in rows {
            var moved = row
            if moved.tierID == absorbed { moved.tierID = survivor }
            if moved.relatedID == absorbed { moved.relatedID = survivor }
            guard moved.tierID != moved.relatedID else { continue }   // the two records were related to each other
            try db.execute(sql: """
                INSERT INTO relation (tier_id, kind, related_id, created_at, event_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """, arguments: [moved.tierID, moved.kind, moved.relatedID, moved.createdAt, moved.eventID])
            if db.changesCount == 1 { restore.addedRelations.append(moved) }
        }
        restore.relations = rows
    }

    private static func moveDocuments(_ db: any StoreSession, from absorbed: Int64, to survivor: Int64,
                                      into restore: inout TierMergeRestore) throws {
        restore.documents = try Int64.fetchAll(db, sql: "SELECT document_id FROM document_owner WHERE tier_id = ? ORDER BY document_id",
                                               arguments: [absorbed])
        try db.execute(sql: "DELETE FROM document_owner WHERE tier_id = ?", arguments: [absorbed])
        for document in restore.documents {
            try db.execute(sql: "INSERT INTO document_owner (tier_id, document_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                           arguments: [survivor, document])
            if db.changesCount == 1 { restore.addedDocuments.append(document) }
        }
    }

    /// Moves the dossiers of the absorbed record; a brouillon quotes the survivor's new version, so
    /// that its form, still open at a counter, is submitted for the survivor.
    private static func moveDossiers(_ db: any StoreSession, from absorbed: Int64, to survivor: Int64, version: Int,
                                     into restore: inout TierMergeRestore) throws {
        for side in ["applicant", "beneficiary"] {
            let rows = try StoreRow.fetchAll(db, sql: "SELECT id, \(side)_version, state FROM dossier WHERE \(side)_id = ? ORDER BY id",
                                        arguments: [absorbed])
            for row in rows {
                let id: Int64 = row[0], quoted: Int? = row[1], state: String = row[2]
                restore.dossiers.append(.init(dossierID: id, beneficiary: side == "beneficiary", tierVersion: quoted))
                try db.execute(sql: "UPDATE dossier SET \(side)_id = ?, \(side)_version = ? WHERE id = ?",
                               arguments: [survivor, state == DossierState.draft.rawValue ? version : quoted, id])
            }
        }
    }

    /// A motif trimmed (nil when empty), refused when too long or over several lines.
    private static func checked(_ motif: String?) throws -> String? {
        guard let motif = motif?.trimmingCharacters(in: .whitespacesAndNewlines), !motif.isEmpty else { return nil }
        guard motif.count <= maxMotifLength, !motif.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw TierMergeRefusal("Motif : au plus \(maxMotifLength) caractères, sur une seule ligne ; rien n'a été fusionné.")
        }
        return motif
    }

    private static func article(_ kind: TierKind) -> String { kind == .person ? "une personne" : "une organisation" }
}
