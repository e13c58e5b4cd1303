/// Who performs a status change, in words the access policy can map to people. This is data,
/// not an access check: `Policy` decides whether a given actor is that performer.
public enum PlanTransitionPerformer: String, Sendable, Hashable, Codable, CaseIterable {
    /// The educator whose plan it is.
    case owner
    /// The certificated educator asked to review and sign the plan.
    case reviewer
    /// A district admin, who verifies completed plans for clock hours and keeps the records.
    case districtAdmin = "district_admin"

    /// The performer named for people, e.g. in "Only the reviewer can sign this plan."
    public var label: String {
        switch self {
        case .owner: "the plan's owner"
        case .reviewer: "the reviewer"
        case .districtAdmin: "a district admin"
        }
    }
}

/// One allowed move between statuses, with who makes it and what the button says.
public struct PlanTransition: Sendable, Hashable, Codable {
    public var from: PlanStatus
    public var to: PlanStatus
    public var performer: PlanTransitionPerformer
    /// The action as offered to people, e.g. "Ask for review".
    public var actionLabel: String

    public init(from: PlanStatus, to: PlanStatus, performer: PlanTransitionPerformer, actionLabel: String) {
        self.from = from
        self.to = to
        self.performer = performer
        self.actionLabel = actionLabel
    }
}

/// What the lifecycle needs to know that is not in the plan itself.
public struct PlanTransitionContext: Sendable, Hashable {
    /// A reviewer has been named: a Trellis user, or someone outside it identified by name and
    /// certificate number. Reviews live apart from the plan, so the caller says.
    public var hasReviewer: Bool
    /// The reviewer wrote what should change; needed to return a plan.
    public var hasReturnNote: Bool

    public init(hasReviewer: Bool = false, hasReturnNote: Bool = false) {
        self.hasReviewer = hasReviewer
        self.hasReturnNote = hasReturnNote
    }
}

/// The answer to "may this plan move to that status?".
public enum PlanTransitionDecision: Sendable, Hashable {
    case allowed
    /// Refused, with every reason at once, each a sentence fit to show the person, so one
    /// attempt tells them all that is left to do.
    case refused([String])

    public var isAllowed: Bool { self == .allowed }

    /// The reasons it was refused; empty when allowed.
    public var reasons: [String] {
        switch self {
        case .allowed: []
        case .refused(let reasons): reasons
        }
    }
}

/// The one state machine for growth plans: which status changes exist, who makes each, and
/// what a plan must have before it moves.
///
/// What each move requires:
/// - draft → active ("Start the plan"): at least one goal, and every goal has a statement, at
///   least one aligned standard and at least one written action step. Every goal, not just
///   one: a half-written goal left in a started plan would reach the reviewer that way.
/// - active → in_review ("Ask for review"): everything "start" requires (the plan was editable
///   while active), plus a written reflection on every goal, at least one piece of evidence
///   tagged to every goal (the PGP asks for evidence of growth), and a named reviewer.
/// - returned → in_review ("Ask for review again"): the same as active → in_review.
/// - in_review → returned: a note saying what to change, so the educator is not left guessing.
/// - signed → returned ("Refuse verification"): a reason, which the educator sees.
/// - in_review → active (withdrawing a request nobody acted on) and signed → active (a correction, reviewed again).
/// - in_review → signed, signed → verified, verified → archived, returned → active: nothing
///   beyond being in the right status; the signature and verification records themselves are
///   made by the services that perform these moves.
public enum PlanLifecycle {
    /// Every allowed move. Anything not listed here is refused.
    public static let transitions: [PlanTransition] = [
        PlanTransition(from: .draft, to: .active, performer: .owner, actionLabel: "Start the plan"),
        PlanTransition(from: .active, to: .inReview, performer: .owner, actionLabel: "Ask for review"),
        PlanTransition(from: .inReview, to: .active, performer: .owner, actionLabel: "Withdraw the request"),
        PlanTransition(from: .inReview, to: .signed, performer: .reviewer, actionLabel: "Sign the plan"),
        PlanTransition(from: .inReview, to: .returned, performer: .reviewer, actionLabel: "Return for changes"),
        PlanTransition(from: .returned, to: .inReview, performer: .owner, actionLabel: "Ask for review again"),
        PlanTransition(from: .returned, to: .active, performer: .owner, actionLabel: "Resume work on the plan"),
        PlanTransition(from: .signed, to: .verified, performer: .districtAdmin, actionLabel: "Verify clock hours"),
        PlanTransition(from: .signed, to: .returned, performer: .districtAdmin, actionLabel: "Refuse verification"),
        // A correction after signing: the signed submission is kept as it was, and the new one is reviewed again.
        PlanTransition(from: .signed, to: .active, performer: .owner, actionLabel: "Correct the plan"),
        PlanTransition(from: .verified, to: .archived, performer: .districtAdmin, actionLabel: "Archive the plan"),
    ]

