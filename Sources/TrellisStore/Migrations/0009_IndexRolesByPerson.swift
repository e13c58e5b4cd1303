import SQLKit

struct IndexRolesByPerson: Migration {
    let version = 9
    let name = "index person roles by person"

    func statements(for dialect: DatabaseDialect) -> [SQLQueryString] {
        [
            // Every signed-in request reads one person's roles. With only the (organization, role) index,
            // SQLite chose it over the primary key and read every role in the district; this index names
            // the person first, so the lookup touches that person's rows alone.
            "CREATE INDEX person_roles_by_person ON person_roles (person_id, organization_id)",
        ]
    }
}
