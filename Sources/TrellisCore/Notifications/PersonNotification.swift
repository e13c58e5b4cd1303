import Foundation

/// A notification: a message in a person's own list in Trellis, linking to the page it is about. Made by the services when
/// something happens that the person should act on or know of; email and digests build on the same records.
public struct PersonNotification: Sendable, Hashable, Identifiable {
    public typealias ID = Identifier<PersonNotification>

    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case reviewRequested = "review_requested"
        case reviewWithdrawn = "review_withdrawn"
        case planReturned = "plan_returned"
        case planSigned = "plan_signed"
        case planVerified = "plan_verified"
        case verificationRefused = "verification_refused"
        case signedPlanWaiting = "signed_plan_waiting"
        case coachingProposed = "coaching_proposed"
        case coachingAnswered = "coaching_answered"
        case coachingEnded = "coaching_ended"
        /// Something of a coaching session was shared with the educator (a note, an observation, feedback).
        case coachingShared = "coaching_shared"
        /// The educator replied to feedback or answered the alliance pulse.
        case coachingReply = "coaching_reply"
        case cohortInvited = "cohort_invited"
        /// A coach added the person to an efficacy trial of a tool.
        case trialJoined = "trial_joined"
        /// To a coach: a plan shared with them has stalled (once per stall).
        case planStalled = "plan_stalled"
        /// To the educator: a friendly nudge to check in on their stalled plan (once per stall).
        case checkInNudge = "check_in_nudge"
        /// A deadline of the district's calendar is near and something is still to do for it.
        case deadlineReminder = "deadline_reminder"
    }

    public var id: ID
    public var organizationID: Organization.ID
    public var personID: Person.ID
    public var kind: Kind
    public var message: String
    /// A path on this site.
    public var link: String
    public var createdAt: Date
    public var readAt: Date?

    public init(id: ID, organizationID: Organization.ID, personID: Person.ID, kind: Kind, message: String, link: String,
                createdAt: Date, readAt: Date? = nil) {
        self.id = id
        self.organizationID = organizationID
        self.personID = personID
        self.kind = kind
        self.message = message
        self.link = link
        self.createdAt = createdAt
        self.readAt = readAt
    }

    public var isUnread: Bool { readAt == nil }
}
