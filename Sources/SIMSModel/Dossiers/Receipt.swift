/// The récépissé handed to the citizen when a dossier is submitted.
public struct Receipt: Sendable, Equatable {
    public var number: String
    public var trackingCode: String
    public var procedureCode: String
    public var procedureTitle: String
    public var applicantName: String
    public var beneficiaryName: String?
    /// When the dossier was submitted (stored timestamp, UTC).
    public var submittedAt: String
    /// The date a decision is due.
    public var dueOn: CalendarDate
    /// The pieces received, each with how (« réutilisée : ... », « remise au guichet »).
    public var received: [String]
    /// The pieces still to provide.
    public var missing: [String]
    /// The agent who received the dossier.
    public var agentName: String

    public init(number: String, trackingCode: String, procedureCode: String, procedureTitle: String,
                applicantName: String, beneficiaryName: String?, submittedAt: String, dueOn: CalendarDate,
                received: [String], missing: [String], agentName: String) {
        self.number = number
        self.trackingCode = trackingCode
        self.procedureCode = procedureCode
        self.procedureTitle = procedureTitle
        self.applicantName = applicantName
        self.beneficiaryName = beneficiaryName
        self.submittedAt = submittedAt
        self.dueOn = dueOn
        self.received = received
        self.missing = missing
        self.agentName = agentName
    }

    /// The récépissé as printable plain text (also what the screen shows).
    public var text: String {
        var lines = [
            "PROVINCE SUD - Dites-le nous une fois",
            "RÉCÉPISSÉ DE DÉPÔT",
            "",
            "Dossier n° : \(number)",
            "Code de suivi : \(trackingCode)",
            "Démarche : \(procedureTitle) (\(procedureCode))",
            "Demandeur : \(applicantName)",
        ]
        if let beneficiaryName { lines.append("Bénéficiaire : \(beneficiaryName)") }
        lines.append("Déposé le : \(Timestamp.french(submittedAt))")
        lines.append("Réponse attendue au plus tard le : \(dueOn.french)")
        lines.append("")
        lines.append("Pièces reçues :")
        lines += received.isEmpty ? ["  (aucune)"] : received.map { "  - " + $0 }
        lines.append("Pièces manquantes :")
        lines += missing.isEmpty ? ["  (aucune)"] : missing.map { "  - " + $0 }
        if !missing.isEmpty {
            lines.append("Les pièces manquantes sont à fournir pour que le dossier soit instruit.")
        }
        lines.append("")
        lines.append("Reçu par : \(agentName)")
        lines.append("Conservez ce récépissé : le code de suivi permet de suivre votre dossier.")
        return lines.joined(separator: "\n") + "\n"
    }
}
