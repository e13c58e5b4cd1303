import SQLKit

struct CreateReviews: Migration {
    let version = 13
    let name = "create certificates, reviews, signatures and notifications"

    func statements(for dialect: DatabaseDialect) -> [SQLQueryString] {
        [
            // A person's certificates, whole as JSON; the number beside it for "who may review" lists.
            """
            CREATE TABLE certificates (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                person_id TEXT NOT NULL REFERENCES people(id),
                number TEXT NOT NULL,
                expires_on TEXT NOT NULL,
                document TEXT NOT NULL
            )
            """,
            "CREATE INDEX certificates_by_person ON certificates (organization_id, person_id)",
            // Each submission of a plan for review, kept whole as JSON (the snapshot, the reviewer, the comments), with
            // what lookups need beside it. An outside reviewer's link is found by the SHA-256 of its token only.
            """
            CREATE TABLE review_requests (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                plan_id TEXT NOT NULL REFERENCES growth_plans(id),
                submission INTEGER NOT NULL,
                reviewer_id TEXT REFERENCES people(id),
                state TEXT NOT NULL,
                token_hash TEXT UNIQUE,
                document TEXT NOT NULL,
                version INTEGER NOT NULL,
                requested_at BIGINT NOT NULL,
                UNIQUE (plan_id, submission)
            )
            """,
            "CREATE INDEX review_requests_by_reviewer ON review_requests (organization_id, reviewer_id, state)",
            // A signature covers one submission, once: the unique request is what refuses a second signature.
            """
            CREATE TABLE signatures (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                plan_id TEXT NOT NULL REFERENCES growth_plans(id),
                review_request_id TEXT NOT NULL UNIQUE REFERENCES review_requests(id),
                signed_at BIGINT NOT NULL,
                document TEXT NOT NULL,
                snapshot TEXT NOT NULL,
                sha256 TEXT NOT NULL
            )
            """,
            "CREATE INDEX signatures_by_plan ON signatures (organization_id, plan_id, signed_at)",
            """
            CREATE TABLE notifications (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                person_id TEXT NOT NULL REFERENCES people(id),
                kind TEXT NOT NULL,
                message TEXT NOT NULL,
                link TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                read_at BIGINT
            )
            """,
            "CREATE INDEX notifications_by_person ON notifications (organization_id, person_id, created_at)",
        ]
    }
}
