import SQLKit

struct CreateDistrictChanges: Migration {
    let version = 21
    let name = "create district change marks"

    func statements(for dialect: DatabaseDialect) -> [SQLQueryString] {
        [
            // One number per district, moved on in the same transaction as every write that a district-wide kept page
            // (dashboards, caseloads) is made of, so each instance can tell cheaply whether what it kept is still
            // right (DistrictChanges.swift). Bookkeeping only: no foreign key, a restore may load it in any order.
            """
            CREATE TABLE district_changes (
                organization_id TEXT PRIMARY KEY,
                version BIGINT NOT NULL
            )
            """,
        ]
    }
}
