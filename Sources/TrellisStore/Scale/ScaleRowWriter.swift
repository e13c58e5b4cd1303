import Foundation
import SQLKit
import TrellisCore

/// Writes a generated district's rows many at a time, for filling a database with a state's worth of demo data
/// (`trellis demo --districts`). The same rows the stores write one by one, but as multi-row INSERTs of up to
/// `rowsPerStatement` rows: one round trip per thousand rows instead of one per row is what lets 100,000 educators and
/// their five years of plans load in minutes. Nothing here forgets recent reads: it is meant for a database no server is
/// reading yet, or for a district no server has shown.
public struct ScaleRowWriter: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID
    /// How many rows one INSERT carries at most; fewer when a table is wide, to stay within the databases' bound-parameter
    /// limits (SQLite 32,766, PostgreSQL 65,535).
    public static let rowsPerStatement = 1_000

    public init(_ executor: any SQLExecutor, organizationID: Organization.ID) {
        self.executor = executor
        self.organizationID = organizationID
    }

    /// The district itself, written in the same transaction as its rows so a district is there whole or not at all.
    public func createOrganization(_ organization: Organization, at date: Date) async throws {
        precondition(organization.id == organizationID, "the writer's own district")
        try await OrganizationStore(executor).create(organization, at: date)
    }

    public func insert(schools: [School], at date: Date) async throws -> Int {
        try await insert(into: "schools", ["id", "organization_id", "name", "created_at"], schools.map { school in
            [school.id.rawValue, organizationID.rawValue, school.name, date.millisecondsSince1970]
        })
    }

    /// People with their roles; every generated person shares `passwordHash` (one bcrypt hash, not one per person).
    public func insert(people: [Person], passwordHash: String, at date: Date) async throws -> Int {
        let written = try await insert(
            into: "people", ["id", "organization_id", "email", "display_name", "school_id", "password_hash", "is_active", "credential_version", "created_at"],
            people.map { person in
                [person.id.rawValue, organizationID.rawValue, person.email.value, person.displayName, person.schoolID?.rawValue, passwordHash,
                 person.isActive, 0, date.millisecondsSince1970]
            })
        let roles: [[any Encodable & Sendable]] = people.flatMap { person in
            person.roles.sorted().map { [organizationID.rawValue, person.id.rawValue, $0.rawValue] }
        }
        return written + (try await insert(into: "person_roles", ["organization_id", "person_id", "role"], roles))
    }

    /// Plans with the columns lists read beside each document, and the coaches each is shared with.
    public func insert(plans: [(plan: GrowthPlan, updatedAt: Date)]) async throws -> Int {
        var rows: [[any Encodable & Sendable]] = []
        rows.reserveCapacity(plans.count)
        for (plan, updatedAt) in plans {
            precondition(plan.organizationID == organizationID, "a plan is written in its own district")
            rows.append([plan.id.rawValue, organizationID.rawValue, plan.ownerID.rawValue, plan.schoolYear.startYear, plan.status.rawValue,
                         try PlanStore.encode(plan), 1, PlanStore.lastCheckIn(plan), plan.sharing.isSharedWithSchoolLeaders,
                         updatedAt.millisecondsSince1970, updatedAt.millisecondsSince1970])
        }
        let written = try await insert(
            into: "growth_plans", ["id", "organization_id", "owner_id", "school_year", "status", "document", "version", "last_check_in_on",
                                   "shared_with_leaders", "created_at", "updated_at"], rows)
        let coaches: [[any Encodable & Sendable]] = plans.flatMap { entry in
            Set(entry.plan.sharing.coachIDs).sorted().map { [organizationID.rawValue, entry.plan.id.rawValue, $0.rawValue] }
        }
        return written + (try await insert(into: "growth_plan_coaches", ["organization_id", "plan_id", "coach_id"], coaches))
    }

    public func insert(relationships: [CoachingRelationship]) async throws -> Int {
        var rows: [[any Encodable & Sendable]] = []
        for relationship in relationships {
            precondition(relationship.organizationID == organizationID, "a relationship is written in its own district")
            rows.append([relationship.id.rawValue, organizationID.rawValue, relationship.coachID.rawValue, relationship.educatorID.rawValue,
                         relationship.state.rawValue, try CoachingRelationshipStore.encode(relationship), 1,
                         relationship.proposedAt.millisecondsSince1970])
        }
        return try await insert(
            into: "coaching_relationships", ["id", "organization_id", "coach_id", "educator_id", "state", "document", "version", "proposed_at"], rows)
    }

    /// A session with what the caseload and the counts read beside it: the relationship's two people and the educator's school.
    public struct SessionRow: Sendable {
        public let session: CoachingSession
        public let relationship: CoachingRelationship
        public let schoolID: School.ID?

        public init(_ session: CoachingSession, in relationship: CoachingRelationship, schoolID: School.ID?) {
            self.session = session
            self.relationship = relationship
            self.schoolID = schoolID
        }
    }

    public func insert(sessions: [SessionRow], at date: Date) async throws -> Int {
        var rows: [[any Encodable & Sendable]] = []
        rows.reserveCapacity(sessions.count)
        for row in sessions {
            let session = row.session
            precondition(session.organizationID == organizationID && session.relationshipID == row.relationship.id,
                         "a session is written in its own district and relationship")
            rows.append([session.id.rawValue, organizationID.rawValue, row.relationship.id.rawValue, session.cycleID?.rawValue,
                         row.relationship.coachID.rawValue, row.relationship.educatorID.rawValue, row.schoolID?.rawValue, session.kind.rawValue,
                         session.timing.date.iso, session.timing.startsAt?.minuteOfDay, session.timing.minutes,
                         try DocumentJSON.encode(session), 1, date.millisecondsSince1970])
        }
        return try await insert(
            into: "coaching_sessions", ["id", "organization_id", "relationship_id", "cycle_id", "coach_id", "educator_id", "school_id", "kind",
                                        "held_on", "starts_minute", "minutes", "document", "version", "created_at"], rows)
    }

    /// `rows` as INSERT statements of up to `rowsPerStatement` rows each; returns how many rows were written.
    private func insert(into table: String, _ columns: [String], _ rows: [[any Encodable & Sendable]]) async throws -> Int {
        guard !rows.isEmpty else { return 0 }
        let perStatement = max(1, min(Self.rowsPerStatement, 30_000 / columns.count))
        let columnList = SQLList(columns.map { SQLIdentifier($0) })
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let values = rows[start..<min(start + perStatement, rows.count)].map { row in
                SQLGroupExpression(SQLList(row.map { SQLBind($0) }))
            }
            try await executor.execute("INSERT INTO \(ident: table) (\(columnList)) VALUES \(SQLList(values))")
        }
        return rows.count
    }
}
