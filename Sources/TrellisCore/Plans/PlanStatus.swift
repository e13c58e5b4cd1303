/// Where a growth plan is in its life:
/// `draft → active → in_review → signed → verified → archived`, and
/// `in_review → returned → active` when the reviewer asks for changes.
/// `PlanLifecycle` holds the rules for moving between them.
public enum PlanStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Being written; nobody has committed to it yet.
    case draft
    /// Under way: the educator works the plan, collects evidence and checks in.
    case active
    /// Submitted; a reviewer is reading the submitted plan.
    case inReview = "in_review"
    /// The reviewer asked for changes.
    case returned
    /// A certificated educator reviewed and signed it. From here on it never changes.
    case signed
    /// The district verified it for clock hours and salary advancement.
    case verified
    /// Kept for the record (Washington: until a year after the certificate expires).
    case archived

    /// The name shown to people.
    public var label: String {
        switch self {
        case .draft: "Draft"
        case .active: "Active"
        case .inReview: "In review"
        case .returned: "Returned for changes"
        case .signed: "Signed"
        case .verified: "Verified"
        case .archived: "Archived"
        }
    }

    /// Whether the plan's content (goals, steps, evidence, check-ins, reflection) may change.
    ///
    /// - In review it may not: the reviewer reads what was submitted, and a plan that changed
    ///   underneath them would be signed unread. Changes wait until the plan is returned.
    /// - Returned it may: the reviewer asked for changes, and the educator should be able to
    ///   start on them at once.
    /// - Signed and later it never may: the signature covers a snapshot and its SHA-256; a
    ///   change after that is a new version of the plan, not an edit.
    public var canEdit: Bool {
        switch self {
        case .draft, .active, .returned: true
        case .inReview, .signed, .verified, .archived: false
        }
    }

    /// Signed, verified or archived: the PGP is complete and counts for clock hours.
    public var isComplete: Bool {
        switch self {
        case .signed, .verified, .archived: true
        case .draft, .active, .inReview, .returned: false
        }
    }
}
