import SQLKit

struct IndexPeopleBySchool: Migration {
    let version = 11
    let name = "index people by school"

    func statements(for dialect: DatabaseDialect) -> [SQLQueryString] {
        [
            // The head count per school (admin and principal home pages) reads only these columns, so the
            // index answers it alone instead of looking up every person's row.
            "CREATE INDEX people_by_school ON people (organization_id, school_id, is_active)",
        ]
    }
}
