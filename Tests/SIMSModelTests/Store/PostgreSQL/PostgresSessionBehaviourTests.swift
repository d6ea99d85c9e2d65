import SIMSModel
import SIMSTestSupport
import XCTest

/// The store seam's behaviour (``SessionBehaviour``) on PostgreSQL (a fresh database of the tests' cluster).
final class PostgresSessionBehaviourTests: XCTestCase {
    private func engine() throws -> StoreEngineUnderTest {
        _ = try PostgresTestCluster.forTest()
        return try StoreEngineUnderTest.postgresql()
    }

    func testExecuteAndFetch() throws { try SessionBehaviour.executeAndFetch(engine()) }
    func testPlaceholdersInsideLiteralsAreText() throws { try SessionBehaviour.placeholdersInsideLiteralsAreText(engine()) }
    func testScriptsRunEveryStatement() throws { try SessionBehaviour.scriptsRunEveryStatement(engine()) }
    func testNullsBlobsAndExtremes() throws { try SessionBehaviour.nullsBlobsAndExtremes(engine()) }
    func testThrownErrorRollsBack() throws { try SessionBehaviour.thrownErrorRollsBack(engine()) }
    func testChangesAndInsertedIDs() throws { try SessionBehaviour.changesAndInsertedIDs(engine()) }
    func testCursorsAndCachedStatements() throws { try SessionBehaviour.cursorsAndCachedStatements(engine()) }
}
