@testable import SIMSModel

/// The review team of the workflow tests: two instructeurs and two superviseurs.
struct TestReviewTeam {
    let instructor: Agent
    let colleague: Agent
    let supervisor: Agent
    let secondSupervisor: Agent

    init(_ test: TestStore) throws {
        let agents = AgentService(store: test.store)
        instructor = try agents.add(login: "instr1", fullName: "Jean Instructeur", roles: [.instructor], services: [], by: test.admin)
        colleague = try agents.add(login: "instr2", fullName: "Luc Instructeur", roles: [.instructor], services: [], by: test.admin)
        supervisor = try agents.add(login: "sup1", fullName: "Anne Superviseure", roles: [.supervisor], services: [], by: test.admin)
        secondSupervisor = try agents.add(login: "sup2", fullName: "Paul Superviseur", roles: [.supervisor], services: [],
                                          by: test.admin)
    }
}
