import SIMSModel

/// Procedures built in code for the model's tests (the shipped files are tested with their parser).
public enum TestProcedures {
    public static let sheet = ProcedureSheet(eligibility: "Les parents d'élèves.", benefit: "Une aide.", pieces: "Justificatifs.",
                                      deadlines: "45 jours.")

    public static func bound(_ side: String, _ field: TierField, required: Bool = false) -> ProcedureField {
        ProcedureField(key: "\(side).\(field.rawValue)", label: (side == "beneficiaire" ? "Enfant : " : "") + field.label,
                       binding: side == "demandeur" ? .applicant(field) : .beneficiary(field), type: .tierField(field),
                       required: required)
    }

    public static var fields: [ProcedureField] {
        [bound("demandeur", .birthName, required: true), bound("demandeur", .givenNames, required: true),
         bound("demandeur", .birthDate, required: true), bound("demandeur", .address, required: true),
         bound("demandeur", .commune, required: true), bound("demandeur", .postalCode, required: true),
         bound("demandeur", .phone, required: true), bound("demandeur", .email),
         bound("beneficiaire", .birthName, required: true), bound("beneficiaire", .givenNames, required: true),
         bound("beneficiaire", .birthDate, required: true), bound("beneficiaire", .sex, required: true),
         ProcedureField(key: "etablissement", label: "Établissement scolaire", binding: .local, type: .text(maxLength: 80), required: true),
         ProcedureField(key: "classe", label: "Classe", binding: .local, type: .choice(["CP", "CE1", "CE2", "CM1", "CM2", "6e"]), required: true),
         ProcedureField(key: "revenus_annuels", label: "Revenus annuels", binding: .local, type: .amount(max: 100_000_000), required: true),
         ProcedureField(key: "internat", label: "Internat", binding: .local, type: .yesNo, required: false)]
    }

    public static var pieces: [PieceRequirement] {
        [PieceRequirement(key: "identite", documentType: .identityDocument),
         PieceRequirement(key: "domicile", documentType: .proofOfAddress, maxAgeDays: 92),
         PieceRequirement(key: "scolarite", documentType: .schoolCertificate, maxAgeDays: 366, concerns: .beneficiary)]
    }

    public static let schoolGrant = Procedure(
        code: "BS", title: "Demande de bourse scolaire", applicantKind: .person,
        beneficiary: BeneficiaryRule(label: "Enfant", relations: [.legalRepresentative, .parent]),
        sheet: sheet, fields: fields, pieces: pieces, reviewLevels: 2, deadlineDays: 45, retentionYears: 10)

    public static let renewal = Procedure(
        code: "RBS", title: "Renouvellement de bourse scolaire", applicantKind: .person,
        beneficiary: BeneficiaryRule(label: "Enfant", relations: [.legalRepresentative, .parent]), renews: ["BS", "RBS"],
        sheet: sheet, fields: fields, pieces: pieces, reviewLevels: 2, deadlineDays: 45, retentionYears: 10)
}
