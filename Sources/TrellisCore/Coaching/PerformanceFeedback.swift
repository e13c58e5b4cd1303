import Foundation

/// Feedback after seeing practice, in the structure coaching research recommends: specific praise, one thing to
/// grow, and one concrete next step; then the educator's own response.
public struct PerformanceFeedback: Sendable, Hashable, Codable {
    public var wentWell: String
    public var toGrow: String
    /// Required: feedback without a next step leaves the educator with nothing to do.
    public var nextStep: String
    public var visibility: CoachingVisibility
    /// The educator's words in reply; written by the educator only.
    public var educatorResponse: String
    public var usefulness: FeedbackUsefulness?
    /// The action step the next step became on the educator's goal, once they added it.
    public var actionStepID: ActionStep.ID?

    public init(wentWell: String = "", toGrow: String = "", nextStep: String, visibility: CoachingVisibility = .sharedWithEducator,
                educatorResponse: String = "", usefulness: FeedbackUsefulness? = nil, actionStepID: ActionStep.ID? = nil) {
        self.wentWell = wentWell
        self.toGrow = toGrow
        self.nextStep = nextStep
        self.visibility = visibility
        self.educatorResponse = educatorResponse
        self.usefulness = usefulness
        self.actionStepID = actionStepID
    }
}

/// How useful the educator found a piece of feedback.
public enum FeedbackUsefulness: Int, Sendable, Hashable, Codable, CaseIterable {
    case notUseful = 1
    case somewhatUseful = 2
    case useful = 3
    case veryUseful = 4

    public var label: String {
        switch self {
        case .notUseful: "Not useful"
        case .somewhatUseful: "Somewhat useful"
        case .useful: "Useful"
        case .veryUseful: "Very useful"
        }
    }
}
