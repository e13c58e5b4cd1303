/// What the educator learned, written near the end of the year before asking for review.
/// The PGP asks educators to "reflect on the process"; a reviewer signs after reading it.
public struct Reflection: Sendable, Hashable, Codable {
    /// One reflection per goal, in any order; matched to goals by id.
    public var goals: [GoalReflection]
    /// Where the educator goes from here: often the seed of next year's plan.
    public var nextSteps: String

    public init(goals: [GoalReflection] = [], nextSteps: String = "") {
        self.goals = goals
        self.nextSteps = nextSteps
    }

    /// The reflection on one goal, if there is one.
    public func reflection(on goalID: Goal.ID) -> GoalReflection? {
        goals.first { $0.goalID == goalID }
    }
}

/// The educator's reflection on one goal.
public struct GoalReflection: Sendable, Hashable, Codable {
    public var goalID: Goal.ID
    /// What changed for students.
    public var studentChange: String
    /// What changed in the educator's own practice.
    public var practiceChange: String
    /// The evidence that shows those changes, in the educator's words (it may point at
    /// attached `Evidence`).
    public var evidenceThatShowsIt: String

    public init(goalID: Goal.ID, studentChange: String = "", practiceChange: String = "", evidenceThatShowsIt: String = "") {
        self.goalID = goalID
        self.studentChange = studentChange
        self.practiceChange = practiceChange
        self.evidenceThatShowsIt = evidenceThatShowsIt
    }

    /// Written enough to ask for review: it says what changed for students and in practice.
    /// Both, because a PGP is about the link between the two; the evidence line is welcome
    /// but optional, since attached evidence can speak for itself.
    public var isWritten: Bool {
        !studentChange.trimmingWhitespace().isEmpty && !practiceChange.trimmingWhitespace().isEmpty
    }
}
