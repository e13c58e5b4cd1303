import Foundation
import TrellisCore

/// What a person typed into the plan's forms, kept as typed so a page can show it again after a mistake.
public struct GoalForm: Sendable, Hashable {
    public var statement = ""
    public var studentOutcome = ""
    public var teacherAction = ""
    public var measure = ""
    public var baseline = ""
    public var target = ""
    public var targetDate = ""

    public init() {}

    public init(_ goal: Goal) {
        statement = goal.statement
        studentOutcome = goal.studentOutcome
        teacherAction = goal.teacherAction
        measure = goal.measure
        baseline = goal.baseline
        target = goal.target
        targetDate = goal.targetDate?.iso ?? ""
    }
}

public struct ActionStepForm: Sendable, Hashable {
    public var what = ""
    public var dueDate = ""
    public var status = ActionStep.Status.notStarted.rawValue
    public var supportNeeded = ""
    public var resources = ""
    public var estimatedHours = ""

    public init() {}

    public init(_ step: ActionStep) {
        what = step.what
        dueDate = step.dueDate?.iso ?? ""
        status = step.status.rawValue
        supportNeeded = step.supportNeeded
        resources = step.resources
        estimatedHours = step.estimatedHours.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? ""
    }
}

public struct EvidenceForm: Sendable, Hashable {
    public var kind = Evidence.Kind.file.rawValue
    public var caption = ""
    public var date = ""
    public var link = ""
    public var note = ""
    public var goalIDs: [String] = []
    public var standardIdentifiers: [String] = []
    /// The plan version the form was made from; a stale one is refused rather than saved over newer changes.
    public var version: Int?

    public init() {}
}

/// A file as it arrived in an upload.
public struct UploadedFile: Sendable {
    public let filename: String
    public let data: Data

    public init(filename: String, data: Data) {
        self.filename = filename
        self.data = data
    }
}

public struct CheckInForm: Sendable, Hashable {
    public var date = ""
    /// Goal id → progress level raw value.
    public var progress: [String: String] = [:]
    public var whatHappened = ""
    public var whatsNext = ""
    public var obstacles = ""

    public init() {}
}

public struct ReflectionForm: Sendable, Hashable {
    public struct GoalPart: Sendable, Hashable {
        public var studentChange = ""
        public var practiceChange = ""
        public var evidenceThatShowsIt = ""
        public init() {}
    }
    /// Goal id → what was written about it.
    public var goals: [String: GoalPart] = [:]
    public var nextSteps = ""

    public init() {}

    public init(_ reflection: Reflection) {
        for goal in reflection.goals {
            var part = GoalPart()
            part.studentChange = goal.studentChange
            part.practiceChange = goal.practiceChange
            part.evidenceThatShowsIt = goal.evidenceThatShowsIt
            goals[goal.goalID.rawValue] = part
        }
        nextSteps = reflection.nextSteps
    }
}

/// Checks shared by the plan forms.
enum PlanInput {
    static let longText = 4000
    static let shortText = 300

    static func text(_ value: String, field: String, limit: Int, into errors: inout FieldErrors) -> String {
        let trimmed = value.trimmingWhitespace()
        if trimmed.count > limit { errors[field] = "Use at most \(limit) characters (this has \(trimmed.count))." }
        return trimmed
    }

    /// A date typed as YYYY-MM-DD (what a date input sends); empty is allowed when `required` is false.
    static func date(_ value: String, field: String, within year: SchoolYear?, required: Bool, into errors: inout FieldErrors) -> CalendarDate? {
        let trimmed = value.trimmingWhitespace()
        if trimmed.isEmpty {
            if required { errors[field] = "Enter a date." }
            return nil
        }
        guard let date = CalendarDate(iso: trimmed) else {
            errors[field] = "Enter a date like 2027-05-15."
            return nil
        }
        if let year, !year.contains(date) {
            errors[field] = "Choose a date in the \(year.label) school year (\(year.startDate.longForm) to \(year.endDate.longForm))."
        }
        return date
    }
}