    /// The move from `from` to `to`, if there is one.
    public static func transition(from: PlanStatus, to: PlanStatus) -> PlanTransition? {
        transitions.first { $0.from == from && $0.to == to }
    }

    /// The moves that can be offered from `status`, in the order above.
    public static func transitions(from status: PlanStatus) -> [PlanTransition] {
        transitions.filter { $0.from == status }
    }

    /// Whether `plan` may move from its current status to `target`, and if not, why not.
    public static func check(_ plan: GrowthPlan, movingTo target: PlanStatus, context: PlanTransitionContext = .init()) -> PlanTransitionDecision {
        if plan.status == target {
            return .refused([alreadyThere(target)])
        }
        guard transition(from: plan.status, to: target) != nil else {
            return .refused(["A plan can't go from \(plan.status.label.lowercased()) to \(target.label.lowercased())."])
        }
        var reasons: [String] = []
        switch (plan.status, target) {
        case (.draft, .active):
            reasons = readinessToStart(plan)
        case (.active, .inReview), (.returned, .inReview):
            reasons = readinessToStart(plan) + readinessForReview(plan, context: context)
        case (.inReview, .returned):
            if !context.hasReturnNote { reasons.append("Write a note saying what to change before returning the plan.") }
        case (.signed, .returned):
            if !context.hasReturnNote { reasons.append("Write the reason the hours can't be verified, so the educator knows what to correct.") }
        default:
            break
        }
        return reasons.isEmpty ? .allowed : .refused(reasons)
    }

    private static func alreadyThere(_ status: PlanStatus) -> String {
        switch status {
        case .draft: "The plan is already a draft."
        case .returned: "The plan has already been returned for changes."
        case .active, .inReview, .signed, .verified, .archived: "The plan is already \(status.label.lowercased())."
        }
    }

    /// What a plan lacks to be started, goal by goal in order.
    static func readinessToStart(_ plan: GrowthPlan) -> [String] {
        guard !plan.goals.isEmpty else { return ["Add at least one goal."] }
        var reasons: [String] = []
        for (index, goal) in plan.goals.enumerated() {
            let number = index + 1
            if !goal.hasStatement { reasons.append("Write a statement for goal \(number).") }
            if goal.alignedStandardIdentifiers.isEmpty { reasons.append("Goal \(number) needs at least one aligned standard.") }
            if goal.writtenActionSteps.isEmpty { reasons.append("Add at least one action step to goal \(number).") }
        }
        return reasons
    }

    /// What an active plan lacks, beyond `readinessToStart`, to be sent for review.
    static func readinessForReview(_ plan: GrowthPlan, context: PlanTransitionContext) -> [String] {
        var reasons: [String] = []
        let unreflected = plan.goals.indices.filter { plan.reflection.reflection(on: plan.goals[$0].id)?.isWritten != true }
        reasons += perGoal(unreflected, of: plan.goals.count,
                           all: "Write a reflection for each goal before asking for review.",
                           one: { "Write a reflection for goal \($0) before asking for review." })
        let undocumented = plan.goals.indices.filter { plan.evidence(for: plan.goals[$0].id).isEmpty }
        reasons += perGoal(undocumented, of: plan.goals.count,
                           all: "Add evidence for each goal before asking for review.",
                           one: { "Add evidence for goal \($0) before asking for review." })
        if !context.hasReviewer { reasons.append("Name a reviewer before asking for review.") }
        return reasons
    }

    /// One sentence when every goal lacks the same thing, otherwise one per goal, so a plan with
    /// five goals and no reflections yet does not get five lines saying the same.
    private static func perGoal(_ indices: [Int], of goalCount: Int, all: String, one: (Int) -> String) -> [String] {
        guard !indices.isEmpty, goalCount > 0 else { return [] }
        if indices.count == goalCount { return [all] }
        return indices.map { one($0 + 1) }
    }
}
