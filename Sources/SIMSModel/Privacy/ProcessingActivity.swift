import Foundation
/// One activity of the register of processing (« registre des activités de traitement »): what
/// one procedure does with personal data, read from its file.
public struct ProcessingActivity: Sendable, Equatable {
    public var code: String
    public var title: String
    /// What the procedure brings (its fiche's « ce que la démarche apporte »), as paragraphs and
    /// `- ` items.
    public var purpose: [String]
    /// Who the data is about: « le demandeur (une personne) ; bénéficiaire : Enfant (…) ».
    public var dataSubjects: String
    /// The applicant's register fields the form binds (prefilled and written back).
    public var applicantData: [String]
    /// The beneficiary's register fields the form binds.
    public var beneficiaryData: [String]
    /// The fields asked for the dossier only.
    public var dossierData: [String]
    /// The pieces: « Justificatif de domicile (demandeur), de moins de 3 mois ».
    public var pieces: [String]
    /// Who handles the dossiers, by role.
    public var handledBy: [String]
    /// Years a closed dossier is kept.
    public var retentionYears: Int
    /// The procedure file, as named in the catalogue.
    public var sourceFile: String

    /// The activity of `procedure`.
    public init(_ procedure: Procedure) {
        code = procedure.code
        title = procedure.title
        purpose = Self.paragraphs(procedure.sheet.benefit)
        let applicant = procedure.applicantKind == .person ? "une personne" : "une organisation"
        dataSubjects = "le demandeur (\(applicant))" + (procedure.beneficiary.map { rule in
            " ; bénéficiaire : \(rule.label.lowercased()), dont le demandeur est "
                + rule.relations.map { $0.label.lowercased() }.joined(separator: " ou ")
        } ?? "")
        func labels(_ keep: (ProcedureFieldBinding) -> TierField?) -> [String] {
            var seen: Set<TierField> = []
            return procedure.fields.compactMap { keep($0.binding) }.filter { seen.insert($0).inserted }.map(\.label)
        }
        applicantData = labels { if case .applicant(let field) = $0 { return field } else { return nil } }
        beneficiaryData = labels { if case .beneficiary(let field) = $0 { return field } else { return nil } }
        dossierData = procedure.fields.filter { $0.binding == .local }.map(\.label)
        pieces = procedure.pieces.map { ProcedureSheetText.describe($0, in: procedure) }
        handledBy = [
            "agents d'accueil : saisie du dossier et des pièces au guichet",
            procedure.reviewLevels >= 2 ? "instructeurs : instruction et proposition de décision"
                                        : "instructeurs : instruction et décision",
        ]
        if procedure.reviewLevels >= 2 { handledBy.append("superviseurs : validation de la décision (second niveau)") }
        handledBy.append("superviseurs et administrateurs : exports, demandes des personnes (RGPD)")
        retentionYears = procedure.retentionYears
        sourceFile = procedure.sourceFile
    }

    /// The fiche's text as paragraphs: lines joined, a `- ` line starting an item that takes its
    /// indented continuation lines.
    static func paragraphs(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current = ""
        func close() {
            if !current.isEmpty { paragraphs.append(current) }
            current = ""
        }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let item = current.hasPrefix("- ")
            if line.isEmpty || line.hasPrefix("- ") || (item && !raw.hasPrefix(" ")) { close() }
            if !line.isEmpty { current += (current.isEmpty ? "" : " ") + line }
        }
        close()
        return paragraphs
    }
}
