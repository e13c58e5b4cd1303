import SQLKit

struct CreateAuditEvents: Migration {
    let version = 6
    let name = "create audit events"

    func statements(for dialect: DatabaseDialect) -> [SQLQueryString] {
        // `seq` keeps the order of events written in the same millisecond.
        let sequence = dialect == .sqlite ? "seq INTEGER PRIMARY KEY AUTOINCREMENT" : "seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
        return [
            """
            CREATE TABLE audit_events (
                \(unsafeRaw: sequence),
                id TEXT NOT NULL UNIQUE,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                kind TEXT NOT NULL,
                actor_id TEXT,
                subject_id TEXT,
                detail TEXT NOT NULL,
                address TEXT,
                occurred_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX audit_events_by_organization ON audit_events (organization_id, occurred_at)",
        ]
    }
}
