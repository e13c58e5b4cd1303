import Foundation
import SQLKit
import TrellisCore

/// The figures of the follow-through dashboards, aggregated in SQL over indexed columns: a school's people with this
/// school year's plan of each (status, dates, sharing), which standards the school's goals are aligned to, and the
/// cohorts its people are in; and the same per school across the district.
///
/// Only the columns beside each plan are read, never its document, except two things taken from it in SQL: the first
/// goal's statement of a plan shared with the school's leaders, and the standard identifiers of goals, counted.
public struct DashboardQueries: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    /// One person of a school, with this school year's plan if they have one.
    public struct PersonLine: Sendable, Hashable {
        public let personID: Person.ID
        public let name: String
        public let schoolID: School.ID?
        public let plan: PlanLine?
    }

    /// What the dashboards know of a plan: where it stands and when it moved, never what it says, except the first
    /// goal of a plan its owner shares with the school's leaders.
    public struct PlanLine: Sendable, Hashable {
        public let planID: GrowthPlan.ID
        public let status: PlanStatus
        public let lastCheckIn: CalendarDate?
        public let updatedAt: Date
        public let isSharedWithLeaders: Bool
        /// nil unless shared with the school's leaders.
        public let firstGoal: String?
    }

    /// How many goals are aligned to one standard.
    public struct StandardCount: Sendable, Hashable {
        public let identifier: String
        public let goals: Int
    }

    /// A cohort some of a school's people belong to, with how many of them.
    public struct CohortCount: Sendable, Hashable {
        public let cohortID: Cohort.ID
        public let schoolID: School.ID?
        public let members: Int
    }

    private struct PersonRow: Decodable, Sendable {
        let personId: String
        let displayName: String
        let schoolId: String?
        let planId: String?
        let status: String?
        let lastCheckInOn: String?
        let updatedAt: Int64?
        let isShared: Int?
        let firstGoal: String?
    }

    /// The active educators of `school` (nil: of the whole district) and anyone else of it who has a plan this year, by
    /// name, each with their plan of `schoolYear`. Archived plans count as no plan. `withGoals` reads the first goal of
    /// plans shared with leaders; without it `firstGoal` is always nil.
    public func people(school: School.ID?, schoolYear: Int, withGoals: Bool) async throws -> [PersonLine] {
        let org = organizationID.rawValue
        let inSchool: SQLQueryString = school.map { "AND p.school_id = \(bind: $0.rawValue)" } ?? ""
        let firstGoal: SQLQueryString = !withGoals ? "NULL"
            : executor.dialect == .postgres ? "(g.document::json -> 'goals' -> 0 ->> 'statement')" : "json_extract(g.document, '$.goals[0].statement')"
        return try await executor.all("""
            SELECT p.id AS person_id, p.display_name, p.school_id, g.id AS plan_id, g.status, g.last_check_in_on, g.updated_at,
                CASE WHEN g.shared_with_leaders = \(bind: true) THEN 1 ELSE 0 END AS is_shared,
                CASE WHEN g.shared_with_leaders = \(bind: true) THEN \(firstGoal) END AS first_goal
            FROM people p
            LEFT JOIN growth_plans g ON g.organization_id = p.organization_id AND g.owner_id = p.id
                AND g.school_year = \(bind: schoolYear) AND g.status <> 'archived'
            WHERE p.organization_id = \(bind: org) AND p.is_active = \(bind: true) \(inSchool)
              AND (g.id IS NOT NULL OR p.id IN (SELECT person_id FROM person_roles
                                               WHERE organization_id = \(bind: org) AND role = \(bind: Role.educator.rawValue)))
            ORDER BY p.display_name, p.id
            """, as: PersonRow.self).map { row in
            let plan = row.planId.flatMap { id -> PlanLine? in
                guard let status = row.status.flatMap(PlanStatus.init(rawValue:)) else { return nil }
                let shared = row.isShared == 1
                return PlanLine(planID: .init(id), status: status, lastCheckIn: row.lastCheckInOn.flatMap(CalendarDate.init(iso:)),
                                updatedAt: Date(millisecondsSince1970: row.updatedAt ?? 0), isSharedWithLeaders: shared,
                                firstGoal: shared ? row.firstGoal?.nonEmptyText : nil)
            }
            return PersonLine(personID: .init(row.personId), name: row.displayName, schoolID: row.schoolId.map(School.ID.init), plan: plan)
        }
    }

    /// How many goals of `schoolYear`'s plans (not archived) of `school`'s people are aligned to each standard, most first.
    /// A count across people, never who aligned what.
    public func standardCounts(school: School.ID?, schoolYear: Int) async throws -> [StandardCount] {
        struct Row: Decodable, Sendable { let identifier: String; let goals: Int }
        let org = organizationID.rawValue
        let inSchool: SQLQueryString = school.map { "AND p.school_id = \(bind: $0.rawValue)" } ?? ""
        // Each goal's identifiers, unnested in SQL: on PostgreSQL through json_array_elements, on SQLite through json_each.
        let unnest: SQLQueryString = executor.dialect == .postgres
            ? """
              CROSS JOIN LATERAL json_array_elements(g.document::json -> 'goals') AS goal(value)
              CROSS JOIN LATERAL json_array_elements_text(goal.value -> 'alignedStandardIdentifiers') AS s(value)
              """
            : "CROSS JOIN json_each(g.document, '$.goals') AS goal CROSS JOIN json_each(goal.value, '$.alignedStandardIdentifiers') AS s"
        return try await executor.all("""
            SELECT s.value AS identifier, COUNT(*) AS goals
            FROM growth_plans g JOIN people p ON p.id = g.owner_id AND p.organization_id = g.organization_id
            \(unnest)
            WHERE g.organization_id = \(bind: org) AND g.school_year = \(bind: schoolYear) AND g.status <> 'archived'
              AND p.is_active = \(bind: true) \(inSchool)
            GROUP BY s.value
            ORDER BY COUNT(*) DESC, s.value
            """, as: Row.self).map { StandardCount(identifier: $0.identifier, goals: $0.goals) }
    }

    /// The cohorts `school`'s people are members of (nil: per school across the district), with how many of them each.
    public func cohortCounts(school: School.ID?) async throws -> [CohortCount] {
        struct Row: Decodable, Sendable { let cohortId: String; let schoolId: String?; let members: Int }
        let inSchool: SQLQueryString = school.map { "AND p.school_id = \(bind: $0.rawValue)" } ?? ""
        return try await executor.all("""
            SELECT m.cohort_id, p.school_id, COUNT(*) AS members
            FROM cohort_members m JOIN people p ON p.id = m.person_id AND p.organization_id = m.organization_id
            WHERE m.organization_id = \(bind: organizationID.rawValue) AND p.is_active = \(bind: true) \(inSchool)
            GROUP BY m.cohort_id, p.school_id
            ORDER BY m.cohort_id, p.school_id
            """, as: Row.self).map { CohortCount(cohortID: .init($0.cohortId), schoolID: $0.schoolId.map(School.ID.init), members: $0.members) }
    }
}

private extension String {
    var nonEmptyText: String? { trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : self }
}

extension OrganizationScope {
    public var dashboards: DashboardQueries { DashboardQueries(executor: executor, organizationID: organizationID) }
}
