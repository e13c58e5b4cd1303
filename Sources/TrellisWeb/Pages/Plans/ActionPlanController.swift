import Hummingbird
import TrellisCore
import TrellisServices

/// Step 3: the action plan, steps per goal with a date, a status, support needed, resources and hours.
struct ActionPlanController {
    let renderer: PageRenderer
    let plans: PlanService
    let secure: Bool

    struct ActionsView: TemplateEncodable {
        let header: PlanHeader
        let errorSummary: ErrorSummary?
        let goals: [GoalSteps]
        let hasGoals: Bool
        let canEdit: Bool
        let ownerName: String
        let goalsPath: String
        let nextPath: String
    }

    struct GoalSteps: Encodable {
        let number: Int
        let statement: String
        let steps: [StepLine]
        let hasSteps: Bool
        let form: StepFormView
    }

    struct StepLine: Encodable {
        let what: String
        let due: String
        let status: String
        let support: String
        let hours: String
        let editPath: String
    }

    struct StepPage {
        let header: PlanHeader
        let errorSummary: ErrorSummary?
        let goalNumber: Int
        let form: StepFormView
        let removePath: String
        let backPath: String
    }

    /// A refused step form, shown again under its goal with the person's words.
    typealias Failed = (goal: Goal.ID, form: ActionStepForm, errors: FieldErrors, notice: String?)

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/plans/:plan/actions", use: page)
        router.post("/plans/:plan/goals/:goal/steps", use: add)
        router.get("/plans/:plan/goals/:goal/steps/:step", use: edit)
        router.post("/plans/:plan/goals/:goal/steps/:step", use: save)
        router.get("/plans/:plan/goals/:goal/steps/:step/remove", use: confirmRemoval)
        router.post("/plans/:plan/goals/:goal/steps/:step/delete", use: delete)
    }

    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await actionsPage(context, failed: nil, status: .ok)
    }

    func add(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let planID = try PlansController.planID(context)
        let goalID = Goal.ID(try context.parameters.require("goal"))
        let data = try await FormData.from(request)
        let form = Self.stepForm(data)
        do {
            try await plans.saveActionStep(actor, planID, goalID: goalID, stepID: nil, form, expecting: PlansController.version(data))
            return Flash.redirect(to: .planSection(planID, "actions"), Flash(message: "The step is added."), secure: secure)
        } catch let errors as FieldErrors {
            return try await actionsPage(context, failed: (goalID, form, errors, nil), status: .unprocessableContent)
        } catch ServiceError.conflict(let message) {
            return try await actionsPage(context, failed: (goalID, form, FieldErrors(), message), status: .conflict)
        }
    }

    func edit(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let (loaded, goal, step) = try await find(context)
        return try stepPage(loaded, goal, step, form: ActionStepForm(step), errors: FieldErrors(), context: context, status: .ok)
    }

    func save(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let (loaded, goal, step) = try await find(context)
        let data = try await FormData.from(request)
        let form = Self.stepForm(data)
        do {
            try await plans.saveActionStep(actor, loaded.plan.id, goalID: goal.id, stepID: step.id, form, expecting: PlansController.version(data))
            return Flash.redirect(to: .planSection(loaded.plan.id, "actions"), Flash(message: "The step is saved."), secure: secure)
        } catch let errors as FieldErrors {
            return try stepPage(loaded, goal, step, form: form, errors: errors, context: context, status: .unprocessableContent)
        } catch ServiceError.conflict(let message) {
            let (latest, goal, step) = try await find(context, latest: true)
            return try stepPage(latest, goal, step, form: form, errors: FieldErrors(), notice: message, context: context, status: .conflict)
        }
    }

    func confirmRemoval(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let (loaded, goal, step) = try await find(context)
        return try removalPage(loaded, goal, step, notice: nil, context: context, status: .ok)
    }

    func delete(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let (loaded, goal, step) = try await find(context)
        do {
            try await plans.deleteActionStep(actor, loaded.plan.id, goalID: goal.id, stepID: step.id,
                                             expecting: PlansController.version(try await FormData.from(request)))
        } catch ServiceError.conflict(let message) {
            let (latest, goal, step) = try await find(context, latest: true)
            return try removalPage(latest, goal, step, notice: message, context: context, status: .conflict)
        }
        return Flash.redirect(to: .planSection(loaded.plan.id, "actions"), Flash(message: "The step is removed."), secure: secure)
    }

    private func find(_ context: TrellisRequestContext, latest: Bool = false) async throws -> (PlanService.Loaded, Goal, ActionStep) {
        let actor = try context.requireActor()
        let loaded = try await plans.load(actor, try PlansController.planID(context), latest: latest)
        guard let goal = loaded.plan.goal(Goal.ID(try context.parameters.require("goal"))),
              let step = goal.actionSteps.first(where: { $0.id.rawValue == (try? context.parameters.require("step")) }) else {
            throw ServiceError.notFound
        }
        return (loaded, goal, step)
    }

    private func actionsPage(_ context: TrellisRequestContext, failed: Failed?, status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let loaded = try await plans.load(actor, try PlansController.planID(context), latest: status != .ok)
        guard failed == nil, status == .ok else {
            let view = actionsContent(loaded, failed: failed)
            return renderer.render("plan_actions", title: ErrorSummary.title("Action plan", view.errorSummary), content: view,
                                   context: context, status: status, section: .plans)
        }
        return renderer.render("plan_actions", source: PlanPageSource(loaded: loaded, today: plans.today), context: context,
                               section: .plans) { source in
            let view = actionsContent(source.loaded, failed: nil)
            return (ErrorSummary.title("Action plan", view.errorSummary), view)
        }
    }

    private func actionsContent(_ loaded: PlanService.Loaded, failed: Failed?) -> ActionsView {
        let plan = loaded.plan
        let goals = plan.goals.enumerated().map { index, goal in
            let mine = failed?.goal == goal.id ? failed : nil
            return GoalSteps(
                number: index + 1, statement: goal.statement,
                steps: goal.actionSteps.map { step in
                    StepLine(what: step.what, due: step.dueDate?.longForm ?? "No date", status: step.status.label,
                             support: step.supportNeeded, hours: step.estimatedHours.map { "\($0 == $0.rounded() ? String(Int($0)) : String($0)) h" } ?? "",
                             editPath: SiteRoute.actionStep(plan.id, goal.id, step.id).path)
                },
                hasSteps: !goal.actionSteps.isEmpty,
                form: StepFormView(mine?.form ?? ActionStepForm(), errors: mine?.errors ?? FieldErrors(), prefix: "g\(index + 1)",
                                   action: SiteRoute.goal(plan.id, goal.id).path + "/steps", submit: "Add step", version: loaded.version,
                                   isOpen: mine != nil))
        }
        let failedForm = goals.first { $0.form.isOpen }?.form
        let summary = ErrorSummary(notice: failed?.notice, noticeHref: failedForm.map { "#\($0.what.id)" }, goals.flatMap { $0.form.summaryItems() })
        return ActionsView(header: PlanHeader(loaded, current: .actions), errorSummary: summary, goals: goals, hasGoals: !goals.isEmpty,
                           canEdit: loaded.canEdit, ownerName: loaded.owner.displayName,
                           goalsPath: SiteRoute.planSection(plan.id, "goals").path, nextPath: SiteRoute.planSection(plan.id, "evidence").path)
    }

    private func stepPage(_ loaded: PlanService.Loaded, _ goal: Goal, _ step: ActionStep, form: ActionStepForm, errors: FieldErrors,
                          notice: String? = nil, context: TrellisRequestContext, status: HTTPResponse.Status) throws -> Response {
        try PlansController.requireEditable(loaded)
        let path = SiteRoute.actionStep(loaded.plan.id, goal.id, step.id).path
        let formView = StepFormView(form, errors: errors, prefix: "step", action: path, submit: "Save step", version: loaded.version)
        let summary = ErrorSummary(notice: notice, formView.summaryItems())
        let view = StepPage(header: PlanHeader(loaded, current: .actions), errorSummary: summary, goalNumber: loaded.plan.number(of: goal.id) ?? 0,
                            form: formView, removePath: path + "/remove", backPath: SiteRoute.planSection(loaded.plan.id, "actions").path)
        return renderer.render("plan_step", title: ErrorSummary.title("Action step", summary), content: view, context: context,
                               status: status, section: .plans)
    }

    private func removalPage(_ loaded: PlanService.Loaded, _ goal: Goal, _ step: ActionStep, notice: String?, context: TrellisRequestContext,
                             status: HTTPResponse.Status) throws -> Response {
        try PlansController.requireEditable(loaded)
        let number = loaded.plan.number(of: goal.id) ?? 0
        let path = SiteRoute.actionStep(loaded.plan.id, goal.id, step.id).path
        let view = RemovalView(loaded, current: .actions, question: "Remove this step from goal \(number): \(RemovalView.quote(step.what))?",
                               consequence: "The step leaves the action plan.", action: path + "/delete", removeLabel: "Remove step",
                               keepPath: path, notice: notice)
        return renderer.render("plan_remove", title: ErrorSummary.title("Remove this step?", view.errorSummary), content: view,
                               context: context, status: status, section: .plans)
    }

    static func stepForm(_ form: FormData) -> ActionStepForm {
        var step = ActionStepForm()
        step.what = form["what"]
        step.dueDate = form["due_date"]
        step.status = form["status"]
        step.supportNeeded = form["support_needed"]
        step.resources = form["resources"]
        step.estimatedHours = form["estimated_hours"]
        return step
    }
}
