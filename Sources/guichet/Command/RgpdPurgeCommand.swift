import ArgumentParser
import Foundation
import GuichetCommandLine
import GuichetTUI
import SIMSModel

/// `guichet rgpd purger [--simuler]`: erases the closed dossiers whose retention has run out
/// (administrateurs; run nightly, see README « Conservation et effacement »).
struct RgpdPurgeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purger",
        abstract: "Efface les dossiers clos dont la durée de conservation est échue (administrateurs ; chaque nuit).")

    @OptionGroup var store: StoreOptions
    @OptionGroup var procedureOptions: ProcedureOptions
    @Flag(name: .long, help: "Liste ce qui serait effacé, par démarche et année, sans rien effacer.") var simuler = false
    @Option(name: .long, help: "Dossiers effacés par transaction (les guichets travaillent entre deux).") var lot = 200

    func run() throws {
        try CommandFailure.guarded(writingTo: store.companionPath) {
            guard (1...5_000).contains(lot) else {
                CommandFailure.fail("--lot \(lot) : donnez un nombre de dossiers par transaction entre 1 et 5000.")
            }
            let catalog = procedureOptions.catalog()
            let (opened, agent) = try store.session()
            try AgentService.require(agent, .administrator, to: "appliquer les durées de conservation")
            var purge = RetentionPurge(store: opened, retention: Dictionary(
                catalog.procedures.map { ($0.code, $0.retentionYears) }, uniquingKeysWith: { first, _ in first }))
            purge.batch = lot
            var report = RetentionPurgeReport()
            let expired = try purge.expired(report: &report)
            if simuler {
                expired.forEach { report.count($0) }
                report.lines(simulated: true).forEach { WrappedText.lines($0, width: 80).forEach { print($0) } }
                return
            }
            let line = ProgressLine(label: "Purge")
            try purge.purge(expired, by: agent, into: &report) { done, total in
                line.update("effacement", done: Int64(done), total: Int64(total), unit: "dossiers")
            }
            line.finish()
            report.lines(simulated: false).forEach { WrappedText.lines($0, width: 80).forEach { print($0) } }
            let anchors = AnchorLog(storePath: opened.path)
            if let anchor = try anchors.anchors().last, anchor.reason == .purge {
                print("Ancre écrite hors de la base (\(anchors.path) et journal du système) :")
                print(anchor.line)
            }
            let orphans = try OrphanFileSweep.sweep(opened)
            if orphans > 0 {
                print("Fichiers sans pièce supprimés (effacement ou enregistrement interrompu) : \(orphans)")
            }
        }
    }
}
