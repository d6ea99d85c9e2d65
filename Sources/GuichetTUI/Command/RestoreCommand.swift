import ArgumentParser
import Foundation
import SIMSModel

/// `guichet restaurer DIR`: puts a backup back, after checking it, when no agent is connected.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restaurer",
        abstract: "Remet une sauvegarde en place, après l'avoir vérifiée, quand aucun agent n'est connecté (administrateurs).",
        discussion: """
            Vérifie chaque fichier contre MANIFEST.sha256, puis la base comme « guichet check » ; refuse tant \
            qu'un autre guichet travaille sur la base (il les nomme). La base remplacée est gardée à côté : \
            BASE.avant-restauration-AAAAMMJJ-HHMMSS.
            """)

    @OptionGroup var store: StoreOptions
    @Argument(help: "Le dossier de la sauvegarde (sauvegarde-AAAAMMJJ-HHMMSS).") var dossier: String

    func run() throws {
        try CommandFailure.guarded(writingTo: store.path) {
            let path = store.path
            if FileManager.default.fileExists(atPath: path) {
                // A store that still opens is restored by an administrator (or its owner).
                let opened = try BackupCommand.authorized(store, to: "restaurer une sauvegarde")
                try opened.close()
            }
            let backups = (dossier as NSString).deletingLastPathComponent
            BackupCommand.removeLeftovers(backupsIn: backups.isEmpty ? "." : backups, storePath: path)
            let line = ProgressLine(label: "Restauration")
            let restored = try StoreBackup.restore(from: dossier, to: path) {
                line.update($0, done: $1, total: $2, unit: "fichiers")
            }
            line.finish()
            print("Sauvegarde \(dossier) remise en place : \(path)")
            print("  \(restored.events) événements (chaîne intacte), \(restored.documents) fichiers de pièces")
            if let previous = restored.previous { print("  la base remplacée est gardée : \(previous)") }
        }
    }
}
