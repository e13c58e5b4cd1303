import Foundation
import SQLKit
import TrellisCore

/// Plans that stalled, and what the daily scan reads to decide which have: each plan under way with its signs of life.
public struct PlanStallStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    /// A plan that can stall, with what the scan needs of it.
    public struct Candidate: Sendable, Hashable {
        public let planID: GrowthPlan.ID
        public let ownerID: Person.ID
        public let ownerName: String
        public let schoolID: School.ID?
        public let status: PlanStatus
        public let lastCheckIn: CalendarDate?
        /// The plan's last save: an edit, evidence, an action step, a check-in.
        public let updatedAt: Date
    }

    /// A stall that stands (not cleared).
    public struct Standing: Sendable, Hashable {
        public let id: String
        public let planID: GrowthPlan.ID
        public let ownerID: Person.ID
        public let since: CalendarDate
    }

    private struct CandidateRow: Decodable, Sendable {
        let id: String
        let ownerId: String
        let displayName: String
        let schoolId: String?
        let status: String
        let lastCheckInOn: String?
        let updatedAt: Int64
    }

    private struct StandingRow: Decodable, Sendable {
        let id: String
        let planId: String
        let ownerId: String
        let since: String
    }

    /// The school year's plans being worked (active or returned) of people still active: the plans that can stall.
    /// `school` narrows them to one school's people.
    public func candidates(schoolYear: Int, school: School.ID? = nil) async throws -> [Candidate] {
        let inSchool: SQLQueryString = school.map { "AND p.school_id = \(bind: $0.rawValue)" } ?? ""
        return try await executor.all("""
            SELECT g.id, g.owner_id, p.display_name, p.school_id, g.status, g.last_check_in_on, g.updated_at
            FROM growth_plans g JOIN people p ON p.id = g.owner_id AND p.organization_id = g.organization_id
            WHERE g.organization_id = \(bind: organizationID.rawValue) AND g.school_year = \(bind: schoolYear)
              AND g.status IN ('active', 'returned') AND p.is_active = \(bind: true) \(inSchool)
            """, as: CandidateRow.self).compactMap { row in
            guard let status = PlanStatus(rawValue: row.status) else { return nil }
            return Candidate(planID: .init(row.id), ownerID: .init(row.ownerId), ownerName: row.displayName,
                             schoolID: row.schoolId.map(School.ID.init), status: status,
                             lastCheckIn: row.lastCheckInOn.flatMap(CalendarDate.init(iso:)), updatedAt: Date(millisecondsSince1970: row.updatedAt))
        }
    }

    /// Each educator's latest coaching session held on or before `today`.
    public func lastContacts(onOrBefore today: CalendarDate) async throws -> [Person.ID: CalendarDate] {
        struct Row: Decodable, Sendable { let educatorId: String; let lastOn: String? }
        var contacts: [Person.ID: CalendarDate] = [:]
        for row in try await executor.all("""
            SELECT educator_id, MAX(held_on) AS last_on FROM coaching_sessions
            WHERE organization_id = \(bind: organizationID.rawValue) AND held_on <= \(bind: today.iso)
            GROUP BY educator_id
            """, as: Row.self) {
            if let date = row.lastOn.flatMap(CalendarDate.init(iso:)) { contacts[Person.ID(row.educatorId)] = date }
        }
        return contacts
    }

    /// The stalls that stand; `owners` narrows them to those people's plans.
    public func standing(owners: [Person.ID]? = nil) async throws -> [Standing] {
        let decode: (StandingRow) -> Standing? = { row in
            CalendarDate(iso: row.since).map { Standing(id: row.id, planID: .init(row.planId), ownerID: .init(row.ownerId), since: $0) }
        }
        guard let owners else {
            return try await executor.all("""
                SELECT id, plan_id, owner_id, since FROM plan_stalls
                WHERE organization_id = \(bind: organizationID.rawValue) AND cleared_at IS NULL
                """, as: StandingRow.self).compactMap(decode)
        }
        return try await executor.all(over: owners.map(\.rawValue), as: StandingRow.self) { chunk in """
            SELECT id, plan_id, owner_id, since FROM plan_stalls
            WHERE organization_id = \(bind: organizationID.rawValue) AND cleared_at IS NULL AND owner_id IN (\(binds: chunk))
            """ }.compactMap(decode)
    }

    /// Records that the plan stalled on `since`, notified at `now`. False when a stall of the plan already stands (another
    /// scan got there first), so its people are told once.
    public func open(id: String, plan: GrowthPlan.ID, owner: Person.ID, since: CalendarDate, at now: Date) async throws -> Bool {
        struct Row: Decodable, Sendable { let id: String }
        // Caseloads show stalls.
        defer { executor.forgetCaseloads(in: organizationID) }
        return try await executor.first("""
            INSERT INTO plan_stalls (id, organization_id, plan_id, owner_id, since, notified_at)
            VALUES (\(bind: id), \(bind: organizationID.rawValue), \(bind: plan.rawValue), \(bind: owner.rawValue), \(bind: since.iso),
                    \(bind: now.millisecondsSince1970))
            ON CONFLICT DO NOTHING
            RETURNING id
            """, as: Row.self) != nil
    }

    /// Clears stalls: their plans showed a sign of life, or can no longer stall.
    public func clear(_ ids: [String], at now: Date) async throws {
        defer { executor.forgetCaseloads(in: organizationID) }
        for start in stride(from: 0, to: ids.count, by: 200) {
            let chunk = Array(ids[start..<min(start + 200, ids.count)])
            try await executor.execute("""
                UPDATE plan_stalls SET cleared_at = \(bind: now.millisecondsSince1970)
                WHERE organization_id = \(bind: organizationID.rawValue) AND cleared_at IS NULL AND id IN (\(binds: chunk))
                """)
        }
    }

    /// The coaches each plan is shared with, by plan.
    public func coaches(of plans: [GrowthPlan.ID]) async throws -> [GrowthPlan.ID: [Person.ID]] {
        struct Row: Decodable, Sendable { let planId: String; let coachId: String }
        var coaches: [GrowthPlan.ID: [Person.ID]] = [:]
        for row in try await executor.all(over: plans.map(\.rawValue), as: Row.self, { chunk in """
            SELECT c.plan_id, c.coach_id FROM growth_plan_coaches c JOIN people p ON p.id = c.coach_id
            WHERE c.organization_id = \(bind: organizationID.rawValue) AND p.is_active = \(bind: true) AND c.plan_id IN (\(binds: chunk))
            ORDER BY c.plan_id, c.coach_id
            """ }) {
            coaches[GrowthPlan.ID(row.planId), default: []].append(Person.ID(row.coachId))
        }
        return coaches
    }
}

extension OrganizationScope {
    public var planStalls: PlanStallStore { PlanStallStore(executor: executor, organizationID: organizationID) }
}
