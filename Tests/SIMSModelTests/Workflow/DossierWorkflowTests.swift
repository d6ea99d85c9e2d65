import XCTest
@testable import SIMSModel

/// The transition table: every state × action × role, allowed or refused with its French reason.
final class DossierWorkflowTests: XCTestCase {
    func agent(_ id: Int64, _ roles: Set<Role>) -> Agent {
        Agent(id: id, login: "a\(id)", fullName: "Agent \(id)", roles: roles, services: [], active: true, createdAt: "")
    }

    let motif = "Ressources sous le plafond."
    let due = CalendarDate(iso: "2026-12-31")!

    func testEveryStateActionAndRole() {
        let reception = agent(1, [.reception]), instructor = agent(2, [.instructor]), other = agent(3, [.instructor])
        let supervisor = agent(4, [.supervisor]), proposer = agent(5, [.supervisor, .instructor])
        let actions: [(String, DossierAction)] = [
            ("claim", .claim), ("request", .requestPieces(pieces: ["RIB"], dueOn: due)), ("received", .piecesReceived),
            ("propose", .propose(.accepted, motif: motif)), ("decide", .decide(.refused, motif: motif)),
            ("return", .returnProposal(motif: motif)), ("reopen", .reopen(motif: motif)), ("reassign", .reassign(toAgentID: 3)),
        ]
        // Expected next state per (state, action, agent) for a two-level procedure, the dossier
        // assigned to the instructeur (2) and proposed by agent 5; "-" means refused.
        let expected: [DossierState: [String: [String]]] = [
            // agents:            reception, instructor, other, supervisor, proposer
            .draft: ["claim": ["-", "-", "-", "-", "-"], "reassign": ["-", "-", "-", "-", "-"]],
            .submitted: ["claim": ["-", "en_instruction", "en_instruction", "en_instruction", "en_instruction"],
                         "request": ["-", "-", "-", "-", "-"], "decide": ["-", "-", "-", "-", "-"],
                         "reassign": ["-", "depose", "-", "depose", "depose"]],
            .underReview: ["claim": ["-", "-", "-", "-", "-"],
                           "request": ["-", "attente_pieces", "-", "attente_pieces", "attente_pieces"],
                           "propose": ["-", "a_valider", "-", "a_valider", "a_valider"],
                           "decide": ["-", "-", "-", "-", "-"], "received": ["-", "-", "-", "-", "-"]],
            .awaitingPieces: ["received": ["en_instruction", "en_instruction", "en_instruction", "en_instruction", "en_instruction"],
                              "propose": ["-", "-", "-", "-", "-"]],
            .awaitingValidation: ["decide": ["-", "-", "-", "refuse", "-"], "return": ["-", "-", "-", "en_instruction", "en_instruction"],
                                  "propose": ["-", "-", "-", "-", "-"]],
            .accepted: ["reopen": ["-", "-", "-", "en_instruction", "en_instruction"], "decide": ["-", "-", "-", "-", "-"],
                        "reassign": ["-", "-", "-", "-", "-"]],
            .refused: ["reopen": ["-", "-", "-", "en_instruction", "en_instruction"]],
            .closedWithoutAction: ["reopen": ["-", "-", "-", "en_instruction", "en_instruction"], "claim": ["-", "-", "-", "-", "-"]],
        ]
        let agents = [reception, instructor, other, supervisor, proposer]
        for (state, rows) in expected {
            for (name, outcomes) in rows {
                let action = actions.first { $0.0 == name }!.1
                for (index, who) in agents.enumerated() {
                    let facts = DossierWorkflow.Facts(state: state, assigneeID: 2, proposerID: 5, reviewLevels: 2)
                    let got: String
                    do { got = try DossierWorkflow.next(for: action, dossier: facts, agent: who).rawValue } catch {
                        got = "-"
                        XCTAssertTrue(error.message.hasPrefix("Impossible de \(action.label) : "), error.message)
                    }
                    XCTAssertEqual(got, outcomes[index], "\(state) × \(name) × \(who.login)")
                }
            }
        }
    }

    func testRefusalsSayWhy() {
        let instructor = agent(2, [.instructor]), supervisor = agent(5, [.supervisor])
        func message(_ action: DossierAction, _ state: DossierState, _ who: Agent, levels: Int = 2) -> String {
            do {
                return try DossierWorkflow.next(for: action, dossier: .init(state: state, assigneeID: 2, proposerID: 5,
                                                                            reviewLevels: levels), agent: who).rawValue
            } catch { return error.message }
        }
        XCTAssertEqual(message(.decide(.accepted, motif: motif), .awaitingValidation, supervisor),
                       "Impossible de décider : vous avez fait la proposition : un autre superviseur doit la valider (principe des quatre yeux).")
        XCTAssertEqual(message(.claim, .underReview, instructor),
                       "Impossible de prendre le dossier : le dossier est « en instruction » (il faut qu'il soit « déposé »).")
        XCTAssertEqual(message(.propose(.accepted, motif: "ok"), .underReview, instructor),
                       "Impossible de proposer une décision : indiquez le motif (au moins 5 caractères).")
        XCTAssertEqual(message(.propose(.accepted, motif: motif), .underReview, instructor, levels: 1),
                       "Impossible de proposer une décision : cette démarche n'a qu'un niveau : décidez directement.")
        XCTAssertEqual(message(.decide(.accepted, motif: motif), .underReview, instructor, levels: 1), "accepte",
                       "with one level the instructeur decides")
        XCTAssertEqual(message(.reopen(motif: motif), .refused, instructor),
                       "Impossible de rouvrir le dossier : seul un superviseur rouvre un dossier décidé.")
    }
}
