/// Which fields of a tier each type of document proves, and why a document cannot prove a fact.
///
/// An identity document or a livret de famille proves a person's names, sexe, birth date and
/// place; a justificatif de domicile, a bail or an avis d'imposition the address; an avis de
/// situation RIDET an organisation's identity and address; a RIB, a school certificate or a photo
/// prove nothing of the register.
///
/// ```swift
/// DocumentProof.fields(provenBy: .identityDocument)   // [.birthName, .usageName, .givenNames, ...]
/// DocumentProof.refusal(rib, proving: [.birthDate], of: tier.id, today: today)
/// // "Un relevé d'identité bancaire (RIB) ne prouve pas la date de naissance : ..."
/// ```
public enum DocumentProof {
    private static let personIdentity: [TierField] = [.birthName, .usageName, .givenNames, .sex, .birthDate, .birthPlace]
    private static let address: [TierField] = [.address, .commune, .postalCode]

    /// The fields a document of this type proves, in form order.
    public static func fields(provenBy type: DocumentType) -> [TierField] {
        switch type {
        case .identityDocument, .familyRecordBook: return personIdentity
        case .proofOfAddress, .leaseOrTitle, .taxNotice: return address
        case .ridetNotice: return [.companyName, .ridet, .legalForm] + address
        case .companyStatutes: return [.companyName, .legalForm]
        case .incomeStatement, .schoolCertificate, .schoolReport, .enrolmentCertificate, .bankDetails, .criminalRecord,
             .trainingCertificate, .vaccinationRecord, .photo, .other:
            return []
        }
    }

    /// Whether a document of this type proves the field.
    public static func proves(_ type: DocumentType, _ field: TierField) -> Bool {
        fields(provenBy: type).contains(field)
    }

    /// The types of documents that prove a field.
    public static func types(proving field: TierField) -> [DocumentType] {
        DocumentType.allCases.filter { proves($0, field) }
    }

    /// Whether the document is past its validity on `today` (its own end, or its type's default).
    public static func isExpired(_ document: Document, today: CalendarDate) -> Bool {
        guard let end = document.effectiveValidUntil else { return false }
        return end < today
    }

    /// Why `document` cannot prove `fields` of the tier `tierID` on `today` (a French sentence that
    /// says what to do instead), or nil when it can.
    public static func refusal(_ document: Document, proving fields: [TierField], of tierID: Int64,
                               today: CalendarDate) -> String? {
        guard document.ownerIDs.contains(tierID) else {
            return "La pièce « \(document.summary) » n'appartient pas à ce tiers : choisissez une pièce de sa fiche ou numérisez-la."
        }
        if isExpired(document, today: today), let end = document.effectiveValidUntil {
            return "La pièce « \(document.summary) » n'est plus valable depuis le \(end.adding(days: 1).french) : "
                + "une pièce périmée ne prouve rien ; numérisez une pièce en cours de validité."
        }
        let unproven = fields.filter { !proves(document.type, $0) }
        guard let first = unproven.first else { return nil }
        let names = unproven.map(\.withArticle)
        let list = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " ni " + names.last!
        let article = document.type.withArticle
        let proving = types(proving: first).map(\.withArticle)
        let hint = proving.isEmpty
            ? "aucune pièce ne prouve ce fait."
            : "choisissez " + (proving.count == 1 ? proving[0] : proving.dropLast().joined(separator: ", ") + " ou " + proving.last!) + "."
        return article.prefix(1).uppercased() + article.dropFirst() + " ne prouve pas \(list) : " + hint
    }
}
