/// The signs of life on a plan, each the last day it happened: a check-in, a change to the plan (an edit, evidence, an
/// action step's update: every save), and coaching contact with its owner.
public struct PlanActivity: Sendable, Hashable {
    public var lastCheckIn: CalendarDate?
    public var lastChange: CalendarDate?
    public var lastContact: CalendarDate?

    public init(lastCheckIn: CalendarDate? = nil, lastChange: CalendarDate? = nil, lastContact: CalendarDate? = nil) {
        self.lastCheckIn = lastCheckIn
        self.lastChange = lastChange
        self.lastContact = lastContact
    }

    /// The latest of them.
    public var last: CalendarDate? { [lastCheckIn, lastChange, lastContact].compactMap { $0 }.max() }
}

/// When a plan under way counts as stalled: no sign of life for longer than the district's check-in rhythm plus its
/// grace period. Only plans being worked (active, or returned for changes) can stall; a draft owes "plan active by"
/// instead, and a submitted plan is waiting on someone else.
public struct StallRule: Sendable, Hashable {
    public let rhythm: CheckInRhythm
    public let graceDays: Int

    public init(rhythm: CheckInRhythm, graceDays: Int) {
        self.rhythm = rhythm
        self.graceDays = max(0, graceDays)
    }

    /// Days of quiet allowed before the plan stalls.
    public var allowedDays: Int { rhythm.days + graceDays }

    public static func canStall(_ status: PlanStatus) -> Bool { status == .active || status == .returned }

    /// The first day the plan counts as stalled if nothing happens after `lastActivity`.
    public func stalledSince(lastActivity: CalendarDate) -> CalendarDate {
        lastActivity.adding(days: allowedDays + 1) ?? lastActivity
    }

    /// The day the plan stalled, if it is stalled on `today`; nil when it is not.
    public func stall(status: PlanStatus, activity: PlanActivity, today: CalendarDate) -> CalendarDate? {
        guard Self.canStall(status), let last = activity.last else { return nil }
        let since = stalledSince(lastActivity: last)
        return since <= today ? since : nil
    }

    /// Whether a stall recorded as starting `since` still stands: no sign of life on or after that day. Activity after a
    /// stall clears it at once, before the next scan has run.
    public static func stands(since: CalendarDate, lastActivity: CalendarDate?) -> Bool {
        guard let lastActivity else { return true }
        return lastActivity < since
    }
}

/// A plan that stalled: from which day, with whose plan it is. It stands until the plan shows a sign of life again.
public struct PlanStall: Sendable, Hashable, Identifiable {
    public typealias ID = Identifier<PlanStall>

    public var id: ID
    public var planID: GrowthPlan.ID
    public var ownerID: Person.ID
    public var ownerName: String
    public var schoolID: School.ID?
    public var since: CalendarDate
    /// The last sign of life before it stalled.
    public var lastActivity: CalendarDate?

    public init(id: ID, planID: GrowthPlan.ID, ownerID: Person.ID, ownerName: String, schoolID: School.ID?, since: CalendarDate,
                lastActivity: CalendarDate?) {
        self.id = id
        self.planID = planID
        self.ownerID = ownerID
        self.ownerName = ownerName
        self.schoolID = schoolID
        self.since = since
        self.lastActivity = lastActivity
    }
}
