import SQLKit

struct CreateJobsAndDeadlines: Migration {
    let version = 18
    let name = "create jobs, deadlines, plan stalls and deadline reminders"

    func statements(for dialect: DatabaseDialect) -> [SQLQueryString] {
        [
            // Background work, shared by every instance through the database. A runner claims a due job by setting
            // locked_by and locked_until (a lease: a runner that dies lets go when it ends). unique_key makes scheduled
            // work idempotent ("stall-scan:<org>:<date>" is queued once however many runners schedule it); NULL for
            // jobs that need no key. organization_id names the district a job works for, for its admin's status page.
            """
            CREATE TABLE jobs (
                id TEXT PRIMARY KEY,
                organization_id TEXT REFERENCES organizations(id),
                kind TEXT NOT NULL,
                payload TEXT NOT NULL,
                unique_key TEXT UNIQUE,
                state TEXT NOT NULL,
                run_at BIGINT NOT NULL,
                attempts INTEGER NOT NULL,
                max_attempts INTEGER NOT NULL,
                last_error TEXT,
                locked_by TEXT,
                locked_until BIGINT,
                created_at BIGINT NOT NULL,
                finished_at BIGINT
            )
            """,
            "CREATE INDEX jobs_due ON jobs (state, run_at)",
            "CREATE INDEX jobs_by_organization ON jobs (organization_id, created_at)",
            // The school year's dates: the district's (school_id NULL) and a school's own, which takes the place of the
            // district's of the same kind for that school. One of each kind per year and place (two partial indexes,
            // since NULLs never collide in a unique index).
            """
            CREATE TABLE deadlines (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                school_id TEXT REFERENCES schools(id),
                school_year INTEGER NOT NULL,
                kind TEXT NOT NULL,
                due_on TEXT NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX deadlines_of_district ON deadlines (organization_id, school_year, kind) WHERE school_id IS NULL",
            "CREATE UNIQUE INDEX deadlines_of_school ON deadlines (organization_id, school_year, kind, school_id) WHERE school_id IS NOT NULL",
            // A plan that stalled: from which day, when its people were told, and when it cleared (NULL while it stands).
            // One standing stall per plan, so two scans at once notify once.
            """
            CREATE TABLE plan_stalls (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                plan_id TEXT NOT NULL REFERENCES growth_plans(id),
                owner_id TEXT NOT NULL REFERENCES people(id),
                since TEXT NOT NULL,
                notified_at BIGINT,
                cleared_at BIGINT
            )
            """,
            "CREATE UNIQUE INDEX plan_stalls_standing ON plan_stalls (plan_id) WHERE cleared_at IS NULL",
            "CREATE INDEX plan_stalls_by_owner ON plan_stalls (organization_id, owner_id, cleared_at)",
            // Each reminder sent: once per deadline (at the date it had then), person and offset.
            """
            CREATE TABLE deadline_reminders (
                deadline_id TEXT NOT NULL REFERENCES deadlines(id),
                due_on TEXT NOT NULL,
                person_id TEXT NOT NULL REFERENCES people(id),
                offset_days INTEGER NOT NULL,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                sent_at BIGINT NOT NULL,
                PRIMARY KEY (deadline_id, due_on, person_id, offset_days)
            )
            """,
            // The stall scan reads each educator's last coaching contact.
            "CREATE INDEX coaching_sessions_by_educator ON coaching_sessions (organization_id, educator_id, held_on)",
            // Days before each deadline that people are reminded ("7,1"; NULL: a week and a day), and the grace added to
            // the check-in rhythm before a plan counts as stalled (NULL: a week).
            "ALTER TABLE organizations ADD COLUMN reminder_offsets TEXT",
            "ALTER TABLE organizations ADD COLUMN stall_grace_days INTEGER",
        ]
    }
}
