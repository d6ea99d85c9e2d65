import ArgumentParser
import Foundation
import GuichetCommandLine
import GuichetTUI
import SIMSModel

/// `guichet restaurer DIR`: puts a backup of this register back, after checking it, when no
/// agent is connected; `--forcer` (root) puts back any other, and the journal records it.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restaurer",
        abstract: "Remet une sauvegarde en place, après l'avoir vérifiée, quand aucun agent n'est connecté (administrateurs).",
        discussion: """
            Vérifie chaque fichier contre MANIFEST.sha256, puis la base comme « guichet check » ; refuse tant \
            qu'un autre guichet travaille sur la base (il les nomme). Refuse aussi une sauvegarde qui n'est pas \
            une copie de ce registre : non scellée par la clé de cet hôte (BASE.cle-sceau), d'un autre registre, \
            ou dont la chaîne ne prolonge pas la dernière ancre (BASE.ancres). Root peut la forcer (--forcer) : \
            le forçage est enregistré dans le journal d'audit et ancré. La base remplacée est gardée à côté : \
            BASE.avant-restauration-AAAAMMJJ-HHMMSS.
            """)

    @OptionGroup var store: StoreOptions
    @Flag(name: .customLong("forcer"), help: "Remet la sauvegarde même si elle n'est pas une copie de ce registre (root seulement ; enregistré et ancré).")
    var force = false
    @Argument(help: "Le dossier de la sauvegarde (sauvegarde-AAAAMMJJ-HHMMSS).") var dossier: String

    func run() throws {
        try CommandFailure.guarded(writingTo: store.companionPath) {
            // A restoration puts a SQLite file back; a PostgreSQL register is refused, nothing touched.
            let path = try StoreLocation.filePath(store.path)
            let forcedBy = force ? try Self.forcingAccount(storePath: path, environment: store.environment) : nil
            if forcedBy == nil, FileManager.default.fileExists(atPath: path) {
                // A store that still opens is restored by an administrator (or its owner).
                let opened = try BackupCommand.authorized(store, to: "restaurer une sauvegarde")
                try opened.close()
            }
            let folder = HostEnvironment.actingForAgent ? try Self.ownBackup(dossier, storePath: path) : dossier
            let backups = (folder as NSString).deletingLastPathComponent
            BackupCommand.removeLeftovers(backupsIn: backups.isEmpty ? "." : backups, storePath: path)
            let line = ProgressLine(label: "Restauration")
            let restored = try StoreBackup.restore(from: folder, to: path, forcedBy: forcedBy) {
                line.update($0, done: $1, total: $2, unit: "fichiers")
            }
            line.finish()
            print("Sauvegarde \(ShownText.escaped(folder, limit: 200)) remise en place : \(path)")
            print("  \(restored.events) événements (chaîne intacte), \(restored.documents) fichiers de pièces")
            if let previous = restored.previous { print("  la base remplacée est gardée : \(previous)") }
            if !restored.forcedOver.isEmpty {
                WrappedText.lines("  restauration forcée par \(forcedBy ?? "?") malgré : " + restored.forcedOver.joined(separator: " ; ")
                                  + " ; le journal d'audit l'enregistre.", width: 80).forEach { print($0) }
            }
            if let anchor = restored.anchor {
                print("  ancre écrite hors de la base (\(AnchorLog(storePath: path).path) et journal du système) :")
                print("  \(anchor.line)")
            }
        }
    }

    /// For an agent on a shared host, the backup named `name` in the store's own folder of
    /// backups (``BackupCommand/defaultFolder(storePath:environment:)``), which only the
    /// service account writes: an agent's folder (of links, of a
    /// register built elsewhere) is never opened.
    static func ownBackup(_ name: String, storePath: String) throws -> String {
        let backups = BackupCommand.defaultFolder(storePath: storePath)
        let given = name.hasSuffix("/") ? String(name.dropLast()) : name
        let last = (given as NSString).lastPathComponent
        let parent = (given as NSString).deletingLastPathComponent
        let named = last.hasPrefix(StoreBackup.prefix) && last.dropFirst(StoreBackup.prefix.count).allSatisfy { $0.isNumber || $0 == "-" }
        guard named, parent.isEmpty || parent == backups else {
            throw ValidationError(field: nil, message: "ici, une sauvegarde se désigne par son nom, par ex. « guichet restaurer "
                + "sauvegarde-20261207-020000 », parmi celles de \(backups) ; une sauvegarde d'ailleurs ne peut être restaurée "
                + "que par root (sudo -u COMPTE_DE_SERVICE guichet restaurer DOSSIER).")
        }
        let folder = backups + "/" + last
        var info = stat()
        guard lstat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw ValidationError(field: nil, message: "aucune sauvegarde « \(last) » dans \(backups) : "
                + "« ls » n'y a pas accès ; demandez la liste à l'administrateur du serveur.")
        }
        return folder
    }

    /// Who may force a restoration: root, or the account that owns the store acting for itself
    /// (a single agent's own store, which it could replace by hand anyway); never an agent
    /// through sudo.
    static func forcingAccount(storePath: String, environment: [String: String]) throws -> String {
        if getuid() == 0 { return "root" }
        var info = stat()
        let folder = (storePath as NSString).deletingLastPathComponent
        let owner = stat(storePath, &info) == 0 || stat(folder.isEmpty ? "." : folder, &info) == 0 ? info.st_uid : uid_t.max
        if owner == geteuid(), (environment["SUDO_USER"] ?? "").isEmpty, !HostEnvironment.actingForAgent {
            return getpwuid(geteuid()).map { String(cString: $0.pointee.pw_name) } ?? "uid \(geteuid())"
        }
        throw ValidationError(field: nil, message: "--forcer est réservé à root : une sauvegarde qui n'est pas une copie de ce "
            + "registre ne remplace la base que sur sa décision (« sudo -i », puis « guichet restaurer --forcer DOSSIER »).")
    }
}
