import Foundation
import Hummingbird
import TrellisCore
import TrellisServices

/// Step 1 of a plan: writing goals, with kind SMART feedback and a coach's guiding questions.
/// Someone the plan is shared with reads the goals, written for them: no forms.
struct GoalsController {
    let renderer: PageRenderer
    let plans: PlanService
    let secure: Bool

    struct GoalsView {
        struct Line {
            let number: Int
            let statement: String
            let path: String
            /// "2 suggestions", or nil when there are none (a section over 0 would still show).
            let notes: String?
        }
        let header: PlanHeader
        let errorSummary: ErrorSummary?
        let goals: [Line]
        let hasGoals: Bool
        let canEdit: Bool
        let isOwner: Bool
        let ownerName: String
        let form: GoalFormView
        let nextPath: String
    }

    struct GoalView {
        let header: PlanHeader
        let errorSummary: ErrorSummary?
        let number: Int
        let canEdit: Bool
        let form: GoalFormView
        /// The goal as saved, for those who only read it.
        let parts: [GoalReadView.Part]
        /// After a refused stale save: the goal as it is saved now, beside what the person wrote.
        let savedStatement: String?
        let notes: [Note]
        let hasNotes: Bool
        let removePath: String
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
        router.get("/plans/:plan/goals/:goal/remove", use: confirmRemoval)
        router.post("/plans/:plan/goals/:goal/delete", use: delete)
    }

    func list(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await listPage(context, form: GoalForm(), errors: FieldErrors(), status: .ok)
    }

    func add(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let planID = try PlansController.planID(context)
        let data = try await FormData.from(request)
        let form = Self.goalForm(data)
        do {
            let goalID = try await plans.saveGoal(actor, planID, goalID: nil, form, expecting: PlansController.version(data))
            return Flash.redirect(to: .goal(planID, goalID), Flash(message: "Your goal is saved. Here is some feedback on it; change anything you like."), secure: secure)
        } catch let errors as FieldErrors {
            return try await listPage(context, form: form, errors: errors, status: .unprocessableContent)
        } catch ServiceError.conflict(let message) {
            return try await listPage(context, form: form, errors: FieldErrors(), notice: message, status: .conflict)
        }
    }

    func show(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let (loaded, goal) = try await find(context)
        return try await goalPage(loaded, goal, form: GoalForm(goal), errors: FieldErrors(), context: context, status: .ok)
    }

    func save(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let (loaded, goal) = try await find(context)
        let data = try await FormData.from(request)
        let form = Self.goalForm(data)
        do {
            _ = try await plans.saveGoal(actor, loaded.plan.id, goalID: goal.id, form, expecting: PlansController.version(data))
            return Flash.redirect(to: .goal(loaded.plan.id, goal.id), Flash(message: "Your goal is saved."), secure: secure)
        } catch let errors as FieldErrors {
            return try await goalPage(loaded, goal, form: form, errors: errors, context: context, status: .unprocessableContent)
        } catch ServiceError.conflict(let message) {
            // Shown against the newest version, so saving again is a choice made knowing what changed.
            let (latest, saved) = try await find(context, latest: true)
            return try await goalPage(latest, saved, form: form, errors: FieldErrors(), notice: message, context: context, status: .conflict)
        }
    }

    func confirmRemoval(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let (loaded, goal) = try await find(context)
        return try removalPage(loaded, goal, notice: nil, context: context, status: .ok)
    }

    func delete(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let (loaded, goal) = try await find(context)
        do {
            try await plans.deleteGoal(actor, loaded.plan.id, goalID: goal.id, expecting: PlansController.version(try await FormData.from(request)))
        } catch ServiceError.conflict(let message) {
            let (latest, current) = try await find(context, latest: true)
            return try removalPage(latest, current, notice: message, context: context, status: .conflict)
        }
        return Flash.redirect(to: .planSection(loaded.plan.id, "goals"), Flash(message: "The goal is removed."), secure: secure)
    }

    private func find(_ context: TrellisRequestContext, latest: Bool = false) async throws -> (PlanService.Loaded, Goal) {
        let actor = try context.requireActor()
        let loaded = try await plans.load(actor, try PlansController.planID(context), latest: latest)
        guard let goal = loaded.plan.goal(Goal.ID(try context.parameters.require("goal"))) else { throw ServiceError.notFound }
        return (loaded, goal)
    }

