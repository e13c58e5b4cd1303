/// A professional learning community: a small group of a cohort's members (mixed roles, or one school's team)
/// that takes up one theme and works toward a group goal with a shared action plan.
public struct PLC: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<PLC>

    public var id: ID
    public var cohortID: Cohort.ID
    /// e.g. "Cascade Elementary team".
    public var name: String
    /// A subset of the cohort's members, in the facilitator's order.
    public var memberIDs: [Person.ID]
    /// The theme the PLC works on; nil until it picks one.
    public var themeID: Theme.ID?
    /// nil until the PLC writes one.
    public var goal: GroupGoal?
    /// The group action plan, in the PLC's order.
    public var steps: [GroupActionStep]

    public init(id: ID, cohortID: Cohort.ID, name: String, memberIDs: [Person.ID] = [], themeID: Theme.ID? = nil,
                goal: GroupGoal? = nil, steps: [GroupActionStep] = []) {
        self.id = id
        self.cohortID = cohortID
        self.name = name
        self.memberIDs = memberIDs
        self.themeID = themeID
        self.goal = goal
        self.steps = steps
    }

    public func isMember(_ personID: Person.ID) -> Bool { memberIDs.contains(personID) }
}

/// A PLC's goal, written SMART like an educator's own: the same parts, the same feedback and guiding questions.
public struct GroupGoal: Sendable, Hashable, Codable {
    public var statement: String
    public var studentOutcome: String
    public var teacherAction: String
    public var measure: String
    public var baseline: String
    public var target: String
    public var targetDate: CalendarDate?

    public init(statement: String, studentOutcome: String = "", teacherAction: String = "", measure: String = "",
                baseline: String = "", target: String = "", targetDate: CalendarDate? = nil) {
        self.statement = statement
        self.studentOutcome = studentOutcome
        self.teacherAction = teacherAction
        self.measure = measure
        self.baseline = baseline
        self.target = target
        self.targetDate = targetDate
    }

    /// The goal as `SMARTFeedback` reads goals, so a group hears exactly what an educator would.
    public var asGoal: Goal {
        Goal(id: Goal.ID("group"), statement: statement, studentOutcome: studentOutcome, teacherAction: teacherAction,
             measure: measure, baseline: baseline, target: target, targetDate: targetDate)
    }

    /// Feedback on the wording, as for individual goals. Group goals are not aligned to standards (each member's own
    /// linked goal is), so that note is left out.
    public func feedback(in schoolYear: SchoolYear, questions: GuidingQuestions = .standard) -> [SMARTNote] {
        SMARTFeedback.notes(for: asGoal, in: schoolYear, questions: questions).filter { $0.weakness != .noAlignedStandard }
    }
}

/// One step of a PLC's action plan, with the member who takes it on and when it is due.
public struct GroupActionStep: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<GroupActionStep>

    public var id: ID
    public var what: String
    /// A member of the PLC; nil for the whole group.
    public var assigneeID: Person.ID?
    public var dueDate: CalendarDate?
    public var status: ActionStep.Status

    public init(id: ID, what: String, assigneeID: Person.ID? = nil, dueDate: CalendarDate? = nil, status: ActionStep.Status = .notStarted) {
        self.id = id
        self.what = what
        self.assigneeID = assigneeID
        self.dueDate = dueDate
        self.status = status
    }
}

/// An educator's choice that one goal of their own plan feeds their PLC's group goal. One link per person per PLC.
public struct GoalLink: Sendable, Hashable, Codable {
    public var plcID: PLC.ID
    public var personID: Person.ID
    public var planID: GrowthPlan.ID
    public var goalID: Goal.ID
    public var linkedOn: CalendarDate

    public init(plcID: PLC.ID, personID: Person.ID, planID: GrowthPlan.ID, goalID: Goal.ID, linkedOn: CalendarDate) {
        self.plcID = plcID
        self.personID = personID
        self.planID = planID
        self.goalID = goalID
        self.linkedOn = linkedOn
    }
}

/// A facilitator's notes from one PLC meeting: what they heard, what they asked, what the group decided.
/// Private to the facilitator or shared with the PLC, as coaching notes are; leaders and admins never see them.
public struct PLCMeetingNote: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<PLCMeetingNote>

    public var id: ID
    public var plcID: PLC.ID
    public var meetingOn: CalendarDate
    public var listening: String
    public var questionsAsked: String
    public var decisions: String
    public var visibility: CoachingVisibility

    public init(id: ID, plcID: PLC.ID, meetingOn: CalendarDate, listening: String = "", questionsAsked: String = "",
                decisions: String = "", visibility: CoachingVisibility = .coachOnly) {
        self.id = id
        self.plcID = plcID
        self.meetingOn = meetingOn
        self.listening = listening
        self.questionsAsked = questionsAsked
        self.decisions = decisions
        self.visibility = visibility
    }

    /// How the visibility reads for a PLC's notes.
    public var visibilityLabel: String { Self.label(visibility) }

    public static func label(_ visibility: CoachingVisibility) -> String {
        switch visibility {
        case .coachOnly: "Only me"
        case .sharedWithEducator: "Shared with the PLC"
        }
    }
}
