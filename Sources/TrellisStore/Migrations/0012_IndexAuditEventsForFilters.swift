import SQLKit

struct IndexAuditEventsForFilters: Migration {
    let version = 12
    let name = "index audit events for filters"

    func statements(for dialect: DatabaseDialect) -> [SQLQueryString] {
        // The audit log pages by (occurred_at, seq) within a district, filtered by kind or by person. Each index
        // ends in that order, so a filtered page is one index range read from its boundary, not a sort of the log.
        var statements: [SQLQueryString] = [
            "CREATE INDEX audit_events_by_kind ON audit_events (organization_id, kind, occurred_at, seq)",
            "CREATE INDEX audit_events_by_actor ON audit_events (organization_id, actor_id, occurred_at, seq)",
            "CREATE INDEX audit_events_by_subject ON audit_events (organization_id, subject_id, occurred_at, seq)",
        ]
        // SQLite keeps the rowid (seq) at the end of every index, so audit_events_by_organization already holds this
        // order there; PostgreSQL needs seq in the index for the page boundary to be a range.
        if dialect == .postgres {
            statements.append("CREATE INDEX audit_events_by_time ON audit_events (organization_id, occurred_at, seq)")
        }
        return statements
    }
}
