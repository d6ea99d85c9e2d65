extension AttestedTable {
    /// A row of this table named in French from its key (`12`, `12/3`, `7/justificatif`...).
    func describe(key: String) -> String {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        func part(_ index: Int) -> String { index < parts.count ? parts[index] : "?" }
        switch name {
        case "tier": return "fiche n° \(part(0))"
        case "fact_record": return "faits n° \(part(1)) de la fiche n° \(part(0))"
        case "relation": return "relation « \(part(1)) » de la fiche n° \(part(0)) vers la fiche n° \(part(2))"
        case "document": return "pièce n° \(part(0))"
        case "document_owner": return "pièce n° \(part(1)) de la fiche n° \(part(0))"
        case "dossier": return "dossier n° \(part(0))"
        case "dossier_piece": return "pièce « \(part(1)) » du dossier n° \(part(0))"
        case "dossier_document": return "pièce n° \(part(1)) jointe au dossier n° \(part(0))"
        case "agent": return "agent n° \(part(0))"
        case "dossier_note": return "note interne n° \(part(0))"
        case "tier_restriction": return "limitation n° \(part(0))"
        case "tier_merge": return "fusion de fiches n° \(part(0))"
        case "inactive_tier_review": return "revue de fiche inactive n° \(part(0))"
        case "match_parameters": return "paramètres du score de doublons"
        case "draft": return "brouillon n° \(part(0))"
        case "detached_row": return "ligne détachée n° \(part(0))"
        case "event_detachment": return "détachement de l'événement n° \(part(0))"
        default: return "\(label) \(key)"
        }
    }

    /// The rows whose first key falls in `bucket`, in French (« fiches n° 1024 à 2047 »).
    func describe(bucket: Int64) -> String {
        let first = bucket * Self.bucketWidth, last = first + Self.bucketWidth - 1
        switch name {
        case "tier": return "fiches n° \(first) à \(last)"
        case "fact_record": return "faits des fiches n° \(first) à \(last)"
        case "relation": return "relations des fiches n° \(first) à \(last)"
        case "document_owner": return "propriétaires de pièces des fiches n° \(first) à \(last)"
        case "dossier_piece": return "pièces demandées des dossiers n° \(first) à \(last)"
        case "dossier_document": return "pièces jointes des dossiers n° \(first) à \(last)"
        case "dossier": return "dossiers n° \(first) à \(last)"
        case "document": return "pièces n° \(first) à \(last)"
        case "agent": return "agents n° \(first) à \(last)"
        case "tier_restriction": return "limitations n° \(first) à \(last)"
        default: return "\(label) n° \(first) à \(last)"
        }
    }
}
