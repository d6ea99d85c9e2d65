import ArgumentParser
import Foundation
import GuichetCommandLine
import GuichetTUI
import SIMSModel

/// `guichet check`: SQLite's integrity, the whole audit chain, every attested row, the foreign
/// keys and the documents' files, and the anchors Guichet wrote outside the store (``AnchorLog``),
/// naming the newest; `--ancre` prints the chain's head to keep elsewhere, `--depuis-ancre LINE`
/// proves that nothing up to a kept head was rewritten.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Vérifie l'intégrité de la base, la chaîne du journal d'audit, chaque ligne attestée et les fichiers des pièces.",
        discussion: """
            Code de sortie : 0 si la base est saine ; 1 si la commande est refusée ou mal écrite ; 2 si la base est \
            endommagée (intégrité, chaîne, lignes attestées, pièces, ancre) ; 3 si elle n'a pas pu être vérifiée \
            parce que son disque est plein ou en erreur (la base elle-même peut être saine).
            """)

    /// The exit status when the store is damaged (integrity, chain, rows, files, anchor).
    static let exitDamaged: Int32 = 2
    /// The exit status when the store could not be checked because of its host: a full disk,
    /// an input/output error; the store itself may well be sound.
    static let exitUncheckable: Int32 = 3

    /// How many row problems are listed before « … et N autre(s) ».
    static let listedProblems = 20

    @OptionGroup var store: StoreOptions

    @Flag(name: .customLong("ancre"), help: "Imprime la tête de la chaîne sur une ligne à conserver hors de la base.")
    var printAnchor = false

    @Option(name: .customLong("depuis-ancre"), help: "Vérifie que rien n'a été réécrit ou supprimé jusqu'à cette ancre (ligne de --ancre).")
    var anchorLine: String?

    func run() throws {
        let anchor: ChainAnchor?
        if let anchorLine {
            switch ChainAnchor.parse(anchorLine) {
            case .success(let parsed): anchor = parsed
            case .failure(let error): CommandFailure.fail(error.message)
            }
        } else {
            anchor = nil
        }
        let opened: SIMSStore
        let report: ChainReport
        let anchorLog = AnchorLog(storePath: store.companionPath)
        var external: [ChainAnchor] = []
        var anchorLogProblem: String?
        do {
            external = try anchorLog.binding()
        } catch {
            anchorLogProblem = "\(error)"
        }
        do {
            let (session, agent) = try store.session()
            try AgentService.require(agent, .administrator, .supervisor, to: "vérifier la base")
            opened = session
            report = try ChainVerifier.verify(opened, anchors: external + (anchor.map { [$0] } ?? []))
        } catch let error as AccessError {
            CommandFailure.fail("\(error)")
        } catch let error as StoreError where error == .missingStore(path: store.path) {
            CommandFailure.fail("\(error)")
        } catch let error where StoreError.hostFault(error, at: store.path) != nil {
            // A full or failing disk says nothing of the store: exit 3, not the 2 of a damaged store.
            let fault = StoreError.hostFault(error, at: store.path).map { "\($0)" } ?? "\(error)"
            FileHandle.standardError.write(Data(("guichet : \(fault) La base n'a pas pu être vérifiée.\n").utf8))
            throw ExitCode(Self.exitUncheckable)
        } catch let error as StoreError {
            // A file that cannot be read as a store is a broken store: exit 2 like any other break.
            FileHandle.standardError.write(Data("guichet : \(error)\n".utf8))
            throw ExitCode(Self.exitDamaged)
        } catch {
            FileHandle.standardError.write(Data("guichet : base illisible ou endommagée : \(error)\n".utf8))
            throw ExitCode(Self.exitDamaged)
        }
        var sound = report.isSound
        try CommandFailure.guarded {
            print(report.integrityMessages.isEmpty ? "Intégrité SQLite : ok" : "Intégrité SQLite : ÉCHEC")
            report.integrityMessages.prefix(20).forEach { print("  \($0)") }
            if let problem = report.firstBreak {
                print("Journal d'audit : ROMPU après vérification de \(report.events) événements")
                print("  \(problem)")
            } else {
                print("Journal d'audit : \(report.events) événements, chaîne intacte")
                if report.erasedEvents > 0 {
                    print("  dont \(report.erasedEvents) au contenu effacé, chacun par un effacement enregistré :")
                    report.erasures.suffix(Self.listedProblems).forEach { WrappedText.lines("  - " + $0.line, width: 80).forEach { print($0) } }
                    if report.erasures.count > Self.listedProblems {
                        print("  (les \(Self.listedProblems) derniers effacements sur \(report.erasures.count))")
                    }
                }
            }
            if report.firstBreak == nil {
                if report.rowProblems.isEmpty {
                    print("Lignes attestées : \(report.attestedRows) lignes, chacune conforme à son événement")
                } else {
                    print("Lignes attestées : \(report.rowProblems.count) problème(s) sur \(report.attestedRows) lignes")
                    report.rowProblems.prefix(Self.listedProblems).forEach { print("  \($0)") }
                    if report.rowProblems.count > Self.listedProblems {
                        print("  … et \(report.rowProblems.count - Self.listedProblems) autre(s)")
                    }
                }
            }
            if report.firstBreak == nil {
                if report.derivedProblems.isEmpty {
                    print("Tables dérivées (index de recherche, tableau de bord) : conformes à ce dont elles dérivent")
                } else {
                    print("Tables dérivées : \(report.derivedProblems.count) problème(s)")
                    report.derivedProblems.prefix(Self.listedProblems).forEach { WrappedText.lines("  " + $0, width: 80).forEach { print($0) } }
                }
            }
            if report.schemaProblems.isEmpty {
                print("Déclencheurs et clés étrangères : ok")
            } else {
                print("Déclencheurs et clés étrangères : ÉCHEC")
                report.schemaProblems.prefix(20).forEach { print("  \($0)") }
            }
            if report.detachedRows > 0 {
                print("  \(report.detachedRows) ligne(s) orpheline(s) détachée(s) à la mise à jour de la base (table detached_row).")
            }
            let files = try DocumentFileVerifier.verify(opened)
            if files.isSound {
                print("Fichiers des pièces : \(files.checked) vérifiés, intacts")
            } else {
                print("Fichiers des pièces : \(files.missing.count) manquant(s), \(files.corrupt.count) altéré(s) sur \(files.checked)")
                (files.missing + files.corrupt).prefix(50).forEach { print("  \($0)") }
                sound = false
            }
            if files.orphans > 0 {
                print("  \(files.orphans) fichier(s) sans pièce enregistrée (enregistrement ou effacement interrompu) : "
                      + "`guichet rgpd purger` les supprime.")
            }
            Self.anchorLines(report, external: external, given: anchor, file: anchorLog.path, fileProblem: anchorLogProblem)
                .forEach { WrappedText.lines($0, width: 80).forEach { print($0) } }
            Self.sealKeyLines(storePath: opened.path).forEach { WrappedText.lines($0, width: 80).forEach { print($0) } }
            if printAnchor, let head = report.head {
                print(ChainAnchor(events: head.id, hash: head.hash, at: Timestamp.string(from: opened.clock.now()),
                                  registerID: report.registerID).line)
            }
        }
        if !sound { throw ExitCode(Self.exitDamaged) }
    }

    /// What the anchors say: the newest external one (or the one given) named with its file, or
    /// the first the chain does not hold.
    static func anchorLines(_ report: ChainReport, external: [ChainAnchor], given: ChainAnchor?, file: String,
                            fileProblem: String?) -> [String] {
        let shownFile = ShownText.escaped(file, limit: 200)
        if let problem = report.anchorProblem {
            return ["Ancre : ÉCHEC", "  \(problem)"]
        }
        var lines: [String] = []
        if let newest = AnchorLog.newest(external) {
            let verified = external.count < 2 ? "1 ancre vérifiée" : "\(external.count) ancres vérifiées"
            let covered = newest.events < 2 ? "le premier événement est celui de l'ancre"
                : "les \(newest.events) premiers événements sont ceux de l'ancre"
            lines.append("Ancre du \(newest.frenchTime) (fichier \(shownFile), \(verified)) : \(covered)")
        } else if let fileProblem {
            lines.append("Ancre : fichier des ancres illisible : \(fileProblem)")
        } else {
            lines.append("Ancre : aucune ancre hors de la base pour l'instant (fichier \(shownFile) absent ou vide) : "
                + "la suppression des derniers événements ne serait pas vue ; Guichet en écrit une à chaque sauvegarde, purge "
                + "et heure de travail (ou lisez le journal du système : journalctl -t guichet).")
        }
        if let given {
            lines.append("Ancre du \(given.frenchTime) (donnée par --depuis-ancre) : les \(given.events) premiers événements "
                + "sont ceux de l'ancre")
        }
        return lines
    }

    /// Where the key that seals the backups is, and whether it is kept from other accounts.
    static func sealKeyLines(storePath: String) -> [String] {
        let path = ShownText.escaped(BackupSealKey.path(storePath: storePath), limit: 200)
        do {
            guard try BackupSealKey.load(storePath: storePath) != nil else {
                return ["Clé de scellement des sauvegardes : pas encore créée (\(path), à la première sauvegarde)"]
            }
            return ["Clé de scellement des sauvegardes : \(path), lisible par son seul propriétaire"]
        } catch {
            return ["Clé de scellement des sauvegardes : ATTENTION", "  \(error)"]
        }
    }
}
