/// A table whose rows the audit chain attests: which columns are covered, how a row is named.
///
/// Every write to these tables hands the written row to the connection's
/// ``AttestationAccumulator`` (SQLite: triggers, `AttestedTable+SQLiteTriggers`); the event of
/// the transaction then carries the digests (see ``EventLog/seal(_:)``). Columns left out are derived or working state checked otherwise
/// (``DerivedTableVerifier``) or read again from elsewhere: a document's OCR text (from its
/// file), a brouillon's values and cursor.
///
/// Since migration v19 every row carries a random salt (`row_salt`, 16 bytes, given by the
/// column's default when the row is written), the last attested column: a row's digest can no
/// longer be matched by someone who guesses its values (a phone number) and hashes them, and once
/// the row is erased, or its salt renewed by the erasure that cleared its personal values, the
/// digests that older events carry cannot be matched at all.
///
/// ```swift
/// AttestedTable.named("tier")?.keyText(["12", ...])   // "12"
/// ```
package struct AttestedTable: Sendable {
    /// The SQL table.
    let name: String
    /// The attested columns, in digest order, `row_salt` last. New columns are only ever appended.
    let columns: [String]
    /// The columns attested before v19 (no salt), empty for a table first attested by v19: what
    /// the triggers of the earlier migrations pass, and what v19 takes out of the chain's sums.
    let legacyColumns: [String]
    /// The columns that name a row (a prefix of `columns`, the first one an integer id).
    let keyColumns: [String]
    /// The French name of a row of this table in the check's messages.
    let label: String

    let nameBytes: [UInt8]

    /// The salt column of every attested row (since v19).
    static let saltColumn = "row_salt"

    /// `sinceV19`: columns attested from v19 on (appended after the others); `newInV19`: a table
    /// that v19 starts attesting.
    init(name: String, label: String, keyColumns: [String], otherColumns: [String], sinceV19: [String] = [],
         newInV19: Bool = false) {
        self.name = name
        self.label = label
        self.keyColumns = keyColumns
        self.columns = keyColumns + otherColumns + sinceV19 + [Self.saltColumn]
        self.legacyColumns = newInV19 ? [] : keyColumns + otherColumns
        self.nameBytes = Array(name.utf8) + [0]
    }

    /// The tables the chain attests, in the order the check reads them.
    static let all: [AttestedTable] = [
        AttestedTable(name: "agent", label: "agent", keyColumns: ["id"],
                      otherColumns: ["login", "full_name", "roles", "services", "active", "created_at"]),
        AttestedTable(name: "tier", label: "fiche", keyColumns: ["id"],
                      otherColumns: ["kind", "version", "created_at", "updated_at", "display_name", "birth_date", "ridet",
                                     "commune", "cafat", "phone", "email", "min_level"],
                      sinceV19: ["folded_names", "search_tokens"]),
        AttestedTable(name: "fact_record", label: "faits", keyColumns: ["tier_id", "seq"],
                      otherColumns: ["field_values", "source", "source_ref", "level", "agent_id", "recorded_at", "event_id"]),
        AttestedTable(name: "relation", label: "relation", keyColumns: ["tier_id", "kind", "related_id"],
                      otherColumns: ["created_at", "event_id"]),
        AttestedTable(name: "document", label: "pièce", keyColumns: ["id"],
                      otherColumns: ["type", "sha256", "issued_on", "valid_until", "pages", "size", "file_name",
                                     "created_at", "agent_id", "event_id", "file_ext"]),
        AttestedTable(name: "document_owner", label: "propriétaire de pièce", keyColumns: ["tier_id", "document_id"],
                      otherColumns: []),
        AttestedTable(name: "dossier", label: "dossier", keyColumns: ["id"],
                      otherColumns: ["number", "tracking_code", "procedure_code", "procedure_title", "applicant_id",
                                     "applicant_version", "beneficiary_id", "beneficiary_version", "state", "answers",
                                     "previous_id", "created_by", "assignee_id", "created_at", "updated_at",
                                     "submitted_at", "due_on", "version", "proposed_decision", "proposed_by",
                                     "decision_motif", "decided_by", "decided_at", "pieces_requested", "pieces_due_on"]),
        AttestedTable(name: "dossier_piece", label: "pièce demandée", keyColumns: ["dossier_id", "piece_key"],
                      otherColumns: ["status", "document_id", "issued_on"]),
        AttestedTable(name: "dossier_document", label: "pièce jointe au dossier", keyColumns: ["dossier_id", "document_id"],
                      otherColumns: ["piece_key", "added_at"]),
        AttestedTable(name: "dossier_note", label: "note interne", keyColumns: ["id"],
                      otherColumns: ["dossier_id", "agent_id", "created_at", "text"]),
        AttestedTable(name: "dossier_retention", label: "durée de conservation", keyColumns: ["dossier_id"],
                      otherColumns: ["years", "decided_on", "until"]),
        AttestedTable(name: "erased_dossier", label: "dossier effacé", keyColumns: ["id"],
                      otherColumns: ["number", "procedure_code", "procedure_title", "state", "submitted_at", "decided_at",
                                     "retention_years", "until", "erased_at", "reason"]),
        AttestedTable(name: "tier_restriction", label: "limitation", keyColumns: ["id"],
                      otherColumns: ["tier_id", "motif", "restricted_by", "restricted_at", "event_id", "lifted_by",
                                     "lifted_at", "lift_motif", "lift_event_id"]),
        AttestedTable(name: "duplicate_pair", label: "paire de doublons", keyColumns: ["id"],
                      otherColumns: ["tier_a", "tier_b", "probability", "reasons", "state", "signature", "found_at",
                                     "decided_by", "decided_at"]),
        AttestedTable(name: "tier_merge", label: "fusion de fiches", keyColumns: ["id"],
                      otherColumns: ["absorbed_id", "survivor_id", "merged_at", "agent_id", "motif", "event_id",
                                     "survivor_version_before", "survivor_version_after", "restore", "undone_at",
                                     "undone_by", "undo_event_id"]),
        AttestedTable(name: "inactive_tier_review", label: "revue de fiche inactive", keyColumns: ["id"],
                      otherColumns: ["tier_id", "decision", "motif", "agent_id", "at", "event_id"]),
        AttestedTable(name: "tier_erasure", label: "effacement à la demande", keyColumns: ["id"],
                      otherColumns: ["tier_id", "motif", "erased_by", "erased_at", "event_id", "complete", "kept", "erased"]),
        // Attested from v19 on: the duplicate score's weights, who holds which brouillon (not its
        // values, saved at every pause), the rows detached by the repair of v7.
        AttestedTable(name: "match_parameters", label: "paramètres du score de doublons", keyColumns: ["id"],
                      otherColumns: ["parameters", "trained_at", "agent_id"], newInV19: true),
        AttestedTable(name: "draft", label: "brouillon", keyColumns: ["id"],
                      otherColumns: ["agent_id", "kind", "tier_id"], newInV19: true),
        AttestedTable(name: "detached_row", label: "ligne détachée", keyColumns: ["id"],
                      otherColumns: ["table_name", "row_data", "reason", "detached_at"], newInV19: true),
        AttestedTable(name: "event_detachment", label: "événement détaché", keyColumns: ["event_id"],
                      otherColumns: ["former_dossier_id", "reason", "detached_at"], newInV19: true),
    ]

    /// The tables attested before v19, as they were attested then (no salt): for the migrations
    /// that ran before it.
    static var legacy: [AttestedTable] { all.filter { !$0.legacyColumns.isEmpty } }

    private static let byName: [String: AttestedTable] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    package static func named(_ name: String) -> AttestedTable? { byName[name] }

    /// Rows are grouped by their first key column divided by this, for the sums of bulk writes.
    static let bucketWidth: Int64 = 1024

    /// `SELECT` of the attested columns, for the check.
    var selectSQL: String { "SELECT \(columns.joined(separator: ", ")) FROM \(name)" }

    /// `SELECT` of the columns attested before v19.
    var legacySelectSQL: String { "SELECT \(legacyColumns.joined(separator: ", ")) FROM \(name)" }
}
