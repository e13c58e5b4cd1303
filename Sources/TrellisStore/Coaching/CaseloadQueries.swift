import Foundation
import SQLKit
import TrellisCore

/// What a coach's caseload is made of, read in a handful of indexed queries: the coach's current relationships with
/// each educator's name and school, this school year's plan of each, and the coaching contact around them.
///
/// A coach opens the caseload many times a day, and 40 lines of it are the same for minutes at a time, so a read is
/// kept (`RecentReads`) and forgotten the moment this process writes a relationship, a session, a plan, a stall, a
/// person, a school or the district's rhythm (`forgetCaseloads`); other instances see the district's change mark move
/// (DistrictChanges.swift), so while nothing changes the read is kept for a minute.
public struct CaseloadQueries: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    /// One current relationship of the coach, with what the caseload shows of the educator.
    public struct Line: Sendable, Hashable {
        public let relationship: CoachingRelationship
        public let version: Int
        public let educatorName: String
        public let schoolName: String?
    }

    /// The educator's plan for the school year, as far as the coach may know it.
    public struct PlanFacts: Sendable, Hashable {
        public let status: PlanStatus
        public let lastCheckIn: CalendarDate?
        public let updatedAt: Date
        /// The first goal's statement; nil unless the plan is shared with this coach.
        public let firstGoal: String?
    }

    /// A session on or after the day asked for, to find each relationship's next one.
    public struct Upcoming: Sendable, Hashable {
        public let relationshipID: CoachingRelationship.ID
        public let timing: SessionTiming
    }

    /// Everything a caseload page is made from.
    public struct Read: Sendable, Hashable {
        public let schoolYearStart: SchoolYearStart
        public let rhythm: CheckInRhythm
        public let lines: [Line]
        /// By educator.
        public let plans: [Person.ID: PlanFacts]
        /// The latest coaching contact on or before the day asked for, by relationship.
        public let lastContact: [CoachingRelationship.ID: CalendarDate]
        /// Sessions from the day asked for on, soonest first.
        public let upcoming: [Upcoming]
    }

    /// The coach's caseload as of `today`. The school year is the district's, found from `today`.
    public func caseload(coach: Person.ID, today: CalendarDate) async throws -> Read {
        let key = Self.recentPrefix(organizationID, coach: coach) + today.iso
        return try await executor.reusing(key, unchangedIn: organizationID.rawValue) { try await readCaseload(coach: coach, today: today) }
    }

    /// A value made from the coach's caseload reads (the page's lines, sorted and marked), kept like them and forgotten
    /// with them: the caseload is opened all day, and making 40 lines again on every request was most
    /// of its cost. Access is decided by the caller on every request, before asking; `name` must say everything the
    /// value depends on besides the coach (the order, the filter, the day and the minute).
    public func kept<Value: Sendable>(coach: Person.ID, _ name: String, make: () async throws -> Value) async throws -> Value {
        try await executor.reusing(Self.recentPrefix(organizationID, coach: coach) + "kept:" + name, unchangedIn: organizationID.rawValue, make)
    }

    private struct SettingsRow: Decodable, Sendable {
        let schoolYearStart: String
        let checkInRhythmDays: Int?
    }

    private struct LineRow: Decodable, Sendable {
        let document: String
        let version: Int
        let displayName: String
        let schoolName: String?
    }

    private struct PlanRow: Decodable, Sendable {
        let id: String
        let ownerId: String
        let version: Int
        let status: String
        let lastCheckInOn: String?
        let updatedAt: Int64
        let isShared: Int
    }

    private struct LastRow: Decodable, Sendable {
        let relationshipId: String
        let lastOn: String?
    }

    private struct UpcomingRow: Decodable, Sendable {
        let relationshipId: String
        let heldOn: String
        let startsMinute: Int?
        let minutes: Int
    }

    private func readCaseload(coach: Person.ID, today: CalendarDate) async throws -> Read {
        let org = organizationID.rawValue
        let settings = try await executor.first("""
            SELECT school_year_start, check_in_rhythm_days FROM organizations WHERE id = \(bind: org)
            """, as: SettingsRow.self)
        let start = settings.flatMap { Self.yearStart($0.schoolYearStart) } ?? .julyFirst
        let rhythm = settings?.checkInRhythmDays.flatMap(CheckInRhythm.init(days:)) ?? .fourWeeks
        let year = SchoolYear.containing(date: today, start: start)
        let current: SQLQueryString = "('proposed', 'active')"
        let lines = try await executor.all("""
            SELECT r.document, r.version, p.display_name, s.name AS school_name
            FROM coaching_relationships r
            JOIN people p ON p.id = r.educator_id AND p.organization_id = r.organization_id
            LEFT JOIN schools s ON s.id = p.school_id AND s.organization_id = r.organization_id
            WHERE r.organization_id = \(bind: org) AND r.coach_id = \(bind: coach.rawValue) AND r.state IN \(current)
            """, as: LineRow.self).compactMap { row -> Line? in
            guard let relationship = try? JSONDecoder().decode(CoachingRelationship.self, from: Data(row.document.utf8)),
                  relationship.organizationID == organizationID else { return nil }
            return Line(relationship: relationship, version: row.version, educatorName: row.displayName, schoolName: row.schoolName)
        }
        guard !lines.isEmpty else {
            return Read(schoolYearStart: start, rhythm: rhythm, lines: [], plans: [:], lastContact: [:], upcoming: [])
        }
        let planRows = try await executor.all("""
            SELECT g.id, g.owner_id, g.version, g.status, g.last_check_in_on, g.updated_at,
                CASE WHEN EXISTS (SELECT 1 FROM growth_plan_coaches c WHERE c.plan_id = g.id AND c.coach_id = \(bind: coach.rawValue)
                                  AND c.organization_id = g.organization_id) THEN 1 ELSE 0 END AS is_shared
            FROM growth_plans g
            WHERE g.organization_id = \(bind: org) AND g.school_year = \(bind: year.startYear) AND g.owner_id IN (
                SELECT educator_id FROM coaching_relationships
                WHERE organization_id = \(bind: org) AND coach_id = \(bind: coach.rawValue) AND state IN \(current))
            """, as: PlanRow.self)
        let goals = try await firstGoals(of: planRows.filter { $0.isShared == 1 })
        var plans: [Person.ID: PlanFacts] = [:]
        for row in planRows {
            guard let status = PlanStatus(rawValue: row.status) else { continue }
            plans[Person.ID(row.ownerId)] = PlanFacts(status: status, lastCheckIn: row.lastCheckInOn.flatMap(CalendarDate.init(iso:)),
                                                      updatedAt: Date(millisecondsSince1970: row.updatedAt),
                                                      firstGoal: row.isShared == 1 ? goals[row.id] ?? nil : nil)
        }
        let relationshipIDs = Set(lines.map(\.relationship.id))
        var lastContact: [CoachingRelationship.ID: CalendarDate] = [:]
        for row in try await executor.all("""
            SELECT relationship_id, MAX(held_on) AS last_on FROM coaching_sessions
            WHERE organization_id = \(bind: org) AND coach_id = \(bind: coach.rawValue) AND held_on <= \(bind: today.iso)
            GROUP BY relationship_id
            """, as: LastRow.self) {
            let id = CoachingRelationship.ID(row.relationshipId)
            if relationshipIDs.contains(id), let date = row.lastOn.flatMap(CalendarDate.init(iso:)) { lastContact[id] = date }
        }
        let upcoming = try await executor.all("""
            SELECT relationship_id, held_on, starts_minute, minutes FROM coaching_sessions
            WHERE organization_id = \(bind: org) AND coach_id = \(bind: coach.rawValue) AND held_on >= \(bind: today.iso)
            ORDER BY held_on, starts_minute
            """, as: UpcomingRow.self).compactMap { row -> Upcoming? in
            let id = CoachingRelationship.ID(row.relationshipId)
            guard relationshipIDs.contains(id), let date = CalendarDate(iso: row.heldOn) else { return nil }
            return Upcoming(relationshipID: id, timing: SessionTiming(date: date, startsAt: row.startsMinute.flatMap(ClockTime.init(minuteOfDay:)),
                                                                      minutes: row.minutes))
        }.sorted { $0.timing < $1.timing }
        return Read(schoolYearStart: start, rhythm: rhythm, lines: lines, plans: plans, lastContact: lastContact, upcoming: upcoming)
    }

    /// The first goal of each shared plan, by plan id, decoded through `PlanCache` so a plan already decoded at this
    /// version is not decoded again; only the plans missing from it are read.
    private func firstGoals(of rows: [PlanRow]) async throws -> [String: String?] {
        var goals: [String: String?] = [:]
        var missing: [String] = []
        for row in rows {
            if let cached = PlanCache.shared.get(PlanStore.cacheKey(organizationID, GrowthPlan.ID(row.id)), version: row.version) {
                goals[row.id] = cached.plan.goals.first?.statement
            } else {
                missing.append(row.id)
            }
        }
        struct DocumentRow: Decodable, Sendable { let document: String; let version: Int; let updatedAt: Int64 }
        let documents = try await executor.all(over: missing, as: DocumentRow.self) { chunk in """
            SELECT document, version, updated_at FROM growth_plans
            WHERE organization_id = \(bind: organizationID.rawValue) AND id IN (\(binds: chunk))
            """ }
        for row in documents {
            guard let plan = try? JSONDecoder().decode(GrowthPlan.self, from: Data(row.document.utf8)),
                  plan.organizationID == organizationID else { continue }
            PlanCache.shared.put(PlanStore.cacheKey(organizationID, plan.id),
                                 PlanStore.Stored(plan: plan, version: row.version, updatedAt: Date(millisecondsSince1970: row.updatedAt)))
            goals[plan.id.rawValue] = plan.goals.first?.statement
        }
        return goals
    }

    static func yearStart(_ text: String) -> SchoolYearStart? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return parts.count == 2 ? SchoolYearStart(month: parts[0], day: parts[1]) : nil
    }

    /// Where a coach's kept caseload reads begin (one per day asked for); nil coach: every coach of the district.
    static func recentPrefix(_ organization: Organization.ID, coach: Person.ID? = nil) -> String {
        "caseload:\(organization)/" + (coach.map { "\($0)@" } ?? "")
    }
}

extension SQLExecutor {
    /// Called by every write that changes what a caseload shows: a plan, a stall, a school or the district's rhythm or
    /// school year (every caseload of the district, since a plan does not know its coaches). The leaders' dashboards
    /// show the same.
    func forgetCaseloads(in organization: Organization.ID, coach: Person.ID? = nil) {
        forgetRecent(startingWith: CaseloadQueries.recentPrefix(organization, coach: coach))
        forgetDashboards(in: organization)
    }

    /// Called by the writes that change what the plans' coaching timelines show as well as the caseloads: a relationship
    /// or a session (that coach's caseload). Every other write leaves the timelines alone: a plan's save changes nothing
    /// they show, and forgetting them made every plan page of the district read its owner's coaching again after any
    /// teacher's save.
    func forgetCaseloadsAndTimelines(in organization: Organization.ID, coach: Person.ID? = nil) {
        forgetCaseloads(in: organization, coach: coach)
        forgetRecent(startingWith: CoachingTimelineQueries.recentPrefix(organization))
        noteDistrictChange(DistrictChanges.coaching(organization.rawValue))
    }
}

extension OrganizationScope {
    public var caseloads: CaseloadQueries { CaseloadQueries(executor: executor, organizationID: organizationID) }
}
