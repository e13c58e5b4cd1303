/// What the policy needs to know about a review request.
public struct ReviewAccess: Sendable, Hashable {
    public var organizationID: Organization.ID
    public var ownerID: Person.ID
    /// The reviewer's account; nil for a reviewer outside Trellis.
    public var reviewerID: Person.ID?
    public var state: ReviewRequest.State

    public init(organizationID: Organization.ID, ownerID: Person.ID, reviewerID: Person.ID?, state: ReviewRequest.State) {
        self.organizationID = organizationID
        self.ownerID = ownerID
        self.reviewerID = reviewerID
        self.state = state
    }

    public init(_ request: ReviewRequest, ownerID: Person.ID) {
        self.init(organizationID: request.organizationID, ownerID: ownerID, reviewerID: request.reviewer.personID, state: request.state)
    }
}

/// What the policy needs to know about a growth plan to decide who may see it.
public struct PlanAccess: Sendable, Hashable {
    public var organizationID: Organization.ID
    public var ownerID: Person.ID
    public var ownerSchoolID: School.ID?
    public var coachIDs: [Person.ID]
    public var isSharedWithSchoolLeaders: Bool

    public init(organizationID: Organization.ID, ownerID: Person.ID, ownerSchoolID: School.ID?, coachIDs: [Person.ID],
                isSharedWithSchoolLeaders: Bool) {
        self.organizationID = organizationID
        self.ownerID = ownerID
        self.ownerSchoolID = ownerSchoolID
        self.coachIDs = coachIDs
        self.isSharedWithSchoolLeaders = isSharedWithSchoolLeaders
    }

    public init(_ plan: GrowthPlan, ownerSchoolID: School.ID?) {
        self.init(organizationID: plan.organizationID, ownerID: plan.ownerID, ownerSchoolID: ownerSchoolID,
                  coachIDs: plan.sharing.coachIDs, isSharedWithSchoolLeaders: plan.sharing.isSharedWithSchoolLeaders)
    }
}
