import ArgumentParser
import Foundation
import GuichetCommandLine
import SIMSModel

/// `guichet rgpd inactifs [--annees N] [--json]`: the persons with no activity for the
/// inactivity period and nothing under retention, for a superviseur to anonymise or keep
/// (superviseurs, administrateurs).
struct RgpdInactiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inactifs",
        abstract: "Les fiches sans activité depuis N ans ni dossier sous conservation, à effacer ou conserver.",
        discussion: "N vient de --annees, sinon de GUICHET_INACTIVITE_ANS (guichet.conf), sinon 5.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var procedureOptions: ProcedureOptions
    @Option(name: .long, help: "Années sans activité (1 à 100 ; sinon GUICHET_INACTIVITE_ANS, sinon 5).") var annees: Int?
    @Flag(name: .long, help: "Imprime la liste en JSON.") var json = false

    func run() throws {
        try CommandFailure.guarded {
            let period = try annees.map { try InactivityPeriod(years: $0, origin: "--annees") }
                ?? InactivityPeriod.configured(environment: store.environment)
            let catalog = procedureOptions.catalog()
            let (opened, agent) = try store.session()
            let review = InactiveTierReview(store: opened, catalog: catalog, period: period)
            let today = opened.clock.today()
            let tiers = try review.list(today: today, by: agent)
            print(json ? Self.json(tiers, period: period, today: today)
                       : InactiveTierListText.render(tiers, period: period, today: today), terminator: json ? "\n" : "")
        }
    }

    /// `{"au": "2026-12-03", "inactivite_ans": 5, "sans_activite_depuis": "2021-12-03", "fiches": [...], "total": N}`
    static func json(_ tiers: [InactiveTier], period: InactivityPeriod, today: CalendarDate) -> String {
        let objects: [[String: Any]] = tiers.map { tier in
            ["id": tier.id, "nom": tier.name, "derniere_activite": tier.lastActivity, "dossiers_clos": tier.closedDossiers,
             "conservation_echue_le": tier.retentionEnded?.iso ?? NSNull(), "conservee_le": tier.keptOn?.iso ?? NSNull(),
             "pourquoi": tier.reason]
        }
        let document: [String: Any] = ["au": today.iso, "inactivite_ans": period.years,
                                        "sans_activite_depuis": period.cutoffDay(today: today).iso,
                                        "fiches": objects, "total": tiers.count]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
