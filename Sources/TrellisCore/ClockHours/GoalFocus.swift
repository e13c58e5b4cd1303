/// The focus categories one PGP goal is tagged with, as renewal sees them.
///
/// Washington lets one PGP goal meet a focus requirement outright (a goal with a STEM-integration
/// emphasis meets the STEM rule; one aligned to the CCDEI standards meets equity-based practice),
/// so the evaluator needs the tags of the goals of the plans on the ledger. It takes them as this
/// small value rather than whole plans, so callers load only what renewal needs.
public struct GoalFocus: Sendable, Hashable, Codable {
    public var planID: GrowthPlan.ID
    public var goalID: Goal.ID
    public var categories: [FocusCategory]

    public init(planID: GrowthPlan.ID, goalID: Goal.ID, categories: [FocusCategory]) {
        self.planID = planID
        self.goalID = goalID
        self.categories = categories
    }

    /// The tagged goals of `plan`; untagged goals are left out.
    public static func of(_ plan: GrowthPlan) -> [GoalFocus] {
        plan.goals.compactMap { goal in
            guard let categories = goal.focusCategories, !categories.isEmpty else { return nil }
            return GoalFocus(planID: plan.id, goalID: goal.id, categories: categories)
        }
    }
}
