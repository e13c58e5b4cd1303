import SQLKit

struct CreateAPITokens: Migration {
    let version = 20
    let name = "create API tokens"

    func statements(for dialect: DatabaseDialect) -> [SQLQueryString] {
        [
            // Personal and service tokens for the JSON API. Only the SHA-256 of the secret is kept (token_hash, which
            // also finds the token's district when a call comes in); prefix is the secret's first characters, for lists.
            // A service token's person_id is the admin who made it. scopes are space separated.
            """
            CREATE TABLE api_tokens (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                person_id TEXT NOT NULL REFERENCES people(id),
                kind TEXT NOT NULL,
                name TEXT NOT NULL,
                token_hash TEXT NOT NULL UNIQUE,
                prefix TEXT NOT NULL,
                scopes TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                last_used_at BIGINT,
                expires_at BIGINT,
                revoked_at BIGINT
            )
            """,
            "CREATE INDEX api_tokens_by_owner ON api_tokens (organization_id, kind, person_id, created_at)",
        ]
    }
}
