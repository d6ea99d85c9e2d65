/// A brouillon dossier as listed on the agent's home screen.
public struct DossierDraftSummary: Sendable, Equatable {
    public var dossierID: Int64
    public var procedureCode: String
    public var procedureTitle: String
    public var applicantName: String
    public var beneficiaryName: String?
    public var updatedAt: String

    /// « BS · WAMYTAN Hélène (enfant : WAMYTAN Léa) ».
    public var summary: String {
        "\(procedureCode) · \(applicantName)" + (beneficiaryName.map { " (pour \($0))" } ?? "")
    }
}
