import SQLKit

struct CreateOrganizationsAndSchools: Migration {
    let version = 1
    let name = "create organizations and schools"

    func statements(for dialect: DatabaseDialect) -> [SQLQueryString] {
        [
            """
            CREATE TABLE organizations (
                id TEXT PRIMARY KEY,
                slug TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE schools (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                name TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                UNIQUE (organization_id, name)
            )
            """,
        ]
    }
}
