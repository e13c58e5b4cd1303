/// What the policy needs to know about a tool in the catalogue: who proposed it and whether it is approved.
public struct ToolAccess: Sendable, Hashable {
    public var organizationID: Organization.ID
    public var proposedBy: Person.ID
    public var approval: DigitalTool.Approval

    public init(organizationID: Organization.ID, proposedBy: Person.ID, approval: DigitalTool.Approval) {
        self.organizationID = organizationID
        self.proposedBy = proposedBy
        self.approval = approval
    }

    public init(_ tool: DigitalTool) {
        self.init(organizationID: tool.organizationID, proposedBy: tool.proposedBy, approval: tool.approval)
    }
}

/// What the policy needs to know about an efficacy trial: who is in it and whether its summary is shared.
public struct TrialAccess: Sendable, Hashable {
    public var organizationID: Organization.ID
    public var coachID: Person.ID
    public var educatorIDs: Set<Person.ID>
    public var visibility: EfficacyTrial.Visibility

    public init(organizationID: Organization.ID, coachID: Person.ID, educatorIDs: Set<Person.ID>, visibility: EfficacyTrial.Visibility) {
        self.organizationID = organizationID
        self.coachID = coachID
        self.educatorIDs = educatorIDs
        self.visibility = visibility
    }

    public init(_ trial: EfficacyTrial) {
        self.init(organizationID: trial.organizationID, coachID: trial.coachID, educatorIDs: Set(trial.educatorIDs), visibility: trial.visibility)
    }
}

/// The parts of a trial, which differ in who may read them.
public enum TrialPart: Sendable, Hashable {
    /// Everything: the working notes, what teachers and students said, the evidence attached.
    case record
    /// The summary: question, measure, baseline and result, dates, students, verdict.
    case summary
}

extension Policy {
    /// The catalogue is the district's: everyone reads what is approved (and what was retired, so old trials still
    /// name their tool) and may propose; a proposal is its proposer's and the admins' until approved; admins approve,
    /// retire and correct any entry, and a proposer may still change their own proposal.
    static func canTool(_ actor: Actor, _ action: Action, _ access: ToolAccess) -> Bool {
        let isAdmin = actor.has(.districtAdmin)
        let isProposer = actor.personID == access.proposedBy
        switch action {
        case .read:
            return access.approval != .proposed || isProposer || isAdmin
        case .update:
            return isAdmin || (isProposer && access.approval == .proposed)
        case .create, .changeRoles, .resetPassword, .deactivate:
            return false
        }
    }

    /// A trial's record is for its coach and its educators, who both write in it. Its summary reaches leaders and
    /// admins only when the people in the trial chose to share it; its notes never do.
    static func canTrial(_ actor: Actor, _ action: Action, _ access: TrialAccess, _ part: TrialPart) -> Bool {
        let isInTrial = actor.personID == access.coachID || access.educatorIDs.contains(actor.personID)
        switch (part, action) {
        case (.record, .read), (.record, .update):
            return isInTrial
        case (.summary, .read):
            let mayAdopt = actor.has(.leader) || actor.has(.districtAdmin)
            return isInTrial || (access.visibility == .sharedSummary && mayAdopt)
        default:
            return false
        }
    }
}
