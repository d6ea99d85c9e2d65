/// SQLite's date functions: `date`, `julianday` and `strftime` with the `+11 hours` modifier.
extension SQLiteSession: CalendarSQL {
    package func day(ofInstant expression: String) -> String {
        "date(\(expression), '+11 hours')"
    }

    package func wholeDays(from start: String, to end: String) -> String {
        "CAST(julianday(\(end)) - julianday(\(start)) AS INTEGER)"
    }

    package func frenchDate(ofDay expression: String) -> String {
        "strftime('%d/%m/%Y', \(expression))"
    }

    package func frenchDate(ofInstant expression: String) -> String {
        "strftime('%d/%m/%Y', \(expression), '+11 hours')"
    }
}
