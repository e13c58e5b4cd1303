import Foundation
import TrellisCore

/// A change to a plan's goals and action steps sent whole (the API's PATCH), saved in one go: every field left nil
/// keeps its value, a goal or step without an id is added. Field names in refusals are the JSON's
/// (`goals[0].action_steps[1].due_date`), so a client can point at what it sent.
public struct PlanChange: Sendable, Hashable {
    public struct GoalChange: Sendable, Hashable {
        public var id: Goal.ID?
        public var statement: String?
        public var studentOutcome: String?
        public var teacherAction: String?
        public var measure: String?
        public var baseline: String?
        public var target: String?
        public var targetDate: String?
        public var actionSteps: [StepChange]

        public init(id: Goal.ID? = nil, statement: String? = nil, studentOutcome: String? = nil, teacherAction: String? = nil,
                    measure: String? = nil, baseline: String? = nil, target: String? = nil, targetDate: String? = nil,
                    actionSteps: [StepChange] = []) {
            self.id = id
            self.statement = statement
            self.studentOutcome = studentOutcome
            self.teacherAction = teacherAction
            self.measure = measure
            self.baseline = baseline
            self.target = target
            self.targetDate = targetDate
            self.actionSteps = actionSteps
        }
    }

    public struct StepChange: Sendable, Hashable {
        public var id: ActionStep.ID?
        public var what: String?
        public var dueDate: String?
        public var status: ActionStep.Status?

        public init(id: ActionStep.ID? = nil, what: String? = nil, dueDate: String? = nil, status: ActionStep.Status? = nil) {
            self.id = id
            self.what = what
            self.dueDate = dueDate
            self.status = status
        }
    }

    /// The plan version the change was made from; a plan saved since is not overwritten.
    public var version: Int
    public var goals: [GoalChange]

    public init(version: Int, goals: [GoalChange] = []) {
        self.version = version
        self.goals = goals
    }
}

extension PlanService {
    /// Applies `change` to the owner's plan in one save, refusing a stale `version` (`changedElsewhere`, 409) and every
    /// mistake at once (`FieldErrors`, nothing saved), by the same rules as the plan's forms.
    public func apply(_ actor: Actor, _ planID: GrowthPlan.ID, _ change: PlanChange) async throws -> Loaded {
        try await update(actor, planID, expecting: change.version) { plan in
            var errors = FieldErrors()
            for (index, goalChange) in change.goals.enumerated() {
                try apply(goalChange, at: "goals[\(index)]", to: &plan, errors: &errors)
            }
            try errors.throwIfAny()
        }
        return try await load(actor, planID, latest: true)
    }

    private func apply(_ change: PlanChange.GoalChange, at path: String, to plan: inout GrowthPlan, errors: inout FieldErrors) throws {
        let existing = change.id.flatMap { id in plan.goals.firstIndex { $0.id == id } }
        if change.id != nil, existing == nil { throw ServiceError.notFound }
        var goal = existing.map { plan.goals[$0] } ?? Goal(id: env.ids.make(), statement: "")
        func text(_ value: String?, _ field: String, _ limit: Int, _ current: String) -> String {
            value.map { PlanInput.text($0, field: "\(path).\(field)", limit: limit, into: &errors) } ?? current
        }
        goal.statement = text(change.statement, "statement", PlanInput.longText, goal.statement)
        if goal.statement.isEmpty, errors["\(path).statement"] == nil {
            errors["\(path).statement"] = "Write the goal in a sentence or two: what will change for students, and what the educator will do."
        }
        goal.studentOutcome = text(change.studentOutcome, "student_outcome", PlanInput.longText, goal.studentOutcome)
        goal.teacherAction = text(change.teacherAction, "teacher_action", PlanInput.longText, goal.teacherAction)
        goal.measure = text(change.measure, "measure", PlanInput.longText, goal.measure)
        goal.baseline = text(change.baseline, "baseline", PlanInput.shortText, goal.baseline)
        goal.target = text(change.target, "target", PlanInput.shortText, goal.target)
        if let date = change.targetDate {
            goal.targetDate = PlanInput.date(date, field: "\(path).target_date", within: plan.schoolYear, required: false, into: &errors)
        }
        for (index, stepChange) in change.actionSteps.enumerated() {
            try apply(stepChange, at: "\(path).action_steps[\(index)]", to: &goal, in: plan.schoolYear, errors: &errors)
        }
        if let existing {
            plan.goals[existing] = goal
        } else if plan.goals.count >= 10 {
            errors["\(path).statement"] = "A plan holds at most 10 goals; most have two or three."
        } else {
            plan.goals.append(goal)
        }
    }

    private func apply(_ change: PlanChange.StepChange, at path: String, to goal: inout Goal, in year: SchoolYear,
                       errors: inout FieldErrors) throws {
        let existing = change.id.flatMap { id in goal.actionSteps.firstIndex { $0.id == id } }
        if change.id != nil, existing == nil { throw ServiceError.notFound }
        var step = existing.map { goal.actionSteps[$0] } ?? ActionStep(id: env.ids.make(), what: "")
        if let what = change.what { step.what = PlanInput.text(what, field: "\(path).what", limit: PlanInput.longText, into: &errors) }
        if step.what.isEmpty, errors["\(path).what"] == nil {
            errors["\(path).what"] = "Say what will be done, e.g. “Give a two-question exit ticket every Friday”."
        }
        if let date = change.dueDate {
            step.dueDate = PlanInput.date(date, field: "\(path).due_date", within: year, required: false, into: &errors)
        }
        if let status = change.status { step.status = status }
        if let existing { goal.actionSteps[existing] = step } else { goal.actionSteps.append(step) }
    }
}
