import TrellisCore

/// What a PLC typed for its group goal, kept as typed so a refused save shows it again.
public struct GroupGoalForm: Sendable, Hashable {
    public var statement = ""
    public var studentOutcome = ""
    public var teacherAction = ""
    public var measure = ""
    public var baseline = ""
    public var target = ""
    public var targetDate = ""
    /// The theme the PLC works on ("" for none yet).
    public var themeID = ""

    public init() {}

    public init(_ goal: GroupGoal?, themeID: Theme.ID?) {
        statement = goal?.statement ?? ""
        studentOutcome = goal?.studentOutcome ?? ""
        teacherAction = goal?.teacherAction ?? ""
        measure = goal?.measure ?? ""
        baseline = goal?.baseline ?? ""
        target = goal?.target ?? ""
        targetDate = goal?.targetDate?.iso ?? ""
        self.themeID = themeID?.rawValue ?? ""
    }
}

/// One step of a PLC's action plan as typed.
public struct GroupStepForm: Sendable, Hashable {
    public var what = ""
    public var assigneeID = ""
    public var dueDate = ""
    public var status = ActionStep.Status.notStarted.rawValue

    public init() {}

    public init(what: String, assigneeID: String = "", dueDate: String = "", status: String = ActionStep.Status.notStarted.rawValue) {
        self.what = what
        self.assigneeID = assigneeID
        self.dueDate = dueDate
        self.status = status
    }
}

/// A facilitator's meeting note as typed.
public struct MeetingNoteForm: Sendable, Hashable {
    public var meetingOn = ""
    public var listening = ""
    public var questionsAsked = ""
    public var decisions = ""
    public var visibility = CoachingVisibility.coachOnly.rawValue

    public init() {}

    public init(meetingOn: String, listening: String = "", questionsAsked: String = "", decisions: String = "",
                visibility: String = CoachingVisibility.coachOnly.rawValue) {
        self.meetingOn = meetingOn
        self.listening = listening
        self.questionsAsked = questionsAsked
        self.decisions = decisions
        self.visibility = visibility
    }
}
