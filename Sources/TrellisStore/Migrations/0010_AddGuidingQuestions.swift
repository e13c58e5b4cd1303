import SQLKit

struct AddGuidingQuestions: Migration {
    let version = 10
    let name = "add a district's own guiding questions"

    func statements(for dialect: DatabaseDialect) -> [SQLQueryString] {
        [
            // The bank as JSON ({"specific": ["…", …], …}); NULL means Trellis's own questions.
            "ALTER TABLE organizations ADD COLUMN guiding_questions TEXT",
        ]
    }
}
