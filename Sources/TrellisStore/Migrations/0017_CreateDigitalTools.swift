import SQLKit

struct CreateDigitalTools: Migration {
    let version = 17
    let name = "create the digital tools catalogue, shortlists and efficacy trials"

    func statements(for dialect: DatabaseDialect) -> [SQLQueryString] {
        [
            // A tool whole as JSON, with what lists and the adoption view filter on beside it: its approval and the
            // licence's renewal day (an ISO date, so it sorts and compares as text).
            """
            CREATE TABLE digital_tools (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                name TEXT NOT NULL,
                approval TEXT NOT NULL,
                proposed_by TEXT NOT NULL REFERENCES people(id),
                renews_on TEXT,
                document TEXT NOT NULL,
                version INTEGER NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX digital_tools_by_approval ON digital_tools (organization_id, approval, name)",
            // A tool on the shortlist of a coaching cycle or a plan's goal, with its rubric. anchor is "cycle:<id>" or
            // "goal:<plan>/<goal>": one key to list by, and a tool is on one shortlist once.
            """
            CREATE TABLE tool_shortlist_entries (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                tool_id TEXT NOT NULL REFERENCES digital_tools(id),
                anchor TEXT NOT NULL,
                plan_id TEXT REFERENCES growth_plans(id),
                document TEXT NOT NULL,
                version INTEGER NOT NULL,
                added_at BIGINT NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX tool_shortlist_entries_once ON tool_shortlist_entries (organization_id, anchor, tool_id)",
            "CREATE INDEX tool_shortlist_entries_by_tool ON tool_shortlist_entries (organization_id, tool_id)",
            // A trial whole as JSON, with its tool, coach, visibility and verdict beside it for the adoption view.
            """
            CREATE TABLE efficacy_trials (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                tool_id TEXT NOT NULL REFERENCES digital_tools(id),
                coach_id TEXT NOT NULL REFERENCES people(id),
                visibility TEXT NOT NULL,
                verdict TEXT,
                starts_on TEXT NOT NULL,
                document TEXT NOT NULL,
                version INTEGER NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX efficacy_trials_by_tool ON efficacy_trials (organization_id, tool_id, starts_on)",
            "CREATE INDEX efficacy_trials_shared ON efficacy_trials (organization_id, visibility, tool_id)",
            // Who is in which trial (the coach and each educator), kept with the document in one transaction, so
            // "my trials" is one indexed read.
            """
            CREATE TABLE efficacy_trial_people (
                trial_id TEXT NOT NULL REFERENCES efficacy_trials(id),
                person_id TEXT NOT NULL REFERENCES people(id),
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                PRIMARY KEY (trial_id, person_id)
            )
            """,
            "CREATE INDEX efficacy_trial_people_by_person ON efficacy_trial_people (organization_id, person_id)",
        ]
    }
}
