import SIMSModel
import XCTest

/// The services' SQL as PostgreSQL gets it: placeholders numbered, scripts cut into statements,
/// what is not SQL (literals, quoted names, comments, function bodies) left as written.
final class PostgresStatementTextTests: XCTestCase {
    func testPlaceholdersAreNumberedInOrder() {
        let (sql, count) = PostgresStatementText.numbered("UPDATE tier SET phone = ?, email = ? WHERE id = ?")
        XCTAssertEqual(sql, "UPDATE tier SET phone = $1, email = $2 WHERE id = $3")
        XCTAssertEqual(count, 3)
    }

    func testQuestionMarksOutsideCodeAreLeftAlone() {
        let sql = """
            SELECT 'où ?', E'l\\'? ici', "col?", $$ ? $$, $f$ ? $f$ -- ?
            /* ? /* ? */ ? */ FROM t WHERE a = ? AND b = 'it''s ?' AND c = ?
            """
        let (numbered, count) = PostgresStatementText.numbered(sql)
        XCTAssertEqual(count, 2)
        XCTAssertEqual(numbered, sql.replacingOccurrences(of: "a = ?", with: "a = $1").replacingOccurrences(of: "c = ?", with: "c = $2"))
    }

    func testParametersAreNotDollarQuotes() {
        XCTAssertEqual(PostgresStatementText.numbered("SELECT $1, ?").sql, "SELECT $1, $1")
        XCTAssertEqual(PostgresStatementText.numbered("SELECT a$b, ?").sql, "SELECT a$b, $1")
    }

    func testScriptsAreCutAtTheirSemicolonsOnly() {
        let script = """
            CREATE TABLE a (x text DEFAULT ';');
            -- done; next
            CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; END $$;

            ;
            """
        XCTAssertEqual(PostgresStatementText.statements(script), [
            "CREATE TABLE a (x text DEFAULT ';')",
            "-- done; next\nCREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; END $$",
        ])
    }

    func testTheSchemaIsCutIntoWholeStatements() {
        let statements = PostgresStatementText.statements(PostgresSchema.version1)
        XCTAssertTrue(statements.allSatisfy { !$0.hasSuffix(";") && !$0.isEmpty })
        XCTAssertTrue(statements.contains { $0.hasPrefix("CREATE FUNCTION dossier_tally_add") && $0.hasSuffix("$$") })
        XCTAssertEqual(PostgresStatementText.numbered(PostgresSchema.version1).placeholders, 0)
    }
}
