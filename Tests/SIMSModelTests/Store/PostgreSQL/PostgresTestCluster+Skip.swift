import SIMSTestSupport
import XCTest

extension PostgresTestCluster {
    /// The tests' cluster, or a skip saying why there is none (PostgreSQL not installed).
    static func forTest() throws -> PostgresTestCluster {
        do {
            return try shared()
        } catch let unavailable as Unavailable {
            throw XCTSkip(unavailable.description)
        }
    }
}
