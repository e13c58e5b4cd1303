/// Where one educator's plan for the year stands, as far as deadlines care: read from the plan's columns and document.
public struct PlanProgressFacts: Sendable, Hashable {
    /// Nil when the educator has no plan this school year.
    public var status: PlanStatus?
    public var lastCheckIn: CalendarDate?
    /// Every goal has a written reflection (and there is at least one goal).
    public var reflectionWritten: Bool

    public init(status: PlanStatus?, lastCheckIn: CalendarDate? = nil, reflectionWritten: Bool = false) {
        self.status = status
        self.lastCheckIn = lastCheckIn
        self.reflectionWritten = reflectionWritten
    }

    /// The facts of a plan held whole.
    public init(_ plan: GrowthPlan) {
        self.init(status: plan.status, lastCheckIn: plan.checkIns.map(\.date).max(),
                  reflectionWritten: Self.isReflectionWritten(plan))
    }

    public static func isReflectionWritten(_ plan: GrowthPlan) -> Bool {
        !plan.goals.isEmpty && plan.goals.allSatisfy { plan.reflection.reflection(on: $0.id)?.isWritten == true }
    }
}

/// Who still owes what for a deadline. Someone without a plan is treated as a draft with nothing in it. Once a plan has
/// gone for review (in review, signed, verified or archived) nothing more is owed, so nobody who is done is reminded.
public enum DeadlineObligation {
    /// A check-in in the six weeks before the date (or since) counts as the mid-year one: an early autumn check-in does
    /// not, a January one does.
    public static let midYearWindowDays = 42

    public static func owes(_ kind: DeadlineKind, dueOn: CalendarDate, _ facts: PlanProgressFacts) -> Bool {
        let status = facts.status ?? .draft
        let notYetSubmitted = status == .draft || status == .active || status == .returned
        switch kind {
        case .planActiveBy:
            return status == .draft
        case .midYearCheckInBy:
            guard notYetSubmitted else { return false }
            guard let last = facts.lastCheckIn, let windowOpens = dueOn.adding(days: -midYearWindowDays) else { return true }
            return last < windowOpens
        case .reflectionBy:
            return notYetSubmitted && !facts.reflectionWritten
        case .reviewSubmittedBy:
            return notYetSubmitted
        }
    }
}
