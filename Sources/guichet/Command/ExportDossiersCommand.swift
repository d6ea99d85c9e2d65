import ArgumentParser
import Foundation
import GuichetCommandLine
import SIMSModel

/// `guichet export dossiers --csv [--colonnes numero,demarche,etat,...] [--demarche BS]
/// [--etat ouverts|depose|...|decides|tous] [--sortie fichier.csv]`: dossiers for a spreadsheet,
/// on standard output or into a file that appears only once complete.
struct ExportDossiersCommand: ParsableCommand, NamesAgentFiles {
    static let configuration = CommandConfiguration(
        commandName: "dossiers",
        abstract: "Les dossiers en CSV pour un tableur (superviseurs et administrateurs).",
        discussion: """
            Format : CSV en UTF-8, séparateur virgule, guillemets selon la RFC 4180 (un champ qui contient \
            une virgule, un guillemet ou un retour à la ligne est entouré de guillemets, ses guillemets \
            doublés), lignes terminées par CRLF, une ligne d'en-tête. Dates au format jj/mm/aaaa (heure de \
            Nouméa). Les dossiers sont écrits du plus ancien dépôt au plus récent.
            Colonnes : \(DossierExportColumn.headerList).
            Une cellule qui commencerait par =, +, -, @, une tabulation ou un retour chariot (lue comme une \
            formule par un tableur) est précédée d'une apostrophe.
            Les dossiers contiennent des données personnelles : chaque export est enregistré dans le journal.
            """)

    @OptionGroup var store: StoreOptions
    @Flag(name: .long, help: "Au format CSV (le seul format proposé, et celui par défaut).") var csv = false
    @Option(name: .long, help: "Colonnes, dans l'ordre voulu, séparées par des virgules (par défaut toutes).")
    var colonnes: String?
    @Option(name: .long, help: "Seulement les dossiers de cette démarche (code, par ex. BS).") var demarche: String?
    @Option(name: .long, help: "ouverts, depose, en_instruction, attente_pieces, a_valider, accepte, refuse, sans_suite, decides ou tous.")
    var etat = "tous"
    @Flag(name: .long, help: "Seulement les dossiers dont l'échéance est dépassée.") var enRetard = false
    @Option(name: .long, help: "Fichier à écrire (par défaut la sortie standard). Il n'apparaît qu'une fois complet ; un fichier existant n'est remplacé qu'avec --ecraser.")
    var sortie: String?
    @Flag(name: .long, help: "Remplacer le fichier --sortie s'il existe déjà (jamais un lien, un dossier ni un périphérique).")
    var ecraser = false
    @Flag(name: .long, help: "Commencer par une marque d'ordre d'octets UTF-8 (pour qu'Excel reconnaisse les accents).")
    var bom = false

    func run() throws {
        try CommandFailure.guarded(retryingWhenBusy: true, storePath: store.path) {
            let columns = try colonnes.map(DossierExportColumn.parse) ?? DossierExportColumn.allCases
            let filter = QueueFilter(procedureCode: demarche?.uppercased(), scope: try DossierExporter.scope(parsing: etat),
                                     deadline: enRetard ? .overdue : .any)
            let (opened, agent) = try store.session()
            let exporter = DossierExporter(store: opened)
            let count: Int
            if let sortie, let (handle, name) = try InheritedFiles.output(sortie, option: "--sortie") {
                // On a shared host, the agent's own guichet opened the file and puts it in place.
                count = try exporter.export(filter, columns: columns, to: handle, destination: name, byteOrderMark: bom, by: agent)
                FileHandle.standardError.write(Data("\(count) dossiers exportés dans \(ShownText.escaped(name, limit: 200)).\n".utf8))
            } else if let sortie, sortie != "-" {
                count = try exporter.export(filter, columns: columns, toFile: sortie, replacing: ecraser, byteOrderMark: bom, by: agent)
                FileHandle.standardError.write(Data("\(count) dossiers exportés dans \(sortie).\n".utf8))
            } else {
                count = try exporter.export(filter, columns: columns, to: .standardOutput, byteOrderMark: bom, by: agent)
                FileHandle.standardError.write(Data("\(count) dossiers exportés.\n".utf8))
            }
        }
    }

    var agentFiles: [AgentFile] {
        guard let sortie, sortie != "-" else { return [] }
        return [AgentFile(option: "--sortie", path: sortie, given: true, use: .write(replacing: ecraser))]
    }
}
