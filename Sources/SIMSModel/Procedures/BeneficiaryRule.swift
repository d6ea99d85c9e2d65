/// Who a dossier is for when it is not the applicant, and how the beneficiary is found among
/// the applicant's relations.
///
/// For a school grant the beneficiary is a child: a person whose représentant légal or parent is
/// the applicant (`relations: [.legalRepresentative, .parent]`).
public struct BeneficiaryRule: Sendable, Equatable {
    /// The French label: « Enfant », « Élève ».
    public var label: String
    /// The relations that link a beneficiary to the applicant: a person is offered when it has a
    /// relation of one of these kinds whose related tier is the applicant.
    public var relations: [RelationKind]

    public init(label: String, relations: [RelationKind]) {
        self.label = label
        self.relations = relations
    }
}
