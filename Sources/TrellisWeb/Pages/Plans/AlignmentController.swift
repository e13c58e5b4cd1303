import Hummingbird
import TrellisCore
import TrellisServices

/// Step 2: aligning each goal to standards, with the best suggestions for its wording shown first.
/// The whole page is one form with one save, so ticks on one goal are never lost by saving another.
struct AlignmentController {
    let renderer: PageRenderer
    let plans: PlanService
    let standards: StandardsService
    let secure: Bool

    struct AlignmentView {
        let header: PlanHeader
        let errorSummary: ErrorSummary?
        let goals: [GoalAlignment]
        let hasGoals: Bool
        let canEdit: Bool
        let action: String
        let version: Int
        let goalsPath: String
        let nextPath: String
    }

    struct GoalAlignment {
        let number: Int
        let statement: String
        /// The checkboxes' name: one list of standards per goal in the one form.
        let name: String
        let fieldsetID: String
        let error: String?
        let suggestions: [Option]
        let hasSuggestions: Bool
        let frameworks: [FrameworkGroup]
        let aligned: [String]
        let hasAligned: Bool
    }

    struct FrameworkGroup {
        let title: String
        let options: [Option]
    }

    struct Option {
        let id: String
        let value: String
        let code: String
        let title: String
        let checked: Bool
    }

    func register(on router: some RouterMethods<TrellisRequestContext>) {
        router.get("/plans/:plan/alignment", use: page)
        router.post("/plans/:plan/alignment", use: save)
    }

    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        try await render(context, ticked: nil, errors: FieldErrors(), notice: nil, status: .ok)
    }

    func save(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let planID = try PlansController.planID(context)
        let form = try await FormData.from(request)
        let loaded = try await plans.load(actor, planID)
        // Every goal on the page is in the form; a goal with nothing ticked sends nothing, which means none.
        var ticked: [Goal.ID: [String]] = [:]
        for goal in loaded.plan.goals { ticked[goal.id] = form.all(Self.fieldName(goal.id)) }
        do {
            try await plans.align(actor, planID, alignments: ticked, expecting: PlansController.version(form))
        } catch let errors as FieldErrors {
            return try await render(context, ticked: ticked, errors: errors, notice: nil, status: .unprocessableContent)
        } catch ServiceError.conflict(let message) {
            return try await render(context, ticked: ticked, errors: FieldErrors(), notice: message, status: .conflict)
        }
        return Flash.redirect(to: .planSection(planID, "alignment"), Flash(message: "The standards for your goals are saved."), secure: secure)
    }

    /// `ticked` is what the person chose, shown again when the save was refused; otherwise the plan's alignment.
    private func render(_ context: TrellisRequestContext, ticked: [Goal.ID: [String]]?, errors: FieldErrors, notice: String?,
                        status: HTTPResponse.Status) async throws -> Response {
        let actor = try context.requireActor()
        let loaded = try await plans.load(actor, try PlansController.planID(context), latest: status != .ok)
        let plan = loaded.plan
        // The owner's roles decide which frameworks apply; a reader sees the owner's choices.
        let applicable = try await standards.applicableStandards(Actor(loaded.owner))
        let index = try await standards.standards(actor, shownIn: loaded.plan)
        let goals = plan.goals.enumerated().map { number, goal in
            let aligned = Set(ticked?[goal.id] ?? goal.alignedStandardIdentifiers)
            let labels = goal.alignedStandardIdentifiers.map { id in index[id].map { "\($0.code) \($0.title)\($0.isRetired ? " (retired)" : "")" } ?? id }
            var suggested: [StandardSuggestion] = []
            var groups: [FrameworkGroup] = []
            if loaded.canEdit {
                suggested = StandardSuggester.suggestions(for: [goal.statement, goal.studentOutcome, goal.teacherAction].joined(separator: " "),
                                                          among: applicable.map(\.standard))
                let suggestedIDs = Set(suggested.map(\.standard.identifier))
                for (framework, standardsOfFramework) in Self.grouped(applicable) {
                    // Suggestions are listed once, above; retired standards only where a goal already uses them.
                    let options = standardsOfFramework.filter { !suggestedIDs.contains($0.identifier) && (!$0.isRetired || aligned.contains($0.identifier)) }
                        .map { Option(id: "g\(number)-\($0.identifier)", value: $0.identifier, code: $0.code, title: $0.title, checked: aligned.contains($0.identifier)) }
                    if !options.isEmpty { groups.append(FrameworkGroup(title: framework.title, options: options)) }
                }
            }
            return GoalAlignment(
                number: number + 1, statement: goal.statement, name: Self.fieldName(goal.id), fieldsetID: "goal-\(number + 1)-standards",
                error: errors[Self.fieldName(goal.id)],
                suggestions: suggested.map { Option(id: "g\(number)-s-\($0.standard.identifier)", value: $0.standard.identifier, code: $0.standard.code,
                                                    title: $0.standard.title, checked: aligned.contains($0.standard.identifier)) },
                hasSuggestions: !suggested.isEmpty, frameworks: groups, aligned: labels, hasAligned: !labels.isEmpty)
        }
        let summary = ErrorSummary(notice: notice, goals.map { ErrorSummary.field(id: $0.fieldsetID, $0.error) })
        let view = AlignmentView(header: PlanHeader(loaded, current: .alignment), errorSummary: summary, goals: goals, hasGoals: !goals.isEmpty,
                                 canEdit: loaded.canEdit, action: SiteRoute.planSection(plan.id, "alignment").path, version: loaded.version,
                                 goalsPath: SiteRoute.planSection(plan.id, "goals").path, nextPath: SiteRoute.planSection(plan.id, "actions").path)
        return renderer.render("plan_alignment", title: ErrorSummary.title("Align to standards", summary), content: view, context: context,
                               status: status, section: .plans)
    }

    static func fieldName(_ goal: Goal.ID) -> String {
        "standards_\(goal)"
    }

    /// Standards by framework, frameworks in the order they apply.
    static func grouped(_ pairs: [(framework: Framework, standard: Standard)]) -> [(Framework, [Standard])] {
        var order: [String] = []
        var groups: [String: (Framework, [Standard])] = [:]
        for (framework, standard) in pairs {
            if groups[framework.identifier] == nil { order.append(framework.identifier); groups[framework.identifier] = (framework, []) }
            groups[framework.identifier]!.1.append(standard)
        }
        return order.compactMap { groups[$0] }
    }
}
