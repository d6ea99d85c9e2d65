import Foundation
@testable import SIMSModel

/// Procedures and a submitted dossier built in code for the screen tests (exact texts, whatever
/// the repository's `procedures/` files say).
enum ScreenProcedures {
    static func applicantField(_ field: TierField, required: Bool = true) -> ProcedureField {
        ProcedureField(key: "demandeur.\(field.rawValue)", label: field.label, binding: .applicant(field),
                       type: .tierField(field), required: required)
    }

    static let schoolGrant = Procedure(
        code: "BS", title: "Demande de bourse scolaire", applicantKind: .person,
        beneficiary: BeneficiaryRule(label: "Enfant", relations: [.legalRepresentative, .parent]),
        sheet: ProcedureSheet(
            eligibility: """
                Le parent ou le représentant légal d'un enfant scolarisé de la maternelle
                à la terminale dans un établissement de la province Sud, dont les
                ressources ne dépassent pas le plafond fixé chaque année.
                """,
            benefit: "Une aide aux frais de demi-pension, d'internat et de transport scolaire.",
            pieces: """
                - une pièce d'identité du parent ;
                - un justificatif de domicile de moins de 3 mois ;
                - le certificat de scolarité de l'enfant.
                """,
            deadlines: "Demandes de septembre à fin novembre. Décision sous 45 jours après le dépôt du dossier complet."),
        fields: [applicantField(.birthName), applicantField(.givenNames),
                 ProcedureField(key: "beneficiaire.nom_naissance", label: "Nom de l'enfant",
                                binding: .beneficiary(.birthName), type: .tierField(.birthName), required: true),
                 ProcedureField(key: "classe", label: "Classe", binding: .local, type: .text(maxLength: 20), required: true)],
        pieces: [PieceRequirement(key: "identite", documentType: .identityDocument),
                 PieceRequirement(key: "domicile", documentType: .proofOfAddress, maxAgeDays: 92),
                 PieceRequirement(key: "scolarite", documentType: .schoolCertificate, maxAgeDays: 366, concerns: .beneficiary)],
        reviewLevels: 2, deadlineDays: 45, retentionYears: 10, sourceFile: "procedures/bourse-scolaire.yaml")

    static let renewal = Procedure(
        code: "RBS", title: "Renouvellement de bourse scolaire", applicantKind: .person,
        beneficiary: BeneficiaryRule(label: "Enfant", relations: [.legalRepresentative, .parent]), renews: ["BS", "RBS"],
        sheet: ProcedureSheet(eligibility: "Les familles dont l'enfant a eu une bourse scolaire l'an dernier.",
                              benefit: "La bourse pour une année de plus.", pieces: "- le certificat de scolarité.",
                              deadlines: "Décision sous 30 jours."),
        fields: schoolGrant.fields,
        pieces: [PieceRequirement(key: "scolarite", documentType: .schoolCertificate, maxAgeDays: 366, concerns: .beneficiary)],
        reviewLevels: 2, deadlineDays: 30, retentionYears: 10)

    static let higherEducation = Procedure(
        code: "BES", title: "Bourse d'études supérieures", applicantKind: .person,
        sheet: ProcedureSheet(eligibility: "Les étudiants de moins de 28 ans domiciliés en province Sud.",
                              benefit: "Une aide mensuelle pendant l'année universitaire.",
                              pieces: "- une pièce d'identité ;\n- le certificat d'inscription.",
                              deadlines: "Décision sous 60 jours."),
        fields: [applicantField(.birthName), applicantField(.givenNames), applicantField(.birthDate),
                 ProcedureField(key: "formation", label: "Formation suivie", binding: .local, type: .text(maxLength: 80),
                                required: true)],
        pieces: [PieceRequirement(key: "identite", documentType: .identityDocument),
                 PieceRequirement(key: "rib", documentType: .bankDetails, required: false)],
        reviewLevels: 1, deadlineDays: 60, retentionYears: 5)

    static let drinkLicence = Procedure(
        code: "LDB", title: "Licence de débit de boissons", applicantKind: .organisation,
        sheet: ProcedureSheet(eligibility: "Les entreprises qui vendent des boissons à consommer sur place.",
                              benefit: "La licence d'exploitation.", pieces: "- l'extrait RIDET.",
                              deadlines: "Décision sous 90 jours."),
        fields: [ProcedureField(key: "enseigne", label: "Enseigne", binding: .local, type: .text(maxLength: 80), required: true)],
        pieces: [],
        reviewLevels: 2, deadlineDays: 90, retentionYears: 10)

    static let catalog = ProcedureCatalog(procedures: [schoolGrant, renewal, higherEducation, drinkLicence])

    /// The dossier BS-2026-000001 just submitted for Hélène Wamytan's daughter.
    static func submitted(missing: [String] = ["Certificat de scolarité (enfant)"]) -> SubmittedDossier {
        let receipt = Receipt(
            number: "BS-2026-000001", trackingCode: "K7P-3QX", procedureCode: "BS",
            procedureTitle: "Demande de bourse scolaire", applicantName: "WAMYTAN Hélène", beneficiaryName: "WAMYTAN Léa",
            submittedAt: "2026-11-28T23:00:00.000Z", dueOn: CalendarDate(year: 2027, month: 1, day: 13)!,
            received: ["Pièce d'identité : déjà fournie (carte d'identité du 02/03/2022, valable jusqu'au 01/03/2032)",
                       "Justificatif de domicile : remise au guichet"],
            missing: missing, agentName: "Marie Gorodey")
        let dossier = Dossier(
            id: 1, number: receipt.number, trackingCode: receipt.trackingCode, procedureCode: "BS",
            procedureTitle: receipt.procedureTitle, applicantID: 1, applicantVersion: 1, beneficiaryID: 2,
            beneficiaryVersion: 1, state: .submitted, answers: [:], createdBy: 2, createdAt: receipt.submittedAt,
            updatedAt: receipt.submittedAt, submittedAt: receipt.submittedAt, dueOn: "2027-01-13")
        return SubmittedDossier(dossier: dossier, receipt: receipt)
    }

    /// A temporary folder, removed by the caller.
    static func temporaryDirectory(_ prefix: String) throws -> String {
        let directory = NSTemporaryDirectory() + prefix + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    /// A print command (an executable script) that copies the file it is given to `copy`, or
    /// fails with a message on standard error when `failing`.
    static func printScript(in directory: String, copyingTo copy: String, failing: Bool = false) throws -> String {
        let path = directory + "/fake-lp"
        let body = failing
            ? "#!/bin/sh\necho \"lp: imprimante hors ligne\" >&2\nexit 1\n"
            : "#!/bin/sh\nfor last; do :; done\ncp \"$last\" \"\(copy)\"\necho \"$@\" > \"\(copy).args\"\n"
        try body.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }
}
