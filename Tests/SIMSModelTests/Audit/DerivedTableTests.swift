import Foundation
import GRDB
import XCTest
@testable import SIMSModel

/// The derived and working tables (search index, vocabulary, dashboard tallies, the duplicate
/// score's weights, brouillons, detached rows) changed with the file in hand are caught by
/// `check`, and so are « re-attestation » events appended by hand.
final class DerivedTableTests: ReviewTeamTestCase {
    private var dossierID: Int64 = 0
    private var parentID: Int64 = 0

    /// A submitted grant (its applicant indexed for the search, the dashboard's tallies counting it).
    override func setUpWithError() throws {
        try super.setUpWithError()
        dossierID = try test.submittedGrants(1)[0]
        parentID = try DossierService(store: test.store).dossier(id: dossierID).applicantID
    }

    /// Writes as a tamperer who knows the schema: on a connection of their own, with a do-nothing
    /// `sims_attest` so that the triggers let the write through.
    private func tamper(_ sql: String, arguments: StatementArguments = []) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: test.path, configuration: configuration)
        try queue.writeWithoutTransaction { db in
            db.add(function: DatabaseFunction("sims_attest", argumentCount: nil, pure: false) { _ in nil })
            try db.execute(sql: sql, arguments: arguments)
        }
    }

    private func report() throws -> ChainReport { try ChainVerifier.verify(test.store) }

    private func assertCaught(_ sql: String, _ expected: String, in problems: (ChainReport) -> [String],
                              file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try report()
        XCTAssertTrue(before.isSound, "sound before the change: \(before)", file: file, line: line)
        try tamper(sql)
        let after = try report()
        XCTAssertFalse(after.isSound, "\(sql) went unnoticed", file: file, line: line)
        XCTAssertTrue(problems(after).contains { $0.contains(expected) }, "\(sql): \(problems(after))", file: file, line: line)
    }

    func testWhatTheApplicationWroteIsSound() throws {
        let found = try report()
        XCTAssertTrue(found.isSound, "\(found.derivedProblems) \(found.rowProblems)")
        XCTAssertEqual(found.derivedProblems, [])
    }

    func testADeletedSearchWordMakesThePersonVanishAndIsCaught() throws {
        let search = TierSearch(store: test.store)
        let name = try XCTUnwrap(try TierService(store: test.store).snapshot(id: parentID).current[.birthName]?.value)
        XCTAssertTrue(try search.search(name).contains { $0.tierID == parentID })
        try assertCaught("DELETE FROM search_token WHERE tier_id = \(parentID)",
                         "Index de recherche : la fiche n° \(parentID) a perdu", in: \.derivedProblems)
        XCTAssertFalse(try search.search(name).contains { $0.tierID == parentID }, "the person vanished from the search")
    }

    func testASearchWordPointedAtAnotherRecordIsCaught() throws {
        try assertCaught("UPDATE search_token SET tier_id = 999 WHERE tier_id = \(parentID)",
                         "désignent la fiche n° 999, qui n'existe pas", in: \.derivedProblems)
    }

    func testADeletedVocabularyWordIsCaught() throws {
        try assertCaught("DELETE FROM search_word WHERE word = (SELECT min(word) FROM search_word WHERE tiers > 0)",
                         "Vocabulaire de recherche : le mot", in: \.derivedProblems)
    }

    func testDeletedTypoVariantsAreCaught() throws {
        try assertCaught("DELETE FROM search_word_variant WHERE word = (SELECT min(word) FROM search_word WHERE tiers > 0)",
                         "des variantes de mots en usage manquent", in: \.derivedProblems)
    }

    func testAChangedDashboardTallyIsCaught() throws {
        try assertCaught("UPDATE dossier_state_tally SET n = n + 5", "Tableau de bord : le décompte des dossiers déposés",
                         in: \.derivedProblems)
    }

    func testAnAgentsLoadMovedIsCaught() throws {
        try assertCaught("UPDATE dossier_load_tally SET assignee_id = \(colleague.id)", "dossiers ouverts par agent",
                         in: \.derivedProblems)
    }

    func testChangedDuplicateScoreWeightsAreCaught() throws {
        try test.store.write { db in
            try MatchParameterStore.save(db, .defaults, agentID: supervisor.id, at: test.store.clock.now())
            try EventLog.append(db, kind: .matchParametersTrained, agentID: supervisor.id, tierID: nil, payload: [:],
                                at: test.store.clock.now())
        }
        try assertCaught("UPDATE match_parameters SET parameters = replace(parameters, '0.', '0.9')",
                         "Paramètres du score de doublons : son contenu", in: \.rowProblems)
    }

    func testABrouillonMovedToAnotherAgentIsCaught() throws {
        let draft = try DraftStore(store: test.store).save(TierDraft(agentID: test.counter.id, kind: .person,
                                                                     values: [.birthName: "Wamytan"]))
        let id = try XCTUnwrap(draft.id)
        try assertCaught("UPDATE draft SET agent_id = \(colleague.id) WHERE id = \(id)", "Brouillon n° \(id) : son contenu",
                         in: \.rowProblems)
    }

    func testABrouillonSlippedIntoAnAgentsListIsCaught() throws {
        try assertCaught("""
            INSERT INTO draft (agent_id, kind, field_values, updated_at) VALUES (\(colleague.id), 'personne', '{}', '2026-11-29')
            """, "aucun événement ne l'atteste", in: \.rowProblems)
    }

    func testSavingAndDroppingABrouillonStaysSound() throws {
        let drafts = DraftStore(store: test.store)
        var draft = try drafts.save(TierDraft(agentID: test.counter.id, kind: .person, values: [.birthName: "Wamytan"]))
        draft.values[.givenNames] = "Hélène"
        draft = try drafts.save(draft)
        try drafts.delete(id: try XCTUnwrap(draft.id))
        let found = try report()
        XCTAssertTrue(found.isSound, "\(found)")
    }

    func testADetachedRowAddedOrRemovedIsCaught() throws {
        try assertCaught("""
            INSERT INTO detached_row (table_name, row_data, reason, detached_at) VALUES ('tier', '{}', 'orpheline', '2026-11-29')
            """, "Ligne détachée n° 1 : aucun événement ne l'atteste", in: \.rowProblems)
    }

    // MARK: - Re-attestations appended by hand

    /// Appends, by plain SQL, an event chained as the application would: whoever holds the file can
    /// compute every hash, since the chain has no key.
    private func appendForged(kind: String = EventKind.registerAttested.rawValue, agentID: Int64? = nil,
                              payload: [String: String], attestation: String, legacyForm: Bool = false) throws {
        let head = try test.store.sqlitePool.read { db in try XCTUnwrap(Row.fetchOne(db, sql: "SELECT last_event_id, last_hash FROM chain_head")) }
        let id = (head["last_event_id"] as Int64) + 1, prev: String = head["last_hash"]
        let json = FlatJSON.encode(payload), at = "2026-11-29T10:00:00.000Z"
        let salt = EventContent.newSalt()
        let content = EventContent.digest(salt: salt, tierID: nil, payload: json)
        // In the former form, with the former hash that `check` recomputes (none before it in this store).
        let legacyHash = legacyForm ? LegacyEventLog.digest(id: id, at: at, agentID: agentID, kind: kind, tierID: nil, payload: json,
                                                            prevHash: EventLog.genesisHash, attestation: attestation) : nil
        let hash = EventLog.chainDigest(id: id, at: at, agentID: agentID, kind: kind, dossierID: nil, content: content,
                                        prevHash: prev, attestation: attestation, legacyHash: legacyHash)
        try tamper("""
            INSERT INTO event (id, at, agent_id, kind, payload, prev_hash, hash, attestation, content_digest, content_salt, legacy_hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);
            UPDATE chain_head SET last_event_id = ?, last_hash = ?;
            """, arguments: [id, at, agentID, kind, json, prev, hash, attestation, content, salt, legacyHash, id, hash])
    }

    /// The agent's row digest now, as `check` computes it.
    private func agentLeaf(_ id: Int64) throws -> RowLeaf {
        try test.store.read { db in
            var leaf: RowLeaf?
            try AttestedRowScanner.scan(db, table: try XCTUnwrap(AttestedTable.named("agent")), where: "id = \(id)") { _, _, found in
                leaf = found
            }
            return try XCTUnwrap(leaf)
        }
    }

    /// The counter agent made administrateur by SQL, then a re-attestation of that row appended.
    private func raiseRolesAndReattest(payload: [String: String], legacyForm: Bool = false, bucketsOnly: Bool = false) throws {
        let id = test.counter.id
        let before = try agentLeaf(id)
        try tamper("UPDATE agent SET roles = 'administrateur' WHERE id = \(id)")
        let after = try agentLeaf(id)
        var rows = RowAttestation()
        rows.entries = [.init(added: false, table: "agent", key: "\(id)", leaf: before, bucket: 0),
                        .init(added: true, table: "agent", key: "\(id)", leaf: after, bucket: 0)]
        if bucketsOnly { rows.foldEntries() }
        try appendForged(payload: payload, attestation: rows.text, legacyForm: legacyForm)
        XCTAssertEqual(try AgentService(store: test.store).authenticate(login: test.counter.login).roles, [.administrator])
    }

    func testAReattestationRaisingRolesIsRefused() throws {
        try raiseRolesAndReattest(payload: ["tables": "agent"])
        let found = try report()
        XCTAssertFalse(found.isSound)
        XCTAssertTrue(found.firstBreak?.contains("cette ré-attestation n'est pas celle d'une mise à jour de la base") == true,
                      "\(found.firstBreak ?? "")")
    }

    func testAReattestationNamingTheSaltMigrationButNamingRowsIsRefused() throws {
        try raiseRolesAndReattest(payload: ["migration": StoreMigrations.rowSaltsMigration])
        let problem = try report().firstBreak ?? ""
        XCTAssertTrue(problem.contains("elle nomme des lignes"), problem)
    }

    func testAReattestationOfSumsThatDoesNotTakeOutTheWholeRegisterIsRefused() throws {
        try raiseRolesAndReattest(payload: ["migration": StoreMigrations.rowSaltsMigration], bucketsOnly: true)
        let problem = try report().firstBreak ?? ""
        XCTAssertTrue(problem.contains("elle ne retire pas exactement les lignes (agent)"), problem)
    }

    func testAReattestationInTheFormerFormIsRefused() throws {
        try raiseRolesAndReattest(payload: ["tables": "agent"], legacyForm: true)
        let problem = try report().firstBreak ?? ""
        XCTAssertTrue(problem.contains("écrit dans la forme d'avant la conversion"), problem)
    }

    func testAReattestationCarryingAnAgentIsRefused() throws {
        let id = test.counter.id
        try tamper("UPDATE agent SET roles = 'administrateur' WHERE id = \(id)")
        try appendForged(agentID: supervisor.id, payload: ["migration": StoreMigrations.rowSaltsMigration], attestation: "")
        let problem = try report().firstBreak ?? ""
        XCTAssertTrue(problem.contains("elle porte un agent"), problem)
    }
}
