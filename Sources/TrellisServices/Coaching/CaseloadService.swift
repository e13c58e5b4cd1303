import Foundation
import TrellisCore
import TrellisStore

/// A coach's caseload: each person they coach (and each proposal waiting), where their plan stands, the coaching
/// around it, and who has gone quiet by the district's rhythm.
public struct CaseloadService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    /// One line of the caseload.
    public struct Line: Sendable, Hashable {
        public let entry: CaseloadEntry
        public let version: Int
        public let isQuiet: Bool
        /// A proposal the coach is to answer (the educator asked), rather than one the coach sent.
        public let awaitsMyAnswer: Bool
        /// The day the educator's plan stalled, while the stall stands (`StalledPlans`).
        public var stalledSince: CalendarDate? = nil
    }

    /// The caseload as one page shows it.
    public struct Caseload: Sendable, Hashable {
        public let lines: [Line]
        /// Active relationships, whatever the filter shows.
        public let people: Int
        public let quiet: Int
        public let proposals: Int
        public let rhythm: CheckInRhythm
        public let today: CalendarDate

        /// The page cache hashes its source on every request: a few fields are enough (equal caseloads hash the same),
        /// where hashing 40 lines was not cheap. Equality still compares everything.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(lines.count)
            hasher.combine(people)
            hasher.combine(quiet)
            hasher.combine(today)
        }
    }

    public var today: CalendarDate { env.today }

    /// The actor's own caseload, in `order`; only those gone quiet when `quietOnly`.
    public func caseload(_ actor: Actor, order: CaseloadOrder = .lastContact, quietOnly: Bool = false) async throws -> Caseload {
        guard Policy.can(actor, .read, .caseload(organizationID: actor.organizationID, coachID: actor.personID)) else {
            throw ServiceError.forbidden
        }
        let today = env.today
        let minuteNow = Self.minuteOfDay(env.clock.now())
        let name = "\(order.rawValue)/\(quietOnly)/\(today.iso)/\(minuteNow)"
        return try await env.scope(actor).caseloads.kept(coach: actor.personID, name) {
            try await make(actor, order: order, quietOnly: quietOnly, today: today, minuteNow: minuteNow)
        }
    }

    private func make(_ actor: Actor, order: CaseloadOrder, quietOnly: Bool, today: CalendarDate, minuteNow: Int) async throws -> Caseload {
        let read = try await env.scope(actor).caseloads.caseload(coach: actor.personID, today: today)
        var next: [CoachingRelationship.ID: SessionTiming] = [:]
        for upcoming in read.upcoming where next[upcoming.relationshipID] == nil {
            let timing = upcoming.timing
            let isAhead = timing.date > today || (timing.date == today && (timing.startsAt?.minuteOfDay ?? -1) > minuteNow)
            if isAhead { next[upcoming.relationshipID] = timing }
        }
        var lines: [Line] = []
        for line in read.lines {
            let relationship = line.relationship
            // Until the educator agrees, the coach learns nothing about their plan, not even its status.
            let plan = relationship.isActive ? read.plans[relationship.educatorID] : nil
            let entry = CaseloadEntry(relationship: relationship, educatorName: line.educatorName, schoolName: line.schoolName,
                                      planStatus: plan?.status, currentGoal: plan?.firstGoal, lastCheckIn: plan?.lastCheckIn,
                                      lastPlanActivity: plan.map { Self.day(of: $0.updatedAt) }, lastContact: read.lastContact[relationship.id],
                                      nextSession: next[relationship.id])
            let quiet = entry.hasGoneQuiet(today: today, rhythm: read.rhythm, startedOn: relationship.startedAt.map(Self.day(of:)))
            lines.append(Line(entry: entry, version: line.version, isQuiet: quiet, awaitsMyAnswer: relationship.awaitsAnswer(from: actor.personID)))
        }
        // A stall shows only while no sign of life has come since it began.
        let stalls = try await StalledPlans(env).stalledSince(actor, owners: lines.filter(\.entry.relationship.isActive).map(\.entry.relationship.educatorID))
        for index in lines.indices {
            if let since = stalls[lines[index].entry.relationship.educatorID], lines[index].entry.planStatus.map(StallRule.canStall) == true,
               StallRule.stands(since: since, lastActivity: lines[index].entry.lastActivity) {
                lines[index].stalledSince = since
            }
        }
        let sorted = order.sorted(lines) { $0.entry }
        let waiting = sorted.filter { !$0.entry.relationship.isActive }
        let active = sorted.filter { $0.entry.relationship.isActive }
        // Proposals waiting come first: they are what the coach has to act on.
        return Caseload(lines: quietOnly ? active.filter(\.isQuiet) : waiting + active, people: active.count,
                        quiet: active.filter(\.isQuiet).count, proposals: waiting.count, rhythm: read.rhythm, today: today)
    }

    static func day(of date: Date) -> CalendarDate { CalendarDate(date, in: ServiceEnvironment.districtTimeZone) }

    static func minuteOfDay(_ date: Date) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = ServiceEnvironment.districtTimeZone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
    }
}
