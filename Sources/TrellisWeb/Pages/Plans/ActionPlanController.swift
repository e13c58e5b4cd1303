import Hummingbird
import TrellisCore
import TrellisServices

/// Step 3: the action plan, steps per goal with a date, a status, support needed, resources and hours.
struct ActionPlanController {
    let renderer: PageRenderer
    let plans: PlanService
    let secure: Bool

    struct ActionsView {
        let header: PlanHeader
        let goals: [GoalSteps]
        let hasGoals: Bool
        let canEdit: Bool
        let goalsPath: String
        let nextPath: String
    }

    struct GoalSteps {
        let number: Int
        let statement: String
        let steps: [StepLine]
        let hasSteps: Bool
        let form: StepFormView
    }

    struct StepLine {
        let what: String
        let due: String
        let status: String
        let support: String
        let hours: String
        let editPath: String
    }

    struct StepPage {
        let header: PlanHeader
        let goalNumber: Int
        let form: StepFormView
        let deletePath: String
        let backPath: String
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/plans/:plan/actions", use: page)
        router.post("/plans/:plan/goals/:goal/steps", use: add)
        router.get("/plans/:plan/goals/:goal/steps/:step", use: edit)
        router.post("/plans/:plan/goals/:goal/steps/:step", use: save)
        router.post("/plans/:plan/goals/:goal/steps/:step/delete", use: delete)
    }

    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await actionsPage(context, failed: nil, status: .ok)
    }

    func add(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let planID = try PlansController.planID(context)
        let goalID = Goal.ID(try context.parameters.require("goal"))
        let form = Self.stepForm(try await FormData.from(request))
        do {
            try await plans.saveActionStep(actor, planID, goalID: goalID, stepID: nil, form)
            return Flash.redirect(to: .planSection(planID, "actions"), Flash(message: "The step is added."), secure: secure)
        } catch let errors as FieldErrors {
            return try await actionsPage(context, failed: (goalID, form, errors), status: .unprocessableContent)
        }
    }

    func edit(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let (loaded, goal, step) = try await find(context)
        return stepPage(loaded, goal, step, form: ActionStepForm(step), errors: FieldErrors(), context: context, status: .ok)
    }

    func save(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let (loaded, goal, step) = try await find(context)
        let form = Self.stepForm(try await FormData.from(request))
        do {
            try await plans.saveActionStep(actor, loaded.plan.id, goalID: goal.id, stepID: step.id, form)
            return Flash.redirect(to: .planSection(loaded.plan.id, "actions"), Flash(message: "The step is saved."), secure: secure)
        } catch let errors as FieldErrors {
            return stepPage(loaded, goal, step, form: form, errors: errors, context: context, status: .unprocessableContent)
        }
    }

    func delete(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let (loaded, goal, step) = try await find(context)
        try await plans.deleteActionStep(actor, loaded.plan.id, goalID: goal.id, stepID: step.id)
        return Flash.redirect(to: .planSection(loaded.plan.id, "actions"), Flash(message: "The step is removed."), secure: secure)
    }

    private func find(_ context: TrellisRequestContext) async throws -> (PlanService.Loaded, Goal, ActionStep) {
        let actor = try context.requireActor()
        let loaded = try await plans.load(actor, try PlansController.planID(context))
        guard let goal = loaded.plan.goal(Goal.ID(try context.parameters.require("goal"))),
              let step = goal.actionSteps.first(where: { $0.id.rawValue == (try? context.parameters.require("step")) }) else {
            throw ServiceError.notFound
        }
        return (loaded, goal, step)
    }

    private func actionsPage(_ context: TrellisRequestContext, failed: (Goal.ID, ActionStepForm, FieldErrors)?, status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let loaded = try await plans.load(actor, try PlansController.planID(context))
        let plan = loaded.plan
        let goals = plan.goals.enumerated().map { index, goal in
            let mine = failed?.0 == goal.id ? failed : nil
            return GoalSteps(
                number: index + 1, statement: goal.statement,
                steps: goal.actionSteps.map { step in
                    StepLine(what: step.what, due: step.dueDate?.longForm ?? "No date", status: step.status.label,
                             support: step.supportNeeded, hours: step.estimatedHours.map { "\($0 == $0.rounded() ? String(Int($0)) : String($0)) h" } ?? "",
                             editPath: SiteRoute.actionStep(plan.id, goal.id, step.id).path)
                },
                hasSteps: !goal.actionSteps.isEmpty,
                form: StepFormView(mine?.1 ?? ActionStepForm(), errors: mine?.2 ?? FieldErrors(), prefix: "g\(index + 1)",
                                   action: SiteRoute.goal(plan.id, goal.id).path + "/steps", submit: "Add step"))
        }
        let view = ActionsView(header: PlanHeader(loaded, current: .actions), goals: goals, hasGoals: !goals.isEmpty, canEdit: loaded.canEdit,
                               goalsPath: SiteRoute.planSection(plan.id, "goals").path, nextPath: SiteRoute.planSection(plan.id, "evidence").path)
        return renderer.render("plan_actions", title: "Action plan", content: view, context: context, status: status, section: .plans)
    }

    private func stepPage(_ loaded: PlanService.Loaded, _ goal: Goal, _ step: ActionStep, form: ActionStepForm, errors: FieldErrors,
                          context: TrellisRequestContext, status: HTTPResponse.Status) -> Response {
        let path = SiteRoute.actionStep(loaded.plan.id, goal.id, step.id).path
        let view = StepPage(header: PlanHeader(loaded, current: .actions), goalNumber: loaded.plan.number(of: goal.id) ?? 0,
                            form: StepFormView(form, errors: errors, prefix: "step", action: path, submit: "Save step"),
                            deletePath: path + "/delete", backPath: SiteRoute.planSection(loaded.plan.id, "actions").path)
        return renderer.render("plan_step", title: "Action step", content: view, context: context, status: status, section: .plans)
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

/// The action step form; `prefix` keeps ids unique when one page holds a form per goal.
struct StepFormView {
    struct StatusOption {
        let value: String
        let label: String
        let selected: Bool
    }
    let action: String
    let submit: String
    let prefix: String
    let what: FieldView
    let dueDate: FieldView
    let statuses: [StatusOption]
    let statusError: String?
    let supportNeeded: FieldView
    let resources: FieldView
    let estimatedHours: FieldView

    init(_ form: ActionStepForm, errors: FieldErrors, prefix: String, action: String, submit: String) {
        self.action = action
        self.submit = submit
        self.prefix = prefix
        what = FieldView(name: "what", label: "What you will do", type: "textarea", value: form.what, errors: errors, idPrefix: prefix)
        dueDate = FieldView(name: "due_date", label: "By when (optional)", type: "date", value: form.dueDate, errors: errors, required: false, idPrefix: prefix)
        statuses = ActionStep.Status.allCases.map { StatusOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == form.status) }
        statusError = errors["status"]
        supportNeeded = FieldView(name: "support_needed", label: "Support needed (optional)", value: form.supportNeeded, errors: errors,
                                  hint: "E.g. a coach to model a lesson, release time.", required: false, idPrefix: prefix)
        resources = FieldView(name: "resources", label: "Resources (optional)", value: form.resources, errors: errors, required: false, idPrefix: prefix)
        estimatedHours = FieldView(name: "estimated_hours", label: "Estimated hours (optional)", value: form.estimatedHours, errors: errors,
                                   required: false, idPrefix: prefix)
    }
}
