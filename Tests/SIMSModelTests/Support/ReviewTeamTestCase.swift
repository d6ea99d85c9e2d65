import XCTest
@testable import SIMSModel

/// The base of the workflow tests: a fresh store with its review team (``TestReviewTeam``),
/// removed after each test.
class ReviewTeamTestCase: XCTestCase {
    var test: TestStore!
    var instructor: Agent!
    var colleague: Agent!
    var supervisor: Agent!
    var secondSupervisor: Agent!

    override func setUpWithError() throws {
        test = try TestStore()
        let team = try TestReviewTeam(test)
        instructor = team.instructor
        colleague = team.colleague
        supervisor = team.supervisor
        secondSupervisor = team.secondSupervisor
    }

    override func tearDown() { test.remove() }
}
