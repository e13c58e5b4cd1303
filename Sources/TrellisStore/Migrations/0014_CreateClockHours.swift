import SQLKit

struct CreateClockHours: Migration {
    let version = 14
    let name = "create clock-hour ledgers, verifications and renewal rules"

    func statements(for dialect: DatabaseDialect) -> [SQLQueryString] {
        [
            // A person's ledger: each entry whole as JSON, with what lists and exports filter on beside it. Hours are in
            // hundredths, as `ClockHours` keeps them, so sums are exact on both databases. A verified plan is credited
            // once: the unique plan id refuses a second entry even when two admins verify at the same moment (recorded
            // learning has no plan, and NULLs never collide).
            """
            CREATE TABLE clock_hour_entries (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                person_id TEXT NOT NULL REFERENCES people(id),
                date TEXT NOT NULL,
                hours_hundredths INTEGER NOT NULL,
                source_plan_id TEXT REFERENCES growth_plans(id),
                document TEXT NOT NULL,
                recorded_by TEXT NOT NULL REFERENCES people(id),
                created_at BIGINT NOT NULL,
                UNIQUE (organization_id, source_plan_id)
            )
            """,
            "CREATE INDEX clock_hour_entries_by_person ON clock_hour_entries (organization_id, person_id, date)",
            "CREATE INDEX clock_hour_entries_by_date ON clock_hour_entries (organization_id, date)",
            // The district's decision on one signature: a signature is decided once, so a second decision is refused.
            """
            CREATE TABLE verifications (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                plan_id TEXT NOT NULL REFERENCES growth_plans(id),
                signature_id TEXT NOT NULL UNIQUE REFERENCES signatures(id),
                outcome TEXT NOT NULL,
                document TEXT NOT NULL,
                decided_by TEXT NOT NULL REFERENCES people(id),
                decided_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX verifications_by_plan ON verifications (organization_id, plan_id)",
            "CREATE INDEX verifications_by_date ON verifications (organization_id, outcome, decided_at)",
            // A district's own renewal rules for a certificate type; a type with no row follows Washington's defaults.
            """
            CREATE TABLE renewal_rules (
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                certificate_type TEXT NOT NULL,
                document TEXT NOT NULL,
                version INTEGER NOT NULL,
                PRIMARY KEY (organization_id, certificate_type)
            )
            """,
            // The clock hours a verified PGP earns, in hundredths: Washington's 25 unless the district chose otherwise.
            "ALTER TABLE organizations ADD COLUMN pgp_clock_hours INTEGER NOT NULL DEFAULT 2500",
        ]
    }
}
