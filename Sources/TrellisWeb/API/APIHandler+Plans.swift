import Foundation
import TrellisCore
import TrellisServices

/// Growth plans: the ones the token's person may read, and their own to start and change.
extension APIHandler {
    func listPlans(_ input: Operations.ListPlans.Input) async throws -> Operations.ListPlans.Output {
        let actor = try actor(.plansRead)
        let query = input.query
        let request = try pageRequest(limit: query.limit, cursor: query.cursor)
        let filter = PlanService.PageFilter(ownerSchool: query.school.map(School.ID.init), schoolYear: query.schoolYear,
                                          status: query.status.flatMap { PlanStatus(rawValue: $0.rawValue) }, updatedSince: query.updatedSince)
        let page = try await plans.page(actor, filter, request)
        return .ok(.init(body: .json(.init(items: page.items.map(APIShapes.planSummary), nextCursor: page.nextCursor))))
    }

    func getPlan(_ input: Operations.GetPlan.Input) async throws -> Operations.GetPlan.Output {
        let actor = try actor(.plansRead)
        return .ok(.init(body: .json(APIShapes.plan(try await plans.load(actor, GrowthPlan.ID(input.path.planId))))))
    }

    func createPlan(_ input: Operations.CreatePlan.Input) async throws -> Operations.CreatePlan.Output {
        let actor = try actor(.plansWrite)
        let plan = try await plans.start(actor)
        return .created(.init(body: .json(APIShapes.plan(try await plans.load(actor, plan.id, latest: true)))))
    }

    func updatePlan(_ input: Operations.UpdatePlan.Input) async throws -> Operations.UpdatePlan.Output {
        let actor = try actor(.plansWrite)
        guard case .json(let body) = input.body else { throw ServiceError.notFound }
        let change = PlanChange(version: body.version, goals: (body.goals ?? []).map { goal in
            PlanChange.GoalChange(
                id: goal.id.map(Goal.ID.init), statement: goal.statement, studentOutcome: goal.studentOutcome,
                teacherAction: goal.teacherAction, measure: goal.measure, baseline: goal.baseline, target: goal.target,
                targetDate: goal.targetDate,
                actionSteps: (goal.actionSteps ?? []).map { step in
                    PlanChange.StepChange(id: step.id.map(ActionStep.ID.init), what: step.what, dueDate: step.dueDate,
                                          status: step.status.flatMap { ActionStep.Status(rawValue: $0.rawValue) })
                })
        })
        return .ok(.init(body: .json(APIShapes.plan(try await plans.apply(actor, GrowthPlan.ID(input.path.planId), change)))))
    }
}
