import ArgumentParser
import GuichetCommandLine
import GuichetTUI
import SIMSModel

/// `guichet rgpd effacer ID --motif TEXTE [--inactivite] [--simuler]`: erases a person's data at
/// their request (or, with `--inactivite`, a record inactive past its retention), except what a
/// legal retention keeps, listed with its date (superviseurs).
struct RgpdEraseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "effacer",
        abstract: "Efface les données d'une personne à sa demande, sauf ce qu'une durée de conservation garde (superviseurs).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var procedureOptions: ProcedureOptions
    @Argument(help: "Numéro du tiers.") var id: Int64
    @Option(name: .long, help: "La demande de la personne (sa date, son objet).") var motif: String?
    @Flag(name: .long, help: "Efface pour inactivité (fiche inactive au-delà de sa durée de conservation), non à la demande de la personne.")
    var inactivite = false
    @Flag(name: .long, help: "Dit ce qui serait conservé et effacé, sans rien effacer.") var simuler = false

    func run() throws {
        try CommandFailure.guarded {
            let catalog = procedureOptions.catalog()
            let (opened, agent) = try store.session()
            let erasure = TierErasure(store: opened, retention: catalog.retentionByCode)
            if simuler {
                let plan = try erasure.plan(tierID: id, by: agent)
                print("Effacement de la fiche n° \(id) (\(plan.name)), simulé : rien n'a été effacé.")
                Self.printSections(kept: plan.kept, erased: plan.erasedLines, verb: "serait effacé")
                return
            }
            guard let motif else {
                CommandFailure.fail("Indiquez la demande de la personne avec --motif \"…\" (par ex. --motif \"courrier du 02/12/2026\") ; "
                    + "--simuler dit d'abord ce qui serait effacé. Rien n'a été effacé.")
            }
            let record = try erasure.erase(tierID: id, motif: motif, ground: inactivite ? .inactivity : .request, by: agent)
            print(record.complete ? record.notice : "Fiche n° \(id) : effacement fait le \(Timestamp.french(record.erasedAt)) "
                + "\(record.ground.phrase), sauf ce que la loi conserve.")
            Self.printSections(kept: record.kept, erased: record.erased, verb: "effacé")
        }
    }

    static func printSections(kept: [String], erased: [String], verb: String) {
        print("Conservé (durée de conservation légale) :" + (kept.isEmpty ? " rien." : ""))
        for line in kept { WrappedText.lines("  - " + line, width: 80).forEach { print($0) } }
        print("\(verb.prefix(1).uppercased() + verb.dropFirst()) :" + (erased.isEmpty ? " rien." : ""))
        for line in erased { WrappedText.lines("  - " + line, width: 80).forEach { print($0) } }
    }
}
