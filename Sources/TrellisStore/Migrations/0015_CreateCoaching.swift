import SQLKit

struct CreateCoaching: Migration {
    let version = 15
    let name = "create coaching relationships, cycles, sessions and alliance answers"

    func statements(for dialect: DatabaseDialect) -> [SQLQueryString] {
        [
            // One row per coach and educator who proposed to work together. A pair has at most one current
            // relationship (proposed or active): the partial unique index refuses a second invitation even when both
            // sides propose at the same moment. Ended and declined ones are kept for the records written in them.
            """
            CREATE TABLE coaching_relationships (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                coach_id TEXT NOT NULL REFERENCES people(id),
                educator_id TEXT NOT NULL REFERENCES people(id),
                state TEXT NOT NULL,
                document TEXT NOT NULL,
                version INTEGER NOT NULL,
                proposed_at BIGINT NOT NULL
            )
            """,
            """
            CREATE UNIQUE INDEX coaching_relationships_current ON coaching_relationships (organization_id, coach_id, educator_id)
            WHERE state IN ('proposed', 'active')
            """,
            "CREATE INDEX coaching_relationships_by_coach ON coaching_relationships (organization_id, coach_id, state)",
            "CREATE INDEX coaching_relationships_by_educator ON coaching_relationships (organization_id, educator_id, state)",
            // A cycle whole as JSON (focus, look-fors, dates), listed by relationship.
            """
            CREATE TABLE coaching_cycles (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                relationship_id TEXT NOT NULL REFERENCES coaching_relationships(id),
                starts_on TEXT NOT NULL,
                document TEXT NOT NULL,
                version INTEGER NOT NULL
            )
            """,
            "CREATE INDEX coaching_cycles_by_relationship ON coaching_cycles (organization_id, relationship_id, starts_on)",
            // A session whole as JSON (notes, observation, feedback), with what the caseload and the counts read beside
            // it: who, when, how long, and the educator's school when it was held (counts per school stay true after a
            // move). held_on is an ISO date and starts_minute the minute of the day, so both sort as they read.
            """
            CREATE TABLE coaching_sessions (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                relationship_id TEXT NOT NULL REFERENCES coaching_relationships(id),
                cycle_id TEXT REFERENCES coaching_cycles(id),
                coach_id TEXT NOT NULL REFERENCES people(id),
                educator_id TEXT NOT NULL REFERENCES people(id),
                school_id TEXT REFERENCES schools(id),
                kind TEXT NOT NULL,
                held_on TEXT NOT NULL,
                starts_minute INTEGER,
                minutes INTEGER NOT NULL,
                document TEXT NOT NULL,
                version INTEGER NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX coaching_sessions_by_relationship ON coaching_sessions (organization_id, relationship_id, held_on)",
            "CREATE INDEX coaching_sessions_by_coach ON coaching_sessions (organization_id, coach_id, held_on)",
            "CREATE INDEX coaching_sessions_by_school ON coaching_sessions (organization_id, school_id, held_on)",
            // The educator's answers after one feedback conversation: once per session.
            """
            CREATE TABLE alliance_answers (
                session_id TEXT PRIMARY KEY REFERENCES coaching_sessions(id),
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                relationship_id TEXT NOT NULL REFERENCES coaching_relationships(id),
                answered_on TEXT NOT NULL,
                answers TEXT NOT NULL
            )
            """,
            "CREATE INDEX alliance_answers_by_relationship ON alliance_answers (organization_id, relationship_id, answered_on)",
            // A form that arrived after its sign-in expired, kept (by the SHA-256 of a token held in the browser's
            // cookie) until the person signs in again, so a long observation typed in a classroom is not lost: where it
            // was posted, and the page it is applied on once they are back.
            """
            CREATE TABLE held_submissions (
                token_hash TEXT PRIMARY KEY,
                path TEXT NOT NULL,
                page TEXT NOT NULL,
                body TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            // The district's check-in rhythm (days without any sign of life before someone has gone quiet; NULL is four
            // weeks) and its own guiding questions for coaches (JSON; NULL uses Trellis's).
            "ALTER TABLE organizations ADD COLUMN check_in_rhythm_days INTEGER",
            "ALTER TABLE organizations ADD COLUMN coaching_questions TEXT",
        ]
    }
}
