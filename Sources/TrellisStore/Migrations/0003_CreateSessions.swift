import SQLKit

struct CreateSessions: Migration {
    let version = 3
    let name = "create sessions"

    func statements(for dialect: DatabaseDialect) -> [SQLQueryString] {
        [
            // Only a hash of the session key is kept, so reading this table does not let anyone in.
            """
            CREATE TABLE sessions (
                key_hash TEXT PRIMARY KEY,
                value TEXT NOT NULL,
                expires_at BIGINT
            )
            """,
            "CREATE INDEX sessions_by_expiry ON sessions (expires_at)",
        ]
    }
}
