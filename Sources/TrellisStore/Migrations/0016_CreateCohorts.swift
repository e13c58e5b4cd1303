import SQLKit

struct CreateCohorts: Migration {
    let version = 16
    let name = "create cohorts, visioning, themes, PLCs, goal links and meeting notes"

    func statements(for dialect: DatabaseDialect) -> [SQLQueryString] {
        [
            // A cohort whole as JSON (name, year, members with their stakeholder roles), with its facilitator beside it.
            """
            CREATE TABLE cohorts (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                facilitator_id TEXT NOT NULL REFERENCES people(id),
                name TEXT NOT NULL,
                document TEXT NOT NULL,
                version INTEGER NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX cohorts_by_facilitator ON cohorts (organization_id, facilitator_id)",
            // Who is in which cohort, kept with the document in one transaction, so "my cohorts" is one indexed read.
            """
            CREATE TABLE cohort_members (
                cohort_id TEXT NOT NULL REFERENCES cohorts(id),
                person_id TEXT NOT NULL REFERENCES people(id),
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                PRIMARY KEY (cohort_id, person_id)
            )
            """,
            "CREATE INDEX cohort_members_by_person ON cohort_members (organization_id, person_id)",
            """
            CREATE TABLE visioning_rounds (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                cohort_id TEXT NOT NULL REFERENCES cohorts(id),
                prompt TEXT NOT NULL,
                opened_on TEXT NOT NULL,
                closed_on TEXT
            )
            """,
            "CREATE INDEX visioning_rounds_by_cohort ON visioning_rounds (organization_id, cohort_id, opened_on)",
            // author_id is NULL for a statement posted without a name: then nothing anywhere says who wrote it. Only
            // the day is kept, never the moment, so a statement's time cannot be matched with anyone's sign-in.
            """
            CREATE TABLE visioning_statements (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                cohort_id TEXT NOT NULL REFERENCES cohorts(id),
                round_id TEXT NOT NULL REFERENCES visioning_rounds(id),
                kind TEXT NOT NULL,
                text TEXT NOT NULL,
                author_id TEXT REFERENCES people(id),
                posted_on TEXT NOT NULL
            )
            """,
            "CREATE INDEX visioning_statements_by_cohort ON visioning_statements (organization_id, cohort_id, round_id)",
            """
            CREATE TABLE cohort_themes (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                cohort_id TEXT NOT NULL REFERENCES cohorts(id),
                position INTEGER NOT NULL,
                document TEXT NOT NULL
            )
            """,
            "CREATE INDEX cohort_themes_by_cohort ON cohort_themes (organization_id, cohort_id, position)",
            // A PLC whole as JSON (members, theme, group goal, action plan), with a version for its edit forms.
            """
            CREATE TABLE plcs (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                cohort_id TEXT NOT NULL REFERENCES cohorts(id),
                name TEXT NOT NULL,
                document TEXT NOT NULL,
                version INTEGER NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX plcs_by_cohort ON plcs (organization_id, cohort_id, created_at)",
            // One goal of a member's own plan feeding the PLC's group goal: one per person per PLC.
            """
            CREATE TABLE plc_goal_links (
                plc_id TEXT NOT NULL REFERENCES plcs(id),
                person_id TEXT NOT NULL REFERENCES people(id),
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                cohort_id TEXT NOT NULL REFERENCES cohorts(id),
                plan_id TEXT NOT NULL REFERENCES growth_plans(id),
                goal_id TEXT NOT NULL,
                linked_on TEXT NOT NULL,
                PRIMARY KEY (plc_id, person_id)
            )
            """,
            "CREATE INDEX plc_goal_links_by_cohort ON plc_goal_links (organization_id, cohort_id)",
            """
            CREATE TABLE plc_meeting_notes (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                plc_id TEXT NOT NULL REFERENCES plcs(id),
                meeting_on TEXT NOT NULL,
                visibility TEXT NOT NULL,
                document TEXT NOT NULL
            )
            """,
            "CREATE INDEX plc_meeting_notes_by_plc ON plc_meeting_notes (organization_id, plc_id, meeting_on)",
            // The district's list of stakeholder roles (JSON); NULL uses Trellis's defaults.
            "ALTER TABLE organizations ADD COLUMN cohort_roles TEXT",
        ]
    }
}
