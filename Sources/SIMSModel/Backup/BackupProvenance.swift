import Foundation

/// Whether a backup is a copy of the register it would replace: sealed with this host's key
/// (``BackupSeal``), of the same register (``RegisterIdentity``), and with a chain that holds every
/// anchor written for this register (``AnchorLog``), the newest one included. What is wrong is
/// listed in French, one clause each; `guichet restaurer` refuses while there is any, unless root
/// forces it.
///
/// ```swift
/// var provenance = try BackupProvenance(folder: folder, storePath: storePath)
/// provenance.compare(with: try ChainVerifier.verify(copy, anchors: provenance.anchors))
/// if !provenance.objections.isEmpty { … }
/// ```
struct BackupProvenance {
    /// The backup's seal, if it has one.
    let seal: BackupSeal?
    /// The anchors the backup's chain must hold.
    let anchors: [ChainAnchor]
    /// What makes the backup not a copy of this register.
    private(set) var objections: [String] = []
    /// Whether its seal names another register than this host's (its anchors then do not apply).
    private var foreign = false
    /// Whether it is this register's, only older than its last anchor.
    var isOnlyOlder: Bool { objections.count == 1 && older }
    private var older = false

    /// Reads the backup's seal and checks it against this host's key and the register at `storePath`.
    init(folder: String, storePath: String) throws {
        seal = try BackupSeal.read(folder: folder)
        anchors = try AnchorLog(storePath: storePath).binding()
        let keyPath = ShownText.escaped(BackupSealKey.path(storePath: storePath), limit: 200)
        guard let seal else {
            objections.append("elle n'est pas scellée : prise par une version de Guichet antérieure au scellement des sauvegardes, "
                + "ou son sceau \(BackupSeal.fileName) a été retiré")
            return
        }
        if let key = try BackupSealKey.load(storePath: storePath) {
            if !seal.isSealed(by: key) {
                objections.append("son sceau n'est pas fait avec la clé de cet hôte (\(keyPath)) : elle a été prise ailleurs, ou modifiée")
            }
        } else {
            objections.append("cet hôte n'a pas de clé de scellement (\(keyPath) absente) : elle n'a pas été prise ici")
        }
        let manifest = (try? BackupManifest.hash(ofFile: folder + "/" + BackupManifest.fileName)) ?? ""
        if manifest != seal.manifestDigest {
            objections.append("son sceau ne couvre pas son \(BackupManifest.fileName), modifié depuis")
        }
        if let register = Self.register(storePath: storePath, anchors: anchors), register != seal.anchor.registerID {
            foreign = true
            objections.append("elle est du registre \(seal.anchor.registerID ?? "?"), la base de cet hôte est du registre \(register)")
        }
    }

    /// Compares the backup's copy, verified against ``anchors``, with its seal and with them.
    mutating func compare(with copy: ChainReport) {
        if let seal, copy.head?.id != seal.anchor.events || copy.head?.hash != seal.anchor.hash
            || copy.registerID != seal.anchor.registerID {
            objections.append("sa base n'est pas celle que décrit son sceau")
        }
        guard let problem = copy.anchorProblem, !foreign else { return }
        if let newest = AnchorLog.newest(anchors), let head = copy.head, head.id < newest.events {
            older = true
            objections.append("elle s'arrête à l'événement n° \(head.id), avant la dernière ancre de ce registre (n° \(newest.events), "
                + "\(AnchorCheck.name(newest))) : la remettre en place effacerait les événements enregistrés depuis")
        } else {
            objections.append("sa chaîne ne prolonge pas les ancres de ce registre : "
                + (problem.hasSuffix(".") ? String(problem.dropLast()) : problem))
        }
    }

    /// The register at `storePath` (read without changing it), or else the one the anchors name.
    static func register(storePath: String, anchors: [ChainAnchor]) -> String? {
        if FileManager.default.fileExists(atPath: storePath), let id = SQLiteStoreFile.registerID(path: storePath) {
            return id
        }
        return AnchorLog.newest(anchors)?.registerID
    }
}
