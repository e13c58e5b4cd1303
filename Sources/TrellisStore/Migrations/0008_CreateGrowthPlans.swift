import SQLKit

struct CreateGrowthPlans: Migration {
    let version = 8
    let name = "create growth plans"

    func statements(for dialect: DatabaseDialect) -> [SQLQueryString] {
        [
            // A plan is always read and written whole, so its goals, steps, evidence, check-ins and reflection are one
            // JSON document; the columns beside it are what lists and dashboards filter and sort by.
            // `version` guards against two windows overwriting each other's changes.
            """
            CREATE TABLE growth_plans (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                owner_id TEXT NOT NULL REFERENCES people(id),
                school_year INTEGER NOT NULL,
                status TEXT NOT NULL,
                document TEXT NOT NULL,
                version INTEGER NOT NULL,
                last_check_in_on TEXT,
                shared_with_leaders BOOLEAN NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                UNIQUE (organization_id, owner_id, school_year)
            )
            """,
            "CREATE INDEX growth_plans_by_status ON growth_plans (organization_id, school_year, status)",
            // Who a plan is shared with, for "plans shared with me" without reading every document.
            """
            CREATE TABLE growth_plan_coaches (
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                plan_id TEXT NOT NULL REFERENCES growth_plans(id),
                coach_id TEXT NOT NULL REFERENCES people(id),
                PRIMARY KEY (plan_id, coach_id)
            )
            """,
            "CREATE INDEX growth_plan_coaches_by_coach ON growth_plan_coaches (organization_id, coach_id)",
            // The month and day a district's school year starts ("07-01" is Washington's July 1).
            "ALTER TABLE organizations ADD COLUMN school_year_start TEXT NOT NULL DEFAULT '07-01'",
        ]
    }
}
