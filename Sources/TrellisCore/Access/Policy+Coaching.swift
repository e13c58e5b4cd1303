/// What the policy needs to know about a coaching relationship to decide who sees what of it.
public struct CoachingAccess: Sendable, Hashable {
    public var organizationID: Organization.ID
    public var coachID: Person.ID
    public var educatorID: Person.ID
    public var state: CoachingRelationship.State

    public init(organizationID: Organization.ID, coachID: Person.ID, educatorID: Person.ID, state: CoachingRelationship.State) {
        self.organizationID = organizationID
        self.coachID = coachID
        self.educatorID = educatorID
        self.state = state
    }

    public init(_ relationship: CoachingRelationship) {
        self.init(organizationID: relationship.organizationID, coachID: relationship.coachID,
                  educatorID: relationship.educatorID, state: relationship.state)
    }
}

/// The parts of a coaching relationship, which differ in who may read and write them.
public enum CoachingPart: Sendable, Hashable {
    /// The relationship itself: proposing, answering, ending.
    case relationship
    /// Cycles and sessions as scheduled: focus, look-fors, kind, when, how long, where, agenda.
    case work
    /// A note, an observation or a feedback, with its visibility.
    case record(CoachingVisibility)
    /// The educator's reply to feedback and how useful it was.
    case feedbackResponse
    /// The educator's alliance answers.
    case alliance
}

extension Policy {
    /// Coaching is not evaluation: only the coach and the educator ever read coaching records, and the educator
    /// only what is shared with them. Leaders and admins see counts (`coachingCounts`), never a record.
    static func canCoach(_ actor: Actor, _ action: Action, _ access: CoachingAccess, _ part: CoachingPart) -> Bool {
        let isCoach = actor.personID == access.coachID && access.coachID != access.educatorID
        let isEducator = actor.personID == access.educatorID && access.coachID != access.educatorID
        let isUnderWay = access.state == .active
        switch (part, action) {
        case (.relationship, .read):
            return isCoach || isEducator
        case (.relationship, .create):
            // A coach invites; an educator asks. The coach must hold the coach role to be proposed either way.
            return (isCoach && actor.has(.coach)) || isEducator
        case (.relationship, .update):
            // Answering a proposal, or ending: either side.
            return (isCoach || isEducator) && (access.state == .proposed || isUnderWay)
        case (.work, .read):
            return (isCoach || isEducator) && access.state != .proposed && access.state != .declined
        case (.work, .create), (.work, .update):
            return isCoach && isUnderWay
        case (.record(let visibility), .read):
            return isCoach || (isEducator && visibility == .sharedWithEducator && access.state != .proposed)
        case (.record, .create), (.record, .update):
            return isCoach && isUnderWay
        case (.feedbackResponse, .read), (.alliance, .read):
            return isCoach || isEducator
        case (.feedbackResponse, .update), (.alliance, .create), (.alliance, .update):
            return isEducator && (isUnderWay || access.state == .ended)
        default:
            return false
        }
    }

    /// Counts of coaching (sessions, hours, people coached) per school and per coach: admins for the district,
    /// leaders for their own school. Never the records behind them.
    static func canCount(_ actor: Actor, _ action: Action, schoolID: School.ID?) -> Bool {
        guard action == .read else { return false }
        if actor.has(.districtAdmin) { return true }
        return actor.has(.leader) && schoolID != nil && schoolID == actor.schoolID
    }
}
