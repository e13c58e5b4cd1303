/// Who may read a coaching record besides the coach who wrote it. Coaching is not evaluation: there is no
/// choice that shows a note to a leader or an admin.
public enum CoachingVisibility: String, Sendable, Hashable, Codable, CaseIterable {
    /// The coach's alone: thinking aloud, hunches, what to try next time.
    case coachOnly = "coach_only"
    /// The coach and the educator the record is about.
    case sharedWithEducator = "shared"

    public var label: String {
        switch self {
        case .coachOnly: "Only me"
        case .sharedWithEducator: "Shared with the educator"
        }
    }
}
