import Foundation
import SQLKit
import TrellisCore

/// Counts of coaching for leaders and admins: sessions, minutes and people coached, per school and per coach. Only the
/// columns beside each session are read, never its document, so no note can reach these pages.
public struct CoachingCountQueries: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    /// The coaching held with one school's educators (the school they were at when it was held), or by one coach.
    public struct Tally: Sendable, Hashable {
        /// A school id or a coach's person id; nil for sessions with an educator of no school.
        public let key: String?
        public let sessions: Int
        public let minutes: Int
        public let people: Int
    }

    private struct Row: Decodable, Sendable {
        let groupKey: String?
        let sessions: Int
        let minutes: Int?
        let people: Int
    }

    /// Sessions held from `from` to `through` (inclusive), per school; only `school` when given.
    public func perSchool(from: CalendarDate, through: CalendarDate, school: School.ID? = nil) async throws -> [Tally] {
        try await tallies(group: "school_id", from: from, through: through, school: school)
    }

    /// The same per coach; with `school`, only the sessions with that school's educators.
    public func perCoach(from: CalendarDate, through: CalendarDate, school: School.ID? = nil) async throws -> [Tally] {
        try await tallies(group: "coach_id", from: from, through: through, school: school)
    }

    private func tallies(group: String, from: CalendarDate, through: CalendarDate, school: School.ID?) async throws -> [Tally] {
        let schoolFilter: SQLQueryString = school.map { "AND school_id = \(bind: $0.rawValue)" } ?? ""
        return try await executor.all("""
            SELECT \(ident: group) AS group_key, COUNT(*) AS sessions, SUM(minutes) AS minutes, COUNT(DISTINCT educator_id) AS people
            FROM coaching_sessions
            WHERE organization_id = \(bind: organizationID.rawValue) AND held_on >= \(bind: from.iso) AND held_on <= \(bind: through.iso)
                \(schoolFilter)
            GROUP BY \(ident: group)
            """, as: Row.self).map { Tally(key: $0.groupKey, sessions: $0.sessions, minutes: $0.minutes ?? 0, people: $0.people) }
    }
}

/// People a coach may invite: the district's active educators, with only what the choice needs.
public struct CoachingCandidate: Sendable, Hashable {
    public let id: Person.ID
    public let name: String
    public let schoolID: School.ID?
}

extension OrganizationScope {
    public var coachingCounts: CoachingCountQueries { CoachingCountQueries(executor: executor, organizationID: organizationID) }

    /// Active people holding `role`, by name: one query, without reading every role of each.
    public func candidates(with role: Role) async throws -> [CoachingCandidate] {
        struct Row: Decodable, Sendable { let id: String; let displayName: String; let schoolId: String? }
        return try await executor.all("""
            SELECT id, display_name, school_id FROM people
            WHERE organization_id = \(bind: organizationID.rawValue) AND is_active = \(bind: true)
              AND id IN (SELECT person_id FROM person_roles WHERE organization_id = \(bind: organizationID.rawValue) AND role = \(bind: role.rawValue))
            ORDER BY display_name, id
            """, as: Row.self).map { CoachingCandidate(id: .init($0.id), name: $0.displayName, schoolID: $0.schoolId.map(School.ID.init)) }
    }
}
