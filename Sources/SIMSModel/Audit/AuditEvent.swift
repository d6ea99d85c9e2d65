

/// One row of the append-only, hash-chained audit log.
public struct AuditEvent: Sendable, Equatable, Codable, StoreRowDecodable {
    public var id: Int64
    public var at: String
    public var agentID: Int64?
    public var kind: String
    public var tierID: Int64?
    /// The dossier the event concerns, if any.
    public var dossierID: Int64?
    public var payload: String
    public var prevHash: String
    public var hash: String
    /// The rows the event's transaction wrote, with their digests (see ``RowAttestation``).
    public var attestation: String?
    /// The salted digest of the event's personal content (its tier and payload), which the hash
    /// covers instead of the content itself (see ``EventContent``).
    public var contentDigest: String?
    /// The salt of that digest; erased with the content.
    public var contentSalt: String?
    /// For an event written before the chain could be erased (migration v13): its former hash.
    public var legacyHash: String?

    package init(row: StoreRow) throws {
        id = row["id"]
        at = row["at"]
        agentID = row["agent_id"]
        kind = row["kind"]
        tierID = row["tier_id"]
        dossierID = row.hasColumn("dossier_id") ? row["dossier_id"] : nil
        payload = row["payload"]
        prevHash = row["prev_hash"]
        hash = row["hash"]
        attestation = row.hasColumn("attestation") ? row["attestation"] : nil
        contentDigest = row.hasColumn("content_digest") ? row["content_digest"] : nil
        contentSalt = row.hasColumn("content_salt") ? row["content_salt"] : nil
        legacyHash = row.hasColumn("legacy_hash") ? row["legacy_hash"] : nil
    }

    /// Whether the event's personal content was erased (retention or a person's request): its
    /// payload and tier are gone, its digest stays in the chain.
    public var isErased: Bool { contentDigest != nil && contentSalt == nil }

    /// The French label of the event's kind (or its code when unknown).
    public var kindLabel: String { EventKind(rawValue: kind)?.label ?? kind }
}
