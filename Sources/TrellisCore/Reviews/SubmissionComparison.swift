/// What changed between two submissions of a plan, as lines a reviewer reads side by side: the previous text
/// beside the new one, for every part that differs. A returned plan comes back with the reviewer's comments
/// answered somewhere; this shows where.
public struct SubmissionComparison: Sendable, Hashable {
    /// One part of the plan that differs, e.g. "Goal 1: measure".
    public struct Change: Sendable, Hashable {
        public let part: String
        public let before: String
        public let after: String
    }

    public let changes: [Change]

    public var isUnchanged: Bool { changes.isEmpty }

    public init(from previous: GrowthPlan, to current: GrowthPlan) {
        var changes: [Change] = []
        func compare(_ part: String, _ before: String, _ after: String) {
            if before != after { changes.append(Change(part: part, before: before, after: after)) }
        }
        // Goals are matched by id, so a reordered or removed goal reads as what it is.
        let previousGoals = Dictionary(previous.goals.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, goal) in current.goals.enumerated() {
            let name = "Goal \(index + 1)"
            guard let old = previousGoals[goal.id] else {
                compare("\(name) (new)", "", Self.describe(goal))
                continue
            }
            compare("\(name): statement", old.statement, goal.statement)
            compare("\(name): student outcome", old.studentOutcome, goal.studentOutcome)
            compare("\(name): teacher action", old.teacherAction, goal.teacherAction)
            compare("\(name): measure", old.measure, goal.measure)
            compare("\(name): baseline", old.baseline, goal.baseline)
            compare("\(name): target", old.target, goal.target)
            compare("\(name): target date", old.targetDate?.longForm ?? "", goal.targetDate?.longForm ?? "")
            compare("\(name): standards", old.alignedStandardIdentifiers.joined(separator: ", "),
                    goal.alignedStandardIdentifiers.joined(separator: ", "))
            compare("\(name): action steps", Self.describe(old.actionSteps), Self.describe(goal.actionSteps))
            compare("\(name): reflection", Self.describe(previous.reflection.reflection(on: goal.id)),
                    Self.describe(current.reflection.reflection(on: goal.id)))
            compare("\(name): evidence", Self.describe(previous.evidence(for: goal.id)), Self.describe(current.evidence(for: goal.id)))
        }
        let currentIDs = Set(current.goals.map(\.id))
        for goal in previous.goals where !currentIDs.contains(goal.id) {
            compare("Removed goal", goal.statement, "")
        }
        compare("Next steps", previous.reflection.nextSteps, current.reflection.nextSteps)
        compare("Check-ins", "\(previous.checkIns.count) check-ins", "\(current.checkIns.count) check-ins")
        self.changes = changes
    }

    private static func describe(_ goal: Goal) -> String {
        [goal.statement, describe(goal.actionSteps)].filter { !$0.isEmpty }.joined(separator: "\n")
    }

    private static func describe(_ steps: [ActionStep]) -> String {
        steps.filter(\.isWritten).map { step in
            var line = "• \(step.what) (\(step.status.label.lowercased())"
            if let due = step.dueDate { line += ", by \(due.longForm)" }
            return line + ")"
        }.joined(separator: "\n")
    }

    private static func describe(_ reflection: GoalReflection?) -> String {
        guard let reflection else { return "" }
        return [reflection.studentChange, reflection.practiceChange, reflection.evidenceThatShowsIt]
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }

    private static func describe(_ evidence: [Evidence]) -> String {
        evidence.map { "• \($0.kind.label): \($0.caption)" }.joined(separator: "\n")
    }
}
