import Foundation
import TrellisCore

/// Goals, their alignment to standards and their action steps. Drafts are never blocked for being
/// incomplete: only what cannot be saved (an empty goal, a date outside the school year) is refused.
extension PlanService {
    /// Adds a goal (when `goalID` is nil) or saves one; returns the goal's id.
    /// Every change here takes the `version` the person's page was made from and refuses a stale one (`update`).
    public func saveGoal(_ actor: Actor, _ planID: GrowthPlan.ID, goalID: Goal.ID?, _ form: GoalForm,
                         expecting version: Int? = nil) async throws -> Goal.ID {
        let newID: Goal.ID = goalID ?? env.ids.make()
        try await update(actor, planID, expecting: version) { plan in
            var errors = FieldErrors()
            let statement = PlanInput.text(form.statement, field: "statement", limit: PlanInput.longText, into: &errors)
            if statement.isEmpty, errors["statement"] == nil {
                errors["statement"] = "Write your goal in a sentence or two: what will change for your students, and what you will do."
            }
            var goal = goalID.flatMap { plan.goal($0) } ?? Goal(id: newID, statement: "")
            if goalID != nil, plan.goal(newID) == nil { throw ServiceError.notFound }
            goal.statement = statement
            goal.studentOutcome = PlanInput.text(form.studentOutcome, field: "student_outcome", limit: PlanInput.longText, into: &errors)
            goal.teacherAction = PlanInput.text(form.teacherAction, field: "teacher_action", limit: PlanInput.longText, into: &errors)
            goal.measure = PlanInput.text(form.measure, field: "measure", limit: PlanInput.longText, into: &errors)
            goal.baseline = PlanInput.text(form.baseline, field: "baseline", limit: PlanInput.shortText, into: &errors)
            goal.target = PlanInput.text(form.target, field: "target", limit: PlanInput.shortText, into: &errors)
            goal.targetDate = PlanInput.date(form.targetDate, field: "target_date", within: plan.schoolYear, required: false, into: &errors)
            try errors.throwIfAny()
            if let index = plan.goals.firstIndex(where: { $0.id == goal.id }) {
                plan.goals[index] = goal
            } else {
                guard plan.goals.count < 10 else { throw FieldErrors("statement", "A plan holds at most 10 goals; most have two or three.") }
                plan.goals.append(goal)
            }
        }
        return newID
    }

    /// Removes a goal with its action steps, its alignment and its reflection; evidence stays, untagged from it.
    public func deleteGoal(_ actor: Actor, _ planID: GrowthPlan.ID, goalID: Goal.ID, expecting version: Int? = nil) async throws {
        try await update(actor, planID, expecting: version) { plan in
            guard plan.goal(goalID) != nil else { throw ServiceError.notFound }
            plan.goals.removeAll { $0.id == goalID }
            plan.reflection.goals.removeAll { $0.goalID == goalID }
            for index in plan.evidence.indices { plan.evidence[index].goalIDs.removeAll { $0 == goalID } }
        }
    }

    /// Aligns a goal to exactly these standards, which must come from the frameworks the district offers.
    public func align(_ actor: Actor, _ planID: GrowthPlan.ID, goalID: Goal.ID, standards identifiers: [String],
                      expecting version: Int? = nil) async throws {
        try await align(actor, planID, alignments: [goalID: identifiers], expecting: version)
    }

    /// Aligns each goal named to exactly its standards, all in one save, so the alignment page saves every goal's
    /// ticks at once; goals not named keep theirs. A standard not offered is refused at `standards_<goal id>`.
    public func align(_ actor: Actor, _ planID: GrowthPlan.ID, alignments: [Goal.ID: [String]], expecting version: Int? = nil) async throws {
        let known = try await knownStandardIdentifiers(actor, among: alignments.values.flatMap { $0 })
        var errors = FieldErrors()
        for (goalID, identifiers) in alignments where !identifiers.allSatisfy(known.contains) {
            errors["standards_\(goalID)"] = "Choose standards from the list."
        }
        try errors.throwIfAny()
        try await update(actor, planID, expecting: version) { plan in
            for (goalID, identifiers) in alignments {
                guard let index = plan.goals.firstIndex(where: { $0.id == goalID }) else { throw ServiceError.notFound }
                var seen: Set<String> = []
                plan.goals[index].alignedStandardIdentifiers = identifiers.filter { seen.insert($0).inserted }
            }
        }
    }

    /// Adds an action step to a goal (when `stepID` is nil) or saves one.
    public func saveActionStep(_ actor: Actor, _ planID: GrowthPlan.ID, goalID: Goal.ID, stepID: ActionStep.ID?, _ form: ActionStepForm,
                               expecting version: Int? = nil) async throws {
        try await update(actor, planID, expecting: version) { plan in
            guard let goalIndex = plan.goals.firstIndex(where: { $0.id == goalID }) else { throw ServiceError.notFound }
            var errors = FieldErrors()
            var step = stepID.flatMap { id in plan.goals[goalIndex].actionSteps.first { $0.id == id } } ?? ActionStep(id: env.ids.make(), what: "")
            if stepID != nil, step.id != stepID { throw ServiceError.notFound }
            step.what = PlanInput.text(form.what, field: "what", limit: PlanInput.longText, into: &errors)
            if step.what.isEmpty, errors["what"] == nil { errors["what"] = "Say what you will do, e.g. “Give a two-question exit ticket every Friday”." }
            step.dueDate = PlanInput.date(form.dueDate, field: "due_date", within: plan.schoolYear, required: false, into: &errors)
            if let status = ActionStep.Status(rawValue: form.status) { step.status = status } else { errors["status"] = "Choose a status from the list." }
            step.supportNeeded = PlanInput.text(form.supportNeeded, field: "support_needed", limit: PlanInput.longText, into: &errors)
            step.resources = PlanInput.text(form.resources, field: "resources", limit: PlanInput.longText, into: &errors)
            let hours = form.estimatedHours.trimmingWhitespace().replacingOccurrences(of: ",", with: ".")
            if hours.isEmpty {
                step.estimatedHours = nil
            } else if let value = Double(hours), value >= 0, value <= 500 {
                step.estimatedHours = value
            } else {
                errors["estimated_hours"] = "Enter hours as a number from 0 to 500, e.g. 2 or 1.5."
            }
            try errors.throwIfAny()
            if let index = plan.goals[goalIndex].actionSteps.firstIndex(where: { $0.id == step.id }) {
                plan.goals[goalIndex].actionSteps[index] = step
            } else {
                plan.goals[goalIndex].actionSteps.append(step)
            }
        }
    }

    public func deleteActionStep(_ actor: Actor, _ planID: GrowthPlan.ID, goalID: Goal.ID, stepID: ActionStep.ID,
                                 expecting version: Int? = nil) async throws {
        try await update(actor, planID, expecting: version) { plan in
            guard let goalIndex = plan.goals.firstIndex(where: { $0.id == goalID }),
                  plan.goals[goalIndex].actionSteps.contains(where: { $0.id == stepID }) else { throw ServiceError.notFound }
            plan.goals[goalIndex].actionSteps.removeAll { $0.id == stepID }
        }
    }

    /// Those of `identifiers` that name a standard the district offers (built-in or its own), looked up in one query
    /// rather than by reading every framework.
    func knownStandardIdentifiers(_ actor: Actor, among identifiers: [String]) async throws -> Set<String> {
        Set(try await StandardsService(env).standards(actor, identifiers: Set(identifiers)).keys)
    }
}
