import Foundation

/// The register of processing (« registre des activités de traitement », RGPD article 30)
/// generated from the procedures of the catalogue and from what the store really does to protect
/// the data: `guichet rgpd registre` prints it (``ProcessingRegisterText``); an administrator runs
/// it again after changing a procedure.
///
/// ```swift
/// let register = ProcessingRegister(catalog: catalog, storePath: store.path, madeOn: store.clock.today())
/// print(ProcessingRegisterText.render(register, markdown: false))
/// ```
public struct ProcessingRegister: Sendable, Equatable {
    /// One activity per procedure, in catalogue order.
    public var activities: [ProcessingActivity]
    /// The security measures of the store, each one sentence.
    public var measures: [String]
    public var madeOn: CalendarDate

    public init(catalog: ProcedureCatalog, storePath: String, madeOn: CalendarDate) {
        activities = catalog.procedures.map(ProcessingActivity.init)
        measures = Self.measures(storePath: storePath)
        self.madeOn = madeOn
    }

    /// What the code does, and the modes the store's files have now.
    static func measures(storePath: String) -> [String] {
        let attested = AttestedTable.all.map(\.name).joined(separator: ", ")
        var measures = [
            "Une seule base SQLite sur un hôte, propriété d'un compte de service sans mot de passe ni shell ; "
                + "les agents n'y accèdent que par le programme guichet (sudo), identifiés par leur login système "
                + "et limités par leurs rôles (agent d'accueil, instructeur, superviseur, administrateur).",
            "Chaque fichier est créé avec un mode explicite : dossiers 0700, fichiers 0600 (base, journal WAL, "
                + "pièces, récépissés, exports, sauvegardes), umask 077 ; guichet serveur verifier signale tout écart.",
            "Journal d'audit chaîné (SHA-256) : chaque écriture enregistre son événement dans la même transaction ; "
                + "les lignes des tables \(attested) sont attestées par l'événement qui les écrit ; "
                + "guichet check vérifie la chaîne et chaque ligne, guichet check --ancre en donne la tête à garder hors de la base.",
            "Chaque consultation d'une fiche (fiche, instruction, saisie, export) est enregistrée avec l'agent, la date et "
                + "le contexte ; guichet rgpd consultations les restitue à la personne.",
            "Limitation du traitement : une fiche limitée ne se consulte qu'avec un motif, enregistré.",
            "Durées de conservation appliquées chaque nuit (guichet rgpd purger) : un dossier clos est effacé au terme de la "
                + "durée en vigueur à sa décision ; il n'en reste que son numéro, sa démarche et ses dates.",
            "Effacement à la demande de la personne (Ctrl+E sur sa fiche, guichet rgpd effacer) : ce qu'aucune durée de "
                + "conservation ne garde est effacé, ce qui reste est dit avec sa date ; le journal prouve l'effacement sans "
                + "garder le contenu effacé.",
            "Pièces justificatives rangées par leur empreinte SHA-256, vérifiée par guichet check et à chaque sauvegarde.",
            "Sauvegardes vérifiées pendant le travail des agents (guichet sauvegarde : copie en ligne, manifeste SHA-256, "
                + "dossier 0700), restauration contrôlée (guichet restaurer) et exercée.",
        ]
        var info = stat()
        if stat(storePath, &info) == 0 {
            let mode = String(info.st_mode & 0o777, radix: 8)
            let folder = (storePath as NSString).deletingLastPathComponent
            var folderInfo = stat()
            let folderMode = stat(folder.isEmpty ? "." : folder, &folderInfo) == 0
                ? String(folderInfo.st_mode & 0o777, radix: 8) : "?"
            measures.append("Constaté à l'édition de ce registre : base en mode 0\(mode), son dossier en mode 0\(folderMode).")
        }
        return measures
    }
}
