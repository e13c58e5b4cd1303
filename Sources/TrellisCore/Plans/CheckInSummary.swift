/// The next action step to do, with the goal it serves.
public struct UpcomingActionStep: Sendable, Hashable, Codable {
    public var goalID: Goal.ID
    /// The goal's number as people see it ("goal 2").
    public var goalNumber: Int
    public var step: ActionStep

    public init(goalID: Goal.ID, goalNumber: Int, step: ActionStep) {
        self.goalID = goalID
        self.goalNumber = goalNumber
        self.step = step
    }
}

/// How far along one goal is, as last reported.
public struct GoalProgressSummary: Sendable, Hashable, Codable {
    public var goalID: Goal.ID
    public var goalNumber: Int
    /// The last level reported for the goal; nil if no check-in has reported on it yet.
    public var level: GoalProgressLevel?
    /// The date of the check-in that reported `level`.
    public var reportedOn: CalendarDate?

    public init(goalID: Goal.ID, goalNumber: Int, level: GoalProgressLevel?, reportedOn: CalendarDate?) {
        self.goalID = goalID
        self.goalNumber = goalNumber
        self.level = level
        self.reportedOn = reportedOn
    }
}

/// Small answers about a plan's follow-through, for the home page and for noticing plans that
/// have gone quiet.
///
/// Everything is "as of `today`": check-ins dated after it are ignored, so moving the clock
/// back (tests, a job's `--now`) sees the plan as it was then.
public enum CheckInSummary {
    /// The most recent check-in on or before `today`. Of two on the same day, the one recorded
    /// later (later in the array) wins.
    public static func latestCheckIn(_ checkIns: [CheckIn], asOf today: CalendarDate) -> CheckIn? {
        var latest: CheckIn?
        for checkIn in checkIns where checkIn.date <= today {
            if latest.map({ checkIn.date >= $0.date }) ?? true { latest = checkIn }
        }
        return latest
    }

    /// Whole days from the latest check-in to `today` (0 if it was today), or nil if there has
    /// been none; the caller decides what "never" means, e.g. counting from the plan's start.
    public static func daysSinceLastCheckIn(_ checkIns: [CheckIn], today: CalendarDate) -> Int? {
        latestCheckIn(checkIns, asOf: today).map { $0.date.days(until: today) }
    }

    /// The step to do next: the not-done step with the earliest due date, across all goals.
    /// Ties go to the earlier goal, then the earlier step. Steps without a due date come only
    /// when no dated step is left, in plan order, so a plan with undated steps still shows
    /// something to do. Blank steps are skipped.
    public static func nextDueActionStep(in goals: [Goal]) -> UpcomingActionStep? {
        var best: (step: UpcomingActionStep, due: CalendarDate?)?
        for (goalIndex, goal) in goals.enumerated() {
            for step in goal.actionSteps where step.status != .done && step.isWritten {
                let candidate = UpcomingActionStep(goalID: goal.id, goalNumber: goalIndex + 1, step: step)
                guard let current = best else {
                    best = (candidate, step.dueDate)
                    continue
                }
                switch (step.dueDate, current.due) {
                case (let due?, let currentDue?) where due < currentDue: best = (candidate, due)
                case (let due?, nil): best = (candidate, due)
                default: break
                }
            }
        }
        return best?.step
    }

    /// For each goal in order, the level from the latest check-in that reported on it.
    ///
    /// Per goal rather than only the very latest check-in: a quick check-in about one goal
    /// should not make the others look as if they had no progress.
    public static func progressByGoal(goals: [Goal], checkIns: [CheckIn], asOf today: CalendarDate) -> [GoalProgressSummary] {
        goals.enumerated().map { index, goal in
            let reporting = checkIns.filter { $0.level(for: goal.id) != nil }
            let latest = latestCheckIn(reporting, asOf: today)
            return GoalProgressSummary(goalID: goal.id, goalNumber: index + 1,
                                       level: latest?.level(for: goal.id), reportedOn: latest?.date)
        }
    }
}

extension GrowthPlan {
    /// Whole days since the plan's latest check-in, or nil if it has none.
    public func daysSinceLastCheckIn(today: CalendarDate) -> Int? {
        CheckInSummary.daysSinceLastCheckIn(checkIns, today: today)
    }

    /// The step to do next across the plan's goals.
    public var nextDueActionStep: UpcomingActionStep? {
        CheckInSummary.nextDueActionStep(in: goals)
    }

    /// Each goal's last reported progress as of `today`.
    public func progressByGoal(asOf today: CalendarDate) -> [GoalProgressSummary] {
        CheckInSummary.progressByGoal(goals: goals, checkIns: checkIns, asOf: today)
    }
}
