/// A dossier just submitted, with the récépissé to hand over.
public struct SubmittedDossier: Sendable, Equatable {
    public var dossier: Dossier
    public var receipt: Receipt

    public init(dossier: Dossier, receipt: Receipt) {
        self.dossier = dossier
        self.receipt = receipt
    }
}
