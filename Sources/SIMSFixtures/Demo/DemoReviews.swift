import SIMSModel
import Foundation

/// The review side of the demonstration: a small team (two instructeurs, a superviseuse), last
/// year's school grants decided, and this year's grants at every stage of their review — so that
/// the queues and the superviseur's dashboard show a working service from the first start.
///
/// ```swift
/// try DemoReviews.add(to: store, grant: catalog.procedure(code: "BS")!, lastYear: ids, families: 200, by: admin)
/// ```
public enum DemoReviews {
    /// The demonstration team: login, name, roles.
    static let team: [(String, String, Set<Role>)] = [
        ("demo-jwayenece", "Jean Wayenece", [.instructor]),
        ("demo-lkaloi", "Lise Kaloï", [.instructor]),
        ("demo-atein", "Anne Tein", [.supervisor]),
    ]

    /// Adds the team, decides last year's grants (`lastYear`, submitted a year ago), then files
    /// `families` grants over the last 45 days and moves them along: the oldest decided, then
    /// proposals awaiting validation, pieces asked for, dossiers under review, and the newest
    /// still waiting to be taken. Returns the ids of this year's dossiers.
    @discardableResult
    public static func add(to store: SIMSStore, grant: Procedure, lastYear: [Int64], families: Int, skipping: Int,
                           by administrator: Agent, now: Date = Date(), progress: ((Int) -> Void)? = nil) throws -> [Int64] {
        let agents = AgentService(store: store)
        let members = try team.map { login, name, roles in
            try agents.add(login: login, fullName: name, roles: roles, services: ["DPASS"], by: administrator)
        }
        let instructors = Array(members.prefix(2)), supervisor = members[2]
        var stores = DemoClockedStores(store: store)
        let day: TimeInterval = 86_400
        let yearAgo = now.addingTimeInterval(-365 * day)
        for (index, id) in lastYear.enumerated() {
            let start = yearAgo.addingTimeInterval(Double(1 + index % 5) * day)
            try decide(id, index: index, from: start, instructor: instructors[index % 2], supervisor: supervisor,
                       levels: grant.reviewLevels, retentionYears: grant.retentionYears, now: now, stores: &stores)
            progress?(index + 1)
        }
        // This year's: submitted from 45 days ago to today, at office hours (08:00 in Nouméa is 21:00 UTC).
        let newest = (now.timeIntervalSince1970 / day).rounded(.down) * day - 3 * 3_600
        let ids = try DemoDossiers.file(to: store, grant: grant, families: families, skipping: skipping, by: administrator,
                                        now: now, submittedAt: { index in
            Date(timeIntervalSince1970: newest - Double(45 - index * 45 / max(families, 1)) * day + Double(index % 7) * 1_800)
        }, withDocuments: false, progress: { progress?(lastYear.count + $0) })
        let workflow = { (date: Date) throws -> WorkflowService in WorkflowService(store: try stores.at(date)) }
        for (index, id) in ids.enumerated() {
            let share = Double(index) / Double(max(ids.count, 1))
            let instructor = instructors[index % 2]
            let submitted = Date(timeIntervalSince1970: newest - Double(45 - index * 45 / max(families, 1)) * day)
            let claimed = min(submitted.addingTimeInterval(2 * day), now)
            switch share {
            case ..<0.4:
                try decide(id, index: index, from: submitted, instructor: instructor, supervisor: supervisor,
                           levels: grant.reviewLevels, retentionYears: grant.retentionYears, now: now, stores: &stores)
            case ..<0.55:
                try workflow(claimed).perform(.claim, on: id, reviewLevels: grant.reviewLevels, by: instructor)
                try workflow(min(claimed.addingTimeInterval(day), now))
                    .perform(.propose(.accepted, motif: "Ressources sous le plafond, pièces complètes."), on: id,
                             reviewLevels: grant.reviewLevels, by: instructor)
            case ..<0.7:
                try workflow(claimed).perform(.claim, on: id, reviewLevels: grant.reviewLevels, by: instructor)
                try workflow(claimed).perform(.requestPieces(pieces: ["Avis d'imposition \(CalendarDate.today(now: now).year - 1)"],
                                                             dueOn: CalendarDate.today(now: now).adding(days: 3 + index % 20)),
                                              on: id, reviewLevels: grant.reviewLevels, by: instructor)
            case ..<0.85:
                try workflow(claimed).perform(.claim, on: id, reviewLevels: grant.reviewLevels, by: instructor)
            default:
                break
            }
        }
        try stores.close()
        return ids
    }

    /// Takes a dossier from déposé to its decision: claimed a day after `start`, proposed (one in
    /// ten refused) a few days later, validated two to twenty days after that — never after `now`.
    private static func decide(_ id: Int64, index: Int, from start: Date, instructor: Agent, supervisor: Agent,
                               levels: Int, retentionYears: Int, now: Date, stores: inout DemoClockedStores) throws {
        let day: TimeInterval = 86_400
        let decision: DossierDecision = index % 10 == 3 ? .refused : .accepted
        let motif = decision == .accepted ? "Ressources sous le plafond, pièces complètes." : "Ressources au-dessus du plafond."
        let claimedAt = min(start.addingTimeInterval(day), now)
        let proposedAt = min(start.addingTimeInterval(Double(3 + index % 6) * day), now)
        let decidedAt = min(proposedAt.addingTimeInterval(Double(2 + index % 19) * day), now)
        try WorkflowService(store: try stores.at(claimedAt)).perform(.claim, on: id, reviewLevels: levels, by: instructor)
        if levels >= 2 {
            try WorkflowService(store: try stores.at(proposedAt)).perform(.propose(decision, motif: motif), on: id,
                                                                          reviewLevels: levels, by: instructor)
            try WorkflowService(store: try stores.at(decidedAt)).perform(.decide(decision, motif: motif), on: id,
                                                                         reviewLevels: levels, retentionYears: retentionYears, by: supervisor)
        } else {
            try WorkflowService(store: try stores.at(decidedAt)).perform(.decide(decision, motif: motif), on: id,
                                                                         reviewLevels: levels, retentionYears: retentionYears, by: instructor)
        }
    }
}
