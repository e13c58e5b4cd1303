/// What the policy needs to know about a cohort: who facilitates it and who is in it.
public struct CohortAccess: Sendable, Hashable {
    public var organizationID: Organization.ID
    public var facilitatorID: Person.ID
    public var memberIDs: Set<Person.ID>

    public init(organizationID: Organization.ID, facilitatorID: Person.ID, memberIDs: Set<Person.ID>) {
        self.organizationID = organizationID
        self.facilitatorID = facilitatorID
        self.memberIDs = memberIDs
    }

    public init(_ cohort: Cohort) {
        self.init(organizationID: cohort.organizationID, facilitatorID: cohort.facilitatorID, memberIDs: cohort.memberIDs)
    }
}

/// The parts of a cohort, which differ in who may read and write them.
public enum CohortPart: Sendable, Hashable {
    /// The whole picture: the vision behind the themes, the themes, the PLCs with their goals and progress.
    case overview
    /// Setting it up: members and their roles, visioning rounds, themes, splitting into PLCs.
    case setup
    /// Visioning statements: every card (the facilitator's wall), or posting one while the round is open.
    case statements(roundIsOpen: Bool)
    /// One PLC's group goal and action plan, with the members of that PLC.
    case plc(members: Set<Person.ID>)
    /// Linking one's own plan goal to a PLC's group goal.
    case goalLink(members: Set<Person.ID>)
    /// The content of members' linked goals in a PLC's roll-up (each member's own sharing choice applies on top).
    case linkedGoalContent(members: Set<Person.ID>)
    /// A facilitator's notes from a PLC meeting, with their visibility.
    case meetingNotes(members: Set<Person.ID>, CoachingVisibility)
}

extension Policy {
    /// A cohort is for the people in it. Its facilitator runs it; members see the vision, the themes and every PLC's
    /// goal and progress; within a PLC, members write the group goal and plan and link their own goals. Meeting notes
    /// follow coaching's rule: the facilitator's, or shared with that PLC, never a leader's or an admin's as such
    /// (a leader or admin who is a member sees what any member sees).
    static func canCohort(_ actor: Actor, _ action: Action, _ access: CohortAccess, _ part: CohortPart) -> Bool {
        let isFacilitator = actor.personID == access.facilitatorID
        let isMember = access.memberIDs.contains(actor.personID)
        switch (part, action) {
        case (.overview, .read):
            return isFacilitator || isMember
        case (.setup, .read), (.setup, .create), (.setup, .update):
            return isFacilitator
        case (.statements, .read):
            return isFacilitator
        case (.statements(let isOpen), .create):
            return isMember && isOpen
        case (.plc, .read):
            return isFacilitator || isMember
        case (.plc(let members), .update):
            return isFacilitator || (isMember && members.contains(actor.personID))
        case (.goalLink(let members), .create), (.goalLink(let members), .update):
            return isMember && members.contains(actor.personID)
        case (.linkedGoalContent(let members), .read):
            return isFacilitator || (isMember && members.contains(actor.personID))
        case (.meetingNotes(let members, let visibility), .read):
            return isFacilitator || (visibility == .sharedWithEducator && isMember && members.contains(actor.personID))
        case (.meetingNotes, .create), (.meetingNotes, .update):
            return isFacilitator
        default:
            return false
        }
    }
}
