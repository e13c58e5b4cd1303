import SQLKit

struct CreateFrameworks: Migration {
    let version = 7
    let name = "create frameworks and standards"

    func statements(for dialect: DatabaseDialect) -> [SQLQueryString] {
        [
            // A district's own frameworks; the built-in ones live in code and are never stored.
            """
            CREATE TABLE frameworks (
                id TEXT PRIMARY KEY,
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                identifier TEXT NOT NULL,
                title TEXT NOT NULL,
                creator TEXT NOT NULL,
                description TEXT,
                source TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                UNIQUE (organization_id, identifier)
            )
            """,
            // Standards keep their published identifier; alignments refer to (framework, standard) identifiers,
            // so re-importing a framework updates rows in place and never breaks an alignment.
            """
            CREATE TABLE standards (
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                framework_id TEXT NOT NULL REFERENCES frameworks(id),
                identifier TEXT NOT NULL,
                code TEXT NOT NULL,
                title TEXT NOT NULL,
                description TEXT,
                parent_identifier TEXT,
                position INTEGER NOT NULL,
                is_retired BOOLEAN NOT NULL,
                PRIMARY KEY (framework_id, identifier)
            )
            """,
            "CREATE INDEX standards_by_organization ON standards (organization_id, framework_id)",
            // Which frameworks apply to which role in a district; none stored means the defaults.
            """
            CREATE TABLE framework_roles (
                organization_id TEXT NOT NULL REFERENCES organizations(id),
                role TEXT NOT NULL,
                framework_identifier TEXT NOT NULL,
                PRIMARY KEY (organization_id, role, framework_identifier)
            )
            """,
        ]
    }
}
