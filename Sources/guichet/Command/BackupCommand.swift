import ArgumentParser
import Foundation
import GuichetCommandLine
import SIMSModel

/// `guichet sauvegarde [--vers DIR] [--garder N]`: a checked backup of the store and its
/// documents while agents work, keeping the last N.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sauvegarde",
        abstract: "Sauvegarde la base et ses pièces pendant que les agents travaillent (administrateurs).",
        discussion: """
            Crée dans DIR un dossier daté sauvegarde-AAAAMMJJ-HHMMSS (droits 0700) : la base copiée par la \
            sauvegarde en ligne de SQLite, les fichiers des pièces, et MANIFEST.sha256 (vérifiable par \
            « sha256sum -c »). La copie est vérifiée comme par « guichet check » avant de recevoir son nom ; \
            seules les N dernières sauvegardes de DIR sont gardées. Le dossier est scellé (fichier SCEAU : \
            HMAC-SHA256 avec la clé de cet hôte, BASE.cle-sceau, qui ne quitte jamais l'hôte) et la tête de la \
            chaîne est écrite hors de la base (BASE.ancres et journal du système).
            """)

    @OptionGroup var store: StoreOptions
    @Option(name: .long, help: "Dossier des sauvegardes (par défaut GUICHET_SAUVEGARDES, sinon « sauvegardes » à côté de la base).")
    var vers: String?
    @Option(name: .long, help: "Nombre de sauvegardes gardées dans le dossier (les plus anciennes sont supprimées).")
    var garder = 14

    /// The default folder of backups: `GUICHET_SAUVEGARDES` (on a shared host, the
    /// administrator's file sets it), else `sauvegardes` beside the store.
    static func defaultFolder(storePath: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let chosen = environment["GUICHET_SAUVEGARDES"], chosen.hasPrefix("/") {
            return chosen.count > 1 && chosen.hasSuffix("/") ? String(chosen.dropLast()) : chosen
        }
        let folder = (storePath as NSString).deletingLastPathComponent
        return (folder.isEmpty ? "." : folder) + "/sauvegardes"
    }

    func run() throws {
        // A full disk names the backups' folder and what a copy of the store takes at least.
        let storeBytes = ["", "-wal"].compactMap {
            (try? FileManager.default.attributesOfItem(atPath: store.companionPath + $0))?[.size] as? Int64
        }.reduce(0, +)
        try CommandFailure.guarded(writingTo: vers ?? Self.defaultFolder(storePath: store.companionPath), needed: storeBytes) {
            if vers != nil, HostEnvironment.actingForAgent {
                throw ValidationError(field: nil, message: "--vers n'est pas permis ici : les sauvegardes vont dans "
                    + "\(Self.defaultFolder(storePath: store.companionPath)), hors de portée des agents. Relancez sans --vers ; pour un autre "
                    + "dossier, root lance « sudo -u COMPTE_DE_SERVICE guichet sauvegarde --vers DOSSIER ».")
            }
            let opened = try BackupCommand.authorized(store, to: "sauvegarder la base")
            let folder = vers ?? Self.defaultFolder(storePath: opened.path)
            Self.removeLeftovers(backupsIn: folder, storePath: opened.path)
            let line = ProgressLine(label: "Sauvegarde")
            let report = try StoreBackup.take(opened, into: folder, keep: garder) {
                line.update($0, done: $1, total: $2, unit: $0 == "base" ? "pages" : "octets")
            }
            line.finish()
            print("Sauvegarde vérifiée : \(report.folder)")
            print("  \(report.events) événements (chaîne intacte), \(report.documents) fichiers de pièces, \(FileSize.french(report.bytes))")
            print("  scellée avec la clé de cet hôte ; ancre écrite hors de la base (\(AnchorLog(storePath: opened.path).path)) :")
            print("  \(report.anchor.line)")
            for removed in report.removed { print("  ancienne sauvegarde supprimée : \(removed)") }
        }
    }

    /// Removes, saying so, what killed backups and restorations left (once their process is gone).
    static func removeLeftovers(backupsIn folder: String, storePath: String) {
        for partial in StoreBackup.removeLeftovers(ofBackupsIn: folder) {
            print("Sauvegarde interrompue supprimée : \(ShownText.escaped(partial, limit: 200))")
        }
        for copy in StoreBackup.removeLeftovers(ofRestoresBeside: storePath) {
            print("Copie d'une restauration interrompue supprimée : \(ShownText.escaped(copy, limit: 200))")
        }
    }

    /// Opens the store for an administrator's command: the account that owns the store acting
    /// for itself (its crontab or systemd timer, or a single-user store) may; through sudo, only
    /// an agent holding the administrateur role.
    static func authorized(_ store: StoreOptions, to action: String) throws -> SIMSStore {
        var info = stat()
        if stat(store.companionPath, &info) == 0, info.st_uid == geteuid(), store.environment["SUDO_USER"] == nil {
            return try store.open()
        }
        let (opened, agent) = try store.session()
        try AgentService.require(agent, .administrator, to: action)
        return opened
    }
}
