import SQLKit

struct CreateSignInThrottle: Migration {
    let version = 4
    let name = "create sign-in throttle"

    func statements(for dialect: DatabaseDialect) -> [SQLQueryString] {
        [
            // Kept in the database so that every app instance counts the same failures.
            """
            CREATE TABLE sign_in_throttle (
                throttle_key TEXT PRIMARY KEY,
                failures INTEGER NOT NULL,
                last_failure_at BIGINT,
                locked_until BIGINT
            )
            """,
        ]
    }
}