    private func listPage(_ context: TrellisRequestContext, form: GoalForm, errors: FieldErrors, notice: String? = nil,
                          status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let loaded = try await plans.load(actor, try PlansController.planID(context), latest: status != .ok)
        let plan = loaded.plan
        let formView = GoalFormView(form, errors: errors, action: SiteRoute.planSection(plan.id, "goals").path, submit: "Save goal",
                                    year: plan.schoolYear, version: loaded.version)
        let summary = ErrorSummary(notice: notice, formView.summaryItems())
        let view = GoalsView(
            header: PlanHeader(loaded, current: .goals), errorSummary: summary,
            goals: plan.goals.enumerated().map { index, goal in
                GoalsView.Line(number: index + 1, statement: goal.statement, path: SiteRoute.goal(plan.id, goal.id).path,
                               notes: loaded.canEdit ? Self.suggestions(SMARTFeedback.notes(for: goal, in: plan.schoolYear).count) : nil)
            },
            hasGoals: !plan.goals.isEmpty, canEdit: loaded.canEdit, isOwner: loaded.isOwner, ownerName: loaded.owner.displayName,
            form: formView, nextPath: SiteRoute.planSection(plan.id, "alignment").path)
        return renderer.render("plan_goals", title: ErrorSummary.title("Goals", summary), content: view, context: context, status: status, section: .plans)
    }

    private func goalPage(_ loaded: PlanService.Loaded, _ goal: Goal, form: GoalForm, errors: FieldErrors, notice: String? = nil,
                          context: TrellisRequestContext, status: HTTPResponse.Status) async throws -> Response {
        let plan = loaded.plan
        var notes: [Note] = []
        if loaded.canEdit {
            let bank = try await plans.guidingQuestions(try context.requireActor())
            notes = SMARTFeedback.notes(for: goal, in: plan.schoolYear, questions: bank).map {
                Note(part: $0.part.label, message: $0.message, questions: $0.questions)
            }
        }
        let number = plan.number(of: goal.id) ?? 0
        let formView = GoalFormView(form, errors: errors, action: SiteRoute.goal(plan.id, goal.id).path, submit: "Save goal",
                                    year: plan.schoolYear, version: loaded.version)
        let summary = ErrorSummary(notice: notice, formView.summaryItems())
        let view = GoalView(
            header: PlanHeader(loaded, current: .goals), errorSummary: summary, number: number, canEdit: loaded.canEdit, form: formView,
            parts: GoalReadView.parts(of: goal), savedStatement: notice == nil ? nil : goal.statement.nonEmpty,
            notes: notes, hasNotes: !notes.isEmpty, removePath: SiteRoute.goal(plan.id, goal.id).path + "/remove",
            alignmentPath: SiteRoute.planSection(plan.id, "alignment").path, backPath: SiteRoute.planSection(plan.id, "goals").path)
        return renderer.render("plan_goal", title: ErrorSummary.title("Goal \(number)", summary), content: view, context: context,
                               status: status, section: .plans)
    }

    private func removalPage(_ loaded: PlanService.Loaded, _ goal: Goal, notice: String?, context: TrellisRequestContext,
                             status: HTTPResponse.Status) throws -> Response {
        try PlansController.requireEditable(loaded)
        let number = loaded.plan.number(of: goal.id) ?? 0
        let path = SiteRoute.goal(loaded.plan.id, goal.id).path
        let view = RemovalView(loaded, current: .goals, question: "Remove goal \(number): \(RemovalView.quote(goal.statement))?",
                               consequence: "Its action steps, alignment and reflection go with it; evidence stays on the plan.",
                               action: path + "/delete", removeLabel: "Remove goal \(number)", keepPath: path, notice: notice)
        return renderer.render("plan_remove", title: ErrorSummary.title("Remove goal \(number)?", view.errorSummary), content: view,
                               context: context, status: status, section: .plans)
    }

    static func suggestions(_ count: Int) -> String? {
        count == 0 ? nil : count == 1 ? "1 suggestion" : "\(count) suggestions"
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
