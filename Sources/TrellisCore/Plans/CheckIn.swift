/// A short, regular look at how the plan is going: what happened, what's next, what's in the
/// way, and how far along each goal is. Check-ins are the follow-through that keeps a plan from
/// "slipping to the wayside".
public struct CheckIn: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<CheckIn>

    public var id: ID
    /// The day the check-in is about.
    public var date: CalendarDate
    /// How far along each goal is. A check-in may leave a goal out.
    public var progress: [GoalProgress]
    public var whatHappened: String
    public var whatsNext: String
    /// What is getting in the way, so a coach can offer help.
    public var obstacles: String

    public init(
        id: ID, date: CalendarDate, progress: [GoalProgress] = [],
        whatHappened: String = "", whatsNext: String = "", obstacles: String = ""
    ) {
        self.id = id
        self.date = date
        self.progress = progress
        self.whatHappened = whatHappened
        self.whatsNext = whatsNext
        self.obstacles = obstacles
    }

    /// The level reported for `goalID` in this check-in, if any.
    public func level(for goalID: Goal.ID) -> GoalProgressLevel? {
        progress.first { $0.goalID == goalID }?.level
    }
}

/// The progress reported for one goal in one check-in.
public struct GoalProgress: Sendable, Hashable, Codable {
    public var goalID: Goal.ID
    public var level: GoalProgressLevel

    public init(goalID: Goal.ID, level: GoalProgressLevel) {
        self.goalID = goalID
        self.level = level
    }
}

/// A four-step scale for how far along a goal is. Four steps with plain words, because a
/// teacher should be able to answer in a second, and there is no "middle" to hide in.
public enum GoalProgressLevel: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case notYetStarted = "not_yet_started"
    case gettingStarted = "getting_started"
    case makingProgress = "making_progress"
    case metOrExceeded = "met_or_exceeded"

    /// 1 to 4, for a progress bar or a chart.
    public var step: Int { Self.allCases.firstIndex(of: self)! + 1 }

    /// The name shown to people.
    public var label: String {
        switch self {
        case .notYetStarted: "Not yet started"
        case .gettingStarted: "Getting started"
        case .makingProgress: "Making progress"
        case .metOrExceeded: "Met or exceeded"
        }
    }

    /// A line under each choice, in the educator's voice, so everyone reads the scale alike.
    public var summary: String {
        switch self {
        case .notYetStarted: "I haven't begun work on this goal yet."
        case .gettingStarted: "I've taken my first steps, but it's early to see change."
        case .makingProgress: "I'm seeing change in my practice or in my students."
        case .metOrExceeded: "I've reached my target, or gone past it."
        }
    }

    public static func < (lhs: GoalProgressLevel, rhs: GoalProgressLevel) -> Bool { lhs.step < rhs.step }
}
