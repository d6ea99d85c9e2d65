/// The kinds of supporting documents (« pièces justificatives ») SIMS knows, each with its
/// default validity.
///
/// The raw value is the code used in procedure files and in the store.
public enum DocumentType: String, Sendable, Codable, CaseIterable {
    case identityDocument = "piece_identite"
    case proofOfAddress = "justificatif_domicile"
    case taxNotice = "avis_imposition"
    case incomeStatement = "justificatif_revenus"
    case familyRecordBook = "livret_famille"
    case schoolCertificate = "certificat_scolarite"
    case schoolReport = "bulletin_scolaire"
    case enrolmentCertificate = "attestation_inscription"
    case bankDetails = "rib"
    case ridetNotice = "avis_ridet"
    case companyStatutes = "statuts"
    case criminalRecord = "casier_judiciaire"
    case trainingCertificate = "attestation_formation"
    case leaseOrTitle = "bail"
    case vaccinationRecord = "carnet_vaccination"
    case photo = "photo"
    case other = "autre"

    /// The French label.
    public var label: String {
        switch self {
        case .identityDocument: return "Pièce d'identité"
        case .proofOfAddress: return "Justificatif de domicile"
        case .taxNotice: return "Avis d'imposition"
        case .incomeStatement: return "Justificatif de revenus"
        case .familyRecordBook: return "Livret de famille"
        case .schoolCertificate: return "Certificat de scolarité"
        case .schoolReport: return "Bulletin scolaire"
        case .enrolmentCertificate: return "Attestation d'inscription"
        case .bankDetails: return "Relevé d'identité bancaire"
        case .ridetNotice: return "Avis de situation RIDET"
        case .companyStatutes: return "Statuts de la société"
        case .criminalRecord: return "Extrait de casier judiciaire"
        case .trainingCertificate: return "Attestation de formation"
        case .leaseOrTitle: return "Bail ou titre de propriété"
        case .vaccinationRecord: return "Carnet de vaccination"
        case .photo: return "Photo d'identité"
        case .other: return "Autre pièce"
        }
    }

    /// How long a document of this type stays valid after its issue date, in days, when its
    /// validity is not printed on it. nil: valid until its own expiry date, or without limit.
    public var defaultValidityDays: Int? {
        switch self {
        case .proofOfAddress: return 92
        case .incomeStatement: return 92
        case .taxNotice: return 731
        case .schoolCertificate, .enrolmentCertificate, .schoolReport: return 366
        case .ridetNotice: return 92
        case .criminalRecord: return 92
        case .photo: return 183
        case .identityDocument, .familyRecordBook, .bankDetails, .companyStatutes, .trainingCertificate,
             .leaseOrTitle, .vaccinationRecord, .other:
            return nil
        }
    }
}
