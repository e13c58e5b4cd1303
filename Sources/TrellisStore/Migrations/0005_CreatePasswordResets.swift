import SQLKit

struct CreatePasswordResets: Migration {
    let version = 5
    let name = "create password resets"

    func statements(for dialect: DatabaseDialect) -> [SQLQueryString] {
        [
            """
            CREATE TABLE password_resets (
                token_hash TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                person_id TEXT NOT NULL REFERENCES people(id),
                issued_by TEXT REFERENCES people(id),
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                used_at BIGINT
            )
            """,
        ]
    }
}
