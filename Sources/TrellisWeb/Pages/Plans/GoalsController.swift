import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// Step 1 of a plan: writing goals, with kind SMART feedback and a coach's guiding questions.
struct GoalsController {
    let renderer: PageRenderer
    let plans: PlanService
    let secure: Bool

    struct GoalsView {
        struct Line {
            let number: Int
            let statement: String
            let path: String
            let notes: Int
        }
        let header: PlanHeader
        let goals: [Line]
        let hasGoals: Bool
        let canEdit: Bool
        let form: GoalFormView
        let nextPath: String
    }

    struct GoalView {
        let header: PlanHeader
        let number: Int
        let canEdit: Bool
        let form: GoalFormView
        let notes: [Note]
        let hasNotes: Bool
        let deletePath: String
        let alignmentPath: String
        let backPath: String
    }

    struct Note {
        let part: String
        let message: String
        let questions: [String]
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/plans/:plan/goals", use: list)
        router.post("/plans/:plan/goals", use: add)
        router.get("/plans/:plan/goals/:goal", use: show)
        router.post("/plans/:plan/goals/:goal", use: save)
        router.post("/plans/:plan/goals/:goal/delete", use: delete)
    }

    func list(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await listPage(context, form: GoalForm(), errors: FieldErrors(), status: .ok)
    }

    func add(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let planID = try PlansController.planID(context)
        let form = Self.goalForm(try await FormData.from(request))
        do {
            let goalID = try await plans.saveGoal(actor, planID, goalID: nil, form)
            return Flash.redirect(to: .goal(planID, goalID), Flash(message: "Your goal is saved. Here is some feedback on it; change anything you like."), secure: secure)
        } catch let errors as FieldErrors {
            return try await listPage(context, form: form, errors: errors, status: .unprocessableContent)
        }
    }

    func show(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let (loaded, goal) = try await find(context)
        return try await goalPage(loaded, goal, form: GoalForm(goal), errors: FieldErrors(), context: context, status: .ok)
    }

    func save(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let (loaded, goal) = try await find(context)
        let form = Self.goalForm(try await FormData.from(request))
        do {
            _ = try await plans.saveGoal(actor, loaded.plan.id, goalID: goal.id, form)
            return Flash.redirect(to: .goal(loaded.plan.id, goal.id), Flash(message: "Your goal is saved."), secure: secure)
        } catch let errors as FieldErrors {
            return try await goalPage(loaded, goal, form: form, errors: errors, context: context, status: .unprocessableContent)
        }
    }

    func delete(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let (loaded, goal) = try await find(context)
        try await plans.deleteGoal(actor, loaded.plan.id, goalID: goal.id)
        return Flash.redirect(to: .planSection(loaded.plan.id, "goals"), Flash(message: "The goal is removed."), secure: secure)
    }

    private func find(_ context: TrellisRequestContext) async throws -> (PlanService.Loaded, Goal) {
        let actor = try context.requireActor()
        let loaded = try await plans.load(actor, try PlansController.planID(context))
        guard let goal = loaded.plan.goal(Goal.ID(try context.parameters.require("goal"))) else { throw ServiceError.notFound }
        return (loaded, goal)
    }

    private func listPage(_ context: TrellisRequestContext, form: GoalForm, errors: FieldErrors, status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let loaded = try await plans.load(actor, try PlansController.planID(context))
        let plan = loaded.plan
        let view = GoalsView(
            header: PlanHeader(loaded, current: .goals),
            goals: plan.goals.enumerated().map { index, goal in
                GoalsView.Line(number: index + 1, statement: goal.statement, path: SiteRoute.goal(plan.id, goal.id).path,
                               notes: SMARTFeedback.notes(for: goal, in: plan.schoolYear).count)
            },
            hasGoals: !plan.goals.isEmpty, canEdit: loaded.canEdit,
            form: GoalFormView(form, errors: errors, action: SiteRoute.planSection(plan.id, "goals").path, submit: "Save goal", year: plan.schoolYear),
            nextPath: SiteRoute.planSection(plan.id, "alignment").path)
        return renderer.render("plan_goals", title: "Goals", content: view, context: context, status: status, section: .plans)
    }

    private func goalPage(_ loaded: PlanService.Loaded, _ goal: Goal, form: GoalForm, errors: FieldErrors, context: TrellisRequestContext,
                          status: HTTPResponse.Status) async throws -> Response {
        let plan = loaded.plan
        var notes: [Note] = []
        if loaded.canEdit {
            let bank = try await plans.guidingQuestions(try context.requireActor())
            notes = SMARTFeedback.notes(for: goal, in: plan.schoolYear, questions: bank).map {
                Note(part: $0.part.label, message: $0.message, questions: $0.questions)
            }
        }
        let number = plan.number(of: goal.id) ?? 0
        let view = GoalView(
            header: PlanHeader(loaded, current: .goals), number: number, canEdit: loaded.canEdit,
            form: GoalFormView(form, errors: errors, action: SiteRoute.goal(plan.id, goal.id).path, submit: "Save goal", year: plan.schoolYear),
            notes: notes, hasNotes: !notes.isEmpty, deletePath: SiteRoute.goal(plan.id, goal.id).path + "/delete",
            alignmentPath: SiteRoute.planSection(plan.id, "alignment").path, backPath: SiteRoute.planSection(plan.id, "goals").path)
        return renderer.render("plan_goal", title: "Goal \(number)", content: view, context: context, status: status, section: .plans)
    }

    static func goalForm(_ form: FormData) -> GoalForm {
        var goal = GoalForm()
        goal.statement = form["statement"]
        goal.studentOutcome = form["student_outcome"]
        goal.teacherAction = form["teacher_action"]
        goal.measure = form["measure"]
        goal.baseline = form["baseline"]
        goal.target = form["target"]
        goal.targetDate = form["target_date"]
        return goal
    }
}

/// The goal form's fields with their messages and hints.
struct GoalFormView {
    let action: String
    let submit: String
    let fields: [FieldView]

    init(_ form: GoalForm, errors: FieldErrors, action: String, submit: String, year: SchoolYear) {
        self.action = action
        self.submit = submit
        fields = [
            FieldView(name: "statement", label: "Your goal", type: "textarea", value: form.statement, errors: errors,
                      hint: "In a sentence or two: what will change for your students, and what you will do."),
            FieldView(name: "student_outcome", label: "Student outcome (optional)", type: "textarea", value: form.studentOutcome, errors: errors,
                      hint: "What students will know or be able to do.", required: false),
            FieldView(name: "teacher_action", label: "Your action (optional)", type: "textarea", value: form.teacherAction, errors: errors,
                      hint: "What you will do differently in your practice.", required: false),
            FieldView(name: "measure", label: "How you will measure it (optional)", value: form.measure, errors: errors,
                      hint: "An assessment, a rubric, a count.", required: false),
            FieldView(name: "baseline", label: "Where students are now (optional)", value: form.baseline, errors: errors, required: false),
            FieldView(name: "target", label: "Target (optional)", value: form.target, errors: errors, hint: "E.g. 80% proficient.", required: false),
            FieldView(name: "target_date", label: "Target date (optional)", type: "date", value: form.targetDate, errors: errors,
                      hint: "Within the \(year.label) school year.", required: false),
        ]
    }
}
