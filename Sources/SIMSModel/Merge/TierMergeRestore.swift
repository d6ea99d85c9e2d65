import Foundation

/// What a merge changed, kept in its `tier_merge` row so that undoing it puts both records back
/// exactly as they were: the fact records it copied onto the survivor, the rows it moved, and the
/// survivor's summary row before the merge.
struct TierMergeRestore: Codable, Equatable, Sendable {
    /// A relation of the absorbed record as it was (its creation time and event kept).
    struct RelationRow: Codable, Equatable, Sendable {
        var tierID: Int64
        var kind: String
        var relatedID: Int64
        var createdAt: String
        var eventID: Int64
    }

    /// A dossier moved to the survivor: which side, and the version it quoted.
    struct MovedDossier: Codable, Equatable, Sendable {
        var dossierID: Int64
        var beneficiary: Bool
        var tierVersion: Int?
    }

    /// A tier form in progress on the absorbed record.
    struct MovedDraft: Codable, Equatable, Sendable {
        var draftID: Int64
        var tierVersion: Int?
    }

    /// Seqs of the survivor's fact records written by the merge (copies and promoted facts).
    var factSeqs: [Int] = []
    /// Seqs of those that carry a fact of the absorbed record made current.
    var promotedSeqs: [Int] = []
    /// The absorbed record's relations, as they were.
    var relations: [RelationRow] = []
    /// The survivor's relations the merge added (same keys as in `relation`).
    var addedRelations: [RelationRow] = []
    /// Documents the absorbed record owned.
    var documents: [Int64] = []
    /// Of those, the ones the survivor did not own before.
    var addedDocuments: [Int64] = []
    var dossiers: [MovedDossier] = []
    var drafts: [MovedDraft] = []
    /// The survivor's `updated_at` before the merge.
    var survivorUpdatedAt: String

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    static func decode(_ json: String) throws -> TierMergeRestore {
        try JSONDecoder().decode(TierMergeRestore.self, from: Data(json.utf8))
    }
}
