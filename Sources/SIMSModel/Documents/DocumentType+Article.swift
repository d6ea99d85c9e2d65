extension DocumentType {
    /// The type with its indefinite article, inside a sentence: « un relevé d'identité bancaire ».
    public var withArticle: String {
        switch self {
        case .identityDocument: return "une pièce d'identité"
        case .proofOfAddress: return "un justificatif de domicile"
        case .taxNotice: return "un avis d'imposition"
        case .incomeStatement: return "un justificatif de revenus"
        case .familyRecordBook: return "un livret de famille"
        case .schoolCertificate: return "un certificat de scolarité"
        case .schoolReport: return "un bulletin scolaire"
        case .enrolmentCertificate: return "une attestation d'inscription"
        case .bankDetails: return "un relevé d'identité bancaire (RIB)"
        case .ridetNotice: return "un avis de situation RIDET"
        case .companyStatutes: return "des statuts de société"
        case .criminalRecord: return "un extrait de casier judiciaire"
        case .trainingCertificate: return "une attestation de formation"
        case .leaseOrTitle: return "un bail ou titre de propriété"
        case .vaccinationRecord: return "un carnet de vaccination"
        case .photo: return "une photo d'identité"
        case .other: return "une pièce d'un autre type"
        }
    }
}
