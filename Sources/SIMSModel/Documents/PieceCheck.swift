/// One line of a dossier's pieces checklist: a required piece, the documents on file that still
/// satisfy it, and what is proposed.
public struct PieceCheck: Sendable, Equatable {
    public var requirement: PieceRequirement
    /// Documents of the concerned tier that satisfy the piece (right type, recent and valid
    /// enough), newest first: offered for reuse.
    public var reusable: [Document]

    public init(requirement: PieceRequirement, reusable: [Document]) {
        self.requirement = requirement
        self.reusable = reusable
    }

    /// What the checklist proposes before the agent decides: reuse the newest document on file,
    /// else the piece is missing.
    public var proposed: PieceStatus {
        reusable.first.map { .reused(documentID: $0.id) } ?? .missing
    }
}
