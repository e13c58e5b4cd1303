import SQLKit

struct CreatePeople: Migration {
    let version = 2
    let name = "create people and roles"

    func statements(for dialect: DatabaseDialect) -> [SQLQueryString] {
        [
            // Email is unique across the installation so that sign-in needs nothing but email and password.
            // credential_version changes with the password, which ends every other session.
            """
            CREATE TABLE people (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                email TEXT NOT NULL UNIQUE,
                display_name TEXT NOT NULL,
                school_id TEXT REFERENCES schools(id),
                password_hash TEXT,
                is_active BOOLEAN NOT NULL,
                credential_version INTEGER NOT NULL DEFAULT 0,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX people_by_organization ON people (organization_id, display_name)",
            """
            CREATE TABLE person_roles (
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                person_id TEXT NOT NULL REFERENCES people(id),
                role TEXT NOT NULL,
                PRIMARY KEY (person_id, role)
            )
            """,
            "CREATE INDEX person_roles_by_organization ON person_roles (organization_id, role)",
        ]
    }
}
