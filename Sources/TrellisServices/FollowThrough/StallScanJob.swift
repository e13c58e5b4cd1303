import Foundation
import TrellisCore
import TrellisStore

/// The daily stall scan of one district: opens a stall for each plan that has gone without a sign of life for longer
/// than the rhythm plus grace, telling its coaches and its owner once, and clears the stalls of plans that came back to
/// life (or were submitted), so a later stall is a new notice. Reads a handful of indexed queries and writes in one
/// transaction; repeating it the same day changes nothing.
public struct StallScanJob: JobHandler {
    public static let kind = "stall-scan"
    public var kind: String { Self.kind }

    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    public func run(_ job: Job) async throws {
        let (organization, day) = try DistrictDayPayload.of(job)
        try await scan(organization, today: day)
    }

    /// What one scan changed.
    public struct Result: Sendable, Hashable {
        public var opened = 0
        public var cleared = 0
        public var notified = 0
    }

    @discardableResult
    public func scan(_ organization: Organization.ID, today: CalendarDate) async throws -> Result {
        let scope = OrganizationScope(env.database, organizationID: organization)
        let rule = StallRule(rhythm: try await scope.checkInRhythm(), graceDays: try await scope.followThroughSettings().graceDays)
        let year = SchoolYear.containing(date: today, start: try await scope.schoolYearStart())
        let candidates = try await scope.planStalls.candidates(schoolYear: year.startYear)
        let contacts = try await scope.planStalls.lastContacts(onOrBefore: today)
        let standing = Dictionary(try await scope.planStalls.standing().map { ($0.planID, $0) }, uniquingKeysWith: { first, _ in first })

        var toClear = Set(standing.values.map(\.id))
        var toOpen: [(PlanStallStore.Candidate, since: CalendarDate, last: CalendarDate?)] = []
        for candidate in candidates {
            let activity = StalledPlans.activity(of: candidate, contacts: contacts)
            let stalled = rule.stall(status: candidate.status, activity: activity, today: today)
            if let stall = standing[candidate.planID], stalled != nil, StallRule.stands(since: stall.since, lastActivity: activity.last) {
                toClear.remove(stall.id)
                continue
            }
            if let since = stalled {
                toOpen.append((candidate, since, activity.last))
            }
        }
        guard !toClear.isEmpty || !toOpen.isEmpty else { return Result() }
        let coaches = try await scope.planStalls.coaches(of: toOpen.map(\.0.planID))
        let now = env.clock.now()
        let clearing = Array(toClear), opening = toOpen
        return try await env.database.transaction { tx in
            let scope = OrganizationScope(tx, organizationID: organization)
            var result = Result(cleared: clearing.count)
            try await scope.planStalls.clear(clearing, at: now)
            var notices: [PersonNotification] = []
            for (candidate, since, last) in opening {
                guard try await scope.planStalls.open(id: env.ids.make(PlanStall.self).rawValue, plan: candidate.planID,
                                                      owner: candidate.ownerID, since: since, at: now) else { continue }
                result.opened += 1
                let quietSince = last.map { " since \($0.longForm)" } ?? ""
                for coach in coaches[candidate.planID] ?? [] where coach != candidate.ownerID {
                    notices.append(notice(organization, coach, .planStalled, now, link: "/plans/\(candidate.planID)",
                                          "\(candidate.ownerName)’s growth plan has had no check-in, plan change or coaching contact\(quietSince)."))
                }
                notices.append(notice(organization, candidate.ownerID, .checkInNudge, now, link: "/plans/\(candidate.planID)/check-ins",
                                      "Your growth plan has been quiet\(quietSince). A short check-in, even a line or two, keeps it moving."))
            }
            try await scope.notifications.addAll(notices)
            result.notified = notices.count
            return result
        }
    }

    private func notice(_ organization: Organization.ID, _ person: Person.ID, _ kind: PersonNotification.Kind, _ now: Date,
                        link: String, _ message: String) -> PersonNotification {
        PersonNotification(id: env.ids.make(), organizationID: organization, personID: person, kind: kind, message: message,
                           link: link, createdAt: now)
    }
}
