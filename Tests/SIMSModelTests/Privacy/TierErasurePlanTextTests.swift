import XCTest
@testable import SIMSModel

/// The lines that say what an erasure takes, in good French whatever the counts.
final class TierErasurePlanTextTests: XCTestCase {
    func testOneOfEachIsSaidInTheSingularAndSeveralInThePlural() {
        var plan = TierErasurePlan(tierID: 12, name: "WAMYTAN Hélène", kind: .person)
        plan.erasedFields = [.phone]
        plan.drafts = 1
        plan.eventIDs = [40]
        XCTAssertEqual(plan.erasedLines, [
            "1 fait et son historique (téléphone)", "1 saisie en cours", "le contenu d'un événement du journal",
            "la fiche elle-même : il n'en restera que son numéro",
        ])
        plan.erasedFields = [.phone, .email]
        plan.drafts = 2
        plan.eventIDs = [40, 41, 42]
        XCTAssertEqual(Array(plan.erasedLines.prefix(3)), [
            "2 faits et leur historique (téléphone, courriel)", "2 saisies en cours", "le contenu de 3 événements du journal",
        ])
    }
}
