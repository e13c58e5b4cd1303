import Hummingbird
import TrellisCore
import TrellisServices

/// Step 2: aligning each goal to standards, with the best suggestions for its wording shown first.
struct AlignmentController {
    let renderer: PageRenderer
    let plans: PlanService
    let standards: StandardsService
    let secure: Bool

    struct AlignmentView {
        let header: PlanHeader
        let goals: [GoalAlignment]
        let hasGoals: Bool
        let canEdit: Bool
        let goalsPath: String
        let nextPath: String
    }

    struct GoalAlignment {
        let number: Int
        let statement: String
        let action: String
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
        router.post("/plans/:plan/goals/:goal/alignment", use: save)
    }

    func page(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let loaded = try await plans.load(actor, try PlansController.planID(context))
        let plan = loaded.plan
        // The owner's roles decide which frameworks apply; a reader sees the owner's choices.
        let applicable = try await standards.applicableStandards(Actor(loaded.owner))
        let index = try await standards.index(actor)
        let goals = plan.goals.enumerated().map { number, goal in
            let aligned = Set(goal.alignedStandardIdentifiers)
            let suggested = StandardSuggester.suggestions(for: [goal.statement, goal.studentOutcome, goal.teacherAction].joined(separator: " "),
                                                          among: applicable.map(\.standard))
            let suggestedIDs = Set(suggested.map(\.standard.identifier))
            var groups: [FrameworkGroup] = []
            for (framework, standardsOfFramework) in Self.grouped(applicable) {
                // Suggestions are listed once, above; retired standards only where a goal already uses them.
                let options = standardsOfFramework.filter { !suggestedIDs.contains($0.identifier) && (!$0.isRetired || aligned.contains($0.identifier)) }
                    .map { Option(id: "g\(number)-\($0.identifier)", value: $0.identifier, code: $0.code, title: $0.title, checked: aligned.contains($0.identifier)) }
                if !options.isEmpty { groups.append(FrameworkGroup(title: framework.title, options: options)) }
            }
            let labels = goal.alignedStandardIdentifiers.map { id in index[id].map { "\($0.code) \($0.title)\($0.isRetired ? " (retired)" : "")" } ?? id }
            return GoalAlignment(
                number: number + 1, statement: goal.statement, action: SiteRoute.goal(plan.id, goal.id).path + "/alignment",
                suggestions: suggested.map { Option(id: "g\(number)-s-\($0.standard.identifier)", value: $0.standard.identifier, code: $0.standard.code,
                                                    title: $0.standard.title, checked: aligned.contains($0.standard.identifier)) },
                hasSuggestions: !suggested.isEmpty, frameworks: groups, aligned: labels, hasAligned: !labels.isEmpty)
        }
        let view = AlignmentView(header: PlanHeader(loaded, current: .alignment), goals: goals, hasGoals: !goals.isEmpty, canEdit: loaded.canEdit,
                                 goalsPath: SiteRoute.planSection(plan.id, "goals").path, nextPath: SiteRoute.planSection(plan.id, "actions").path)
        return renderer.render("plan_alignment", title: "Align to standards", content: view, context: context, section: .plans)
    }

    func save(_ request: Request, context: TrellisRequestContext) async throws -> Response {
        let actor = try context.requireActor()
        let planID = try PlansController.planID(context)
        let goalID = Goal.ID(try context.parameters.require("goal"))
        let form = try await FormData.from(request)
        do {
            try await plans.align(actor, planID, goalID: goalID, standards: form.all("standards"))
        } catch is FieldErrors {
            throw HTTPError(.badRequest)
        }
        return Flash.redirect(to: .planSection(planID, "alignment"), Flash(message: "The standards for this goal are saved."), secure: secure)
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
