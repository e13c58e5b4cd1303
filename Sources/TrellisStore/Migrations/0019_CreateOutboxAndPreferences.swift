import SQLKit

struct CreateOutboxAndPreferences: Migration {
    let version = 19
    let name = "create the email outbox, notification preferences and calendar feeds"

    func statements(for dialect: DatabaseDialect) -> [SQLQueryString] {
        [
            // Email waiting to go, and gone. Written in the same transaction as what it announces; delivered by the job
            // runner, which claims rows for a while (claimed_by, claimed_until) so two runners never send one twice, and
            // on failure keeps the row with a later next_attempt_at. unique_key ("notification:<id>", "digest:<person>:<week>")
            // makes one notification one email, and one digest per person and week. The preferences token of each email
            // (its one-click unsubscribe) is kept only as a SHA-256.
            """
            CREATE TABLE email_outbox (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                person_id TEXT NOT NULL REFERENCES people(id),
                unique_key TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                recipient TEXT NOT NULL,
                recipient_name TEXT NOT NULL,
                subject TEXT NOT NULL,
                text_body TEXT NOT NULL,
                html_body TEXT NOT NULL,
                headers TEXT NOT NULL,
                preferences_token_hash TEXT NOT NULL UNIQUE,
                created_at BIGINT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                next_attempt_at BIGINT NOT NULL,
                sent_at BIGINT,
                last_error TEXT,
                claimed_by TEXT,
                claimed_until BIGINT
            )
            """,
            "CREATE INDEX email_outbox_due ON email_outbox (sent_at, next_attempt_at)",
            "CREATE INDEX email_outbox_by_person ON email_outbox (organization_id, person_id, created_at)",
            // A person's choice per notification kind (or "weekly_digest"); kinds without a row take the default.
            """
            CREATE TABLE notification_preferences (
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                person_id TEXT NOT NULL REFERENCES people(id),
                kind TEXT NOT NULL,
                channel TEXT NOT NULL,
                PRIMARY KEY (person_id, kind)
            )
            """,
            // A person's private calendar address: only the SHA-256 of its token. Resetting replaces the row.
            """
            CREATE TABLE calendar_feeds (
                person_id TEXT PRIMARY KEY REFERENCES people(id),
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                token_hash TEXT NOT NULL UNIQUE,
                created_at BIGINT NOT NULL
            )
            """,
        ]
    }
}
