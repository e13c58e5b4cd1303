import Foundation

/// How often a district expects some sign of life on a plan: a check-in, an edit or a coaching contact.
/// Someone with none for longer has "gone quiet".
public struct CheckInRhythm: Sendable, Hashable {
    public static let fourWeeks = CheckInRhythm(days: 28)!
    public static let allowedDays = 7...120

    public let days: Int

    public init?(days: Int) {
        guard Self.allowedDays.contains(days) else { return nil }
        self.days = days
    }

    public var label: String { days % 7 == 0 ? "\(days / 7) \(days == 7 ? "week" : "weeks")" : "\(days) days" }
}

/// One line of a coach's caseload: the person, where their plan stands, and the coaching around it.
public struct CaseloadEntry: Sendable, Hashable {
    public var relationship: CoachingRelationship
    public var educatorName: String
    public var schoolName: String?
    /// Nil when the educator has no plan this school year.
    public var planStatus: PlanStatus?
    /// The first goal's statement, only when the plan is shared with this coach.
    public var currentGoal: String?
    public var lastCheckIn: CalendarDate?
    /// The last day the plan changed in any way (a check-in, evidence, an edit).
    public var lastPlanActivity: CalendarDate?
    public var lastContact: CalendarDate?
    public var nextSession: SessionTiming?

    public init(relationship: CoachingRelationship, educatorName: String, schoolName: String? = nil, planStatus: PlanStatus? = nil,
                currentGoal: String? = nil, lastCheckIn: CalendarDate? = nil, lastPlanActivity: CalendarDate? = nil,
                lastContact: CalendarDate? = nil, nextSession: SessionTiming? = nil) {
        self.relationship = relationship
        self.educatorName = educatorName
        self.schoolName = schoolName
        self.planStatus = planStatus
        self.currentGoal = currentGoal
        self.lastCheckIn = lastCheckIn
        self.lastPlanActivity = lastPlanActivity
        self.lastContact = lastContact
        self.nextSession = nextSession
    }

    /// The latest sign of life: plan activity or coaching contact, whichever is later.
    public var lastActivity: CalendarDate? { [lastPlanActivity, lastContact, lastCheckIn].compactMap { $0 }.max() }

    /// No plan activity and no coaching contact for longer than the rhythm. A relationship younger than the rhythm
    /// has not had the time to go quiet, and one still waiting for an answer is not counted.
    public func hasGoneQuiet(today: CalendarDate, rhythm: CheckInRhythm, startedOn: CalendarDate?) -> Bool {
        guard relationship.isActive else { return false }
        let since = [lastActivity, startedOn].compactMap { $0 }.max()
        guard let since else { return true }
        return since.days(until: today) > rhythm.days
    }
}

/// The orders a caseload can be read in.
public enum CaseloadOrder: String, Sendable, Hashable, CaseIterable {
    /// Longest without contact first: who needs a call.
    case lastContact = "last_contact"
    case nextSession = "next_session"
    case name

    public var label: String {
        switch self {
        case .lastContact: "Longest without contact"
        case .nextSession: "Next session"
        case .name: "Name"
        }
    }

    public func sorted(_ entries: [CaseloadEntry]) -> [CaseloadEntry] {
        sorted(entries) { $0 }
    }

    /// Sorts anything that carries a caseload entry. Each name is folded once, not at every comparison: folding is
    /// most of the cost of sorting a caseload of 40, which is opened all day.
    public func sorted<Item>(_ items: [Item], by entry: (Item) -> CaseloadEntry) -> [Item] {
        let keyed = items.map { item in
            let line = entry(item)
            return (item: item, line: line, name: line.educatorName.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil))
        }
        func byName(_ a: (item: Item, line: CaseloadEntry, name: String), _ b: (item: Item, line: CaseloadEntry, name: String)) -> Bool {
            a.name == b.name ? a.line.educatorName < b.line.educatorName : a.name < b.name
        }
        let ordered: [(item: Item, line: CaseloadEntry, name: String)]
        switch self {
        case .name:
            ordered = keyed.sorted(by: byName)
        case .lastContact:
            // Never contacted comes first, then the oldest contact.
            ordered = keyed.sorted { a, b in
                switch (a.line.lastContact, b.line.lastContact) {
                case (nil, nil): byName(a, b)
                case (nil, _): true
                case (_, nil): false
                case let (x?, y?): x == y ? byName(a, b) : x < y
                }
            }
        case .nextSession:
            // The soonest session first; nobody scheduled goes last.
            ordered = keyed.sorted { a, b in
                switch (a.line.nextSession, b.line.nextSession) {
                case (nil, nil): byName(a, b)
                case (nil, _): false
                case (_, nil): true
                case let (x?, y?): x == y ? byName(a, b) : x < y
                }
            }
        }
        return ordered.map(\.item)
    }
}

