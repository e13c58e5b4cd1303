/// One goal of a growth plan, written SMART: a statement in the educator's words plus the parts
/// that make it specific, measurable, achievable, relevant and time-bound.
///
/// Every part is free text the educator typed, kept as typed: feedback on the wording is
/// offered (see `SMARTFeedback`), never enforced, so nothing is lost or rejected while a goal
/// takes shape.
public struct Goal: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<Goal>

    public var id: ID
    /// The goal in a sentence or two, e.g. "By May 15, 80% of my 3rd graders will score
    /// proficient on the district fluency benchmark …".
    public var statement: String
    /// What will change for students. A PGP is about growth that reaches students.
    public var studentOutcome: String
    /// What the educator will do differently to bring that change about.
    public var teacherAction: String
    /// How progress will be seen: the assessment, count, rubric or observation.
    public var measure: String
    /// Where things stand at the start, e.g. "52% proficient in September".
    public var baseline: String
    /// Where the educator aims to be, e.g. "80% proficient".
    public var target: String
    /// When the target should be met; inside the plan's school year.
    public var targetDate: CalendarDate?
    /// The `Standard.identifier`s the goal is aligned to, in the order the educator chose them.
    public var alignedStandardIdentifiers: [String]
    /// The action plan for this goal, in the educator's order.
    public var actionSteps: [ActionStep]
    /// The renewal focus areas the goal speaks to (e.g. equity-based practice for a goal aligned
    /// to the CCDEI standards). Optional so plans stored before goals had tags decode unchanged,
    /// and so an untagged goal encodes without the key: a signed snapshot's JSON stays the same.
    public var focusCategories: [FocusCategory]?

    public init(
        id: ID, statement: String, studentOutcome: String = "", teacherAction: String = "",
        measure: String = "", baseline: String = "", target: String = "", targetDate: CalendarDate? = nil,
        alignedStandardIdentifiers: [String] = [], actionSteps: [ActionStep] = [],
        focusCategories: [FocusCategory]? = nil
    ) {
        self.id = id
        self.statement = statement
        self.studentOutcome = studentOutcome
        self.teacherAction = teacherAction
        self.measure = measure
        self.baseline = baseline
        self.target = target
        self.targetDate = targetDate
        self.alignedStandardIdentifiers = alignedStandardIdentifiers
        self.actionSteps = actionSteps
        self.focusCategories = focusCategories
    }

    /// Whether the educator has written anything as the goal statement.
    public var hasStatement: Bool { !statement.trimmingWhitespace().isEmpty }

    /// The steps that say what will be done; blank rows left in a form don't count.
    public var writtenActionSteps: [ActionStep] { actionSteps.filter(\.isWritten) }
}
