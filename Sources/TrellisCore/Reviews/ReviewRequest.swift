import Foundation

/// One submission of a plan for review: who is asked, the plan as submitted, and what the reviewer said.
///
/// Every submission is kept, so after a return the reviewer sees what changed since the last one, and the
/// comments stay next to the goals they were written on.
public struct ReviewRequest: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<ReviewRequest>

    /// Where a request stands. Only an open request can be acted on.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        case open
        /// The owner took it back before anyone acted on it.
        case withdrawn
        /// The reviewer asked for changes.
        case returned
        case signed

        public var label: String {
            switch self {
            case .open: "Waiting for the reviewer"
            case .withdrawn: "Withdrawn"
            case .returned: "Returned for changes"
            case .signed: "Signed"
            }
        }
    }

    public var id: ID
    public var organizationID: Organization.ID
    public var planID: GrowthPlan.ID
    /// 1 for the plan's first submission, 2 for the next, …
    public var submission: Int
    public var reviewer: Reviewer
    public var state: State
    public var snapshot: PlanSnapshot
    public var requestedAt: Date
    /// When an outside reviewer's link stops working; nil for reviewers with an account.
    public var linkExpiresAt: Date?
    public var decidedAt: Date?
    /// Required when returning: what the educator should change.
    public var returnNote: String
    public var comments: [ReviewComment]

    public init(id: ID, organizationID: Organization.ID, planID: GrowthPlan.ID, submission: Int, reviewer: Reviewer,
                snapshot: PlanSnapshot, requestedAt: Date, linkExpiresAt: Date? = nil) {
        self.id = id
        self.organizationID = organizationID
        self.planID = planID
        self.submission = submission
        self.reviewer = reviewer
        self.state = .open
        self.snapshot = snapshot
        self.requestedAt = requestedAt
        self.linkExpiresAt = linkExpiresAt
        self.decidedAt = nil
        self.returnNote = ""
        self.comments = []
    }

    public var isOpen: Bool { state == .open }

    /// Comments on one goal, or (nil) on the plan as a whole.
    public func comments(on goalID: Goal.ID?) -> [ReviewComment] {
        comments.filter { $0.goalID == goalID }
    }
}

/// What a reviewer wrote about one goal, or about the whole plan when `goalID` is nil.
public struct ReviewComment: Sendable, Hashable, Codable {
    public var goalID: Goal.ID?
    public var text: String

    public init(goalID: Goal.ID?, text: String) {
        self.goalID = goalID
        self.text = text
    }
}
