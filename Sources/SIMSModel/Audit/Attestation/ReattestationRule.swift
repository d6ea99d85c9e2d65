/// What a re-attestation may claim: the events (`registre.attestation`) that migrations append to
/// take the register as it stands (v7) or to replace every row's digest (v19), read in chain order
/// by ``ChainVerifier``.
///
/// A re-attestation carries no agent, names the migration that wrote it, recorded as run in the
/// store, once; v7's is in the chain's former form, before any event of the new one, and comes
/// when nothing was attested yet; v19's carries only sums and takes out of them exactly what the
/// chain attested before it. An event appended by hand that re-attests rows (roles raised, an
/// identity changed, a refusal turned into an acceptance) breaks one of these.
///
/// Not provable without a key that the file's holder lacks: a store migrated while empty has no
/// v19 event, and someone who recomputes the sums of every row could append one that keeps these
/// rules; only an anchor taken before (`guichet check --ancre`) shows that the chain grew since.
///
/// ```swift
/// var rule = ReattestationRule(migrations: ["v7-ids-keys-attestation", "v19-row-salts"])
/// if let problem = rule.problem(event, expectedBefore: sums) { print(problem) }
/// ```
struct ReattestationRule {
    /// The migrations recorded as run in the store (`grdb_migrations`).
    let migrations: Set<String>
    /// The migration whose re-attestation is in the chain's former form.
    static let formerMigration = "v7-ids-keys-attestation"
    /// The migrations that re-attest in the new form.
    static let migrationsInNewForm: Set<String> = [StoreMigrations.rowSaltsMigration]
    /// The payload key naming the migration.
    static let migrationKey = "migration"

    private var seen: Set<String> = []
    private var newFormSeen = false

    init(migrations: Set<String>) {
        self.migrations = migrations
    }

    /// What is wrong with `event` as a re-attestation (or with its place in the chain), nil when
    /// nothing is; `expectedBefore` is what the events before it attest, per table.
    mutating func problem(_ event: AuditEvent, expectedBefore: [String: RowSum]) -> String? {
        var name: String { "Événement n° \(event.id) (\(event.kindLabel), \(Timestamp.french(event.at)))" }
        if event.legacyHash == nil {
            newFormSeen = true
        } else if newFormSeen {
            return "\(name) : écrit dans la forme d'avant la conversion de la chaîne, après des événements de la nouvelle forme (ajouté hors de l'application)."
        }
        guard event.kind == EventKind.registerAttested.rawValue else { return nil }
        let forged = "\(name) : cette ré-attestation n'est pas celle d'une mise à jour de la base"
        guard event.agentID == nil else { return "\(forged) (elle porte un agent ; ajoutée hors de l'application)." }
        let attestation = event.attestation.flatMap { RowAttestation(text: $0) } ?? RowAttestation()
        let migration = event.legacyHash == nil
            ? EventLog.decodePayload(event.payload)[Self.migrationKey] ?? "" : Self.formerMigration
        guard event.legacyHash != nil || Self.migrationsInNewForm.contains(migration), migrations.contains(migration) else {
            return "\(forged) (ajoutée hors de l'application)."
        }
        guard seen.insert(migration).inserted else {
            return "\(forged) : la mise à jour « \(migration) » a déjà ré-attesté le registre (ajoutée hors de l'application)."
        }
        var removed: [String: RowSum] = [:]
        for (key, sums) in attestation.buckets { removed[key.table, default: RowSum()].add(sums.removed) }
        if event.legacyHash != nil {
            // v7 attested for the first time: nothing before it, nothing taken out.
            let nothingBefore = expectedBefore.values.allSatisfy { $0 == RowSum() }
            let nothingRemoved = removed.values.allSatisfy { $0 == RowSum() } && attestation.entries.allSatisfy(\.added)
            return nothingBefore && nothingRemoved ? nil
                : "\(forged) : la première attestation du registre ne peut rien retirer ni suivre une autre (ajoutée hors de l'application)."
        }
        guard attestation.entries.isEmpty else {
            return "\(forged) : elle nomme des lignes au lieu de ré-attester tout le registre (ajoutée hors de l'application)."
        }
        for table in Set(removed.keys).union(expectedBefore.keys).sorted()
        where (removed[table] ?? RowSum()) != (expectedBefore[table] ?? RowSum()) {
            let label = AttestedTable.named(table)?.label ?? table
            return "\(forged) : elle ne retire pas exactement les lignes (\(label)) que la chaîne attestait avant elle "
                + "(ajoutée hors de l'application, ou registre modifié avant la mise à jour)."
        }
        return nil
    }
}
