import Foundation

/// Who is asking: the signed-in person as the policy sees them.
public struct Actor: Sendable, Hashable {
    public var personID: Person.ID
    public var organizationID: Organization.ID
    public var roles: Set<Role>
    public var schoolID: School.ID?
    public var isActive: Bool

    public init(personID: Person.ID, organizationID: Organization.ID, roles: Set<Role>, schoolID: School.ID?, isActive: Bool = true) {
        self.personID = personID
        self.organizationID = organizationID
        self.roles = roles
        self.schoolID = schoolID
        self.isActive = isActive
    }

    public init(_ person: Person) {
        self.init(personID: person.id, organizationID: person.organizationID, roles: person.roles,
                  schoolID: person.schoolID, isActive: person.isActive)
    }

    public func has(_ role: Role) -> Bool { roles.contains(role) }
}

/// What the actor wants to do.
public enum Action: String, Sendable, Hashable, CaseIterable {
    case read
    case create
    case update
    case changeRoles
    case resetPassword
    case deactivate
}

/// What the actor wants to do it to. Every resource names its organization, so the policy can refuse
/// anything across districts before looking at roles.
public enum Resource: Sendable, Hashable {
    /// The district's list of schools, or one school in it.
    case schools(Organization.ID)
    /// The district's directory of people (listing, adding).
    case people(Organization.ID)
    /// One person's record.
    case person(organizationID: Organization.ID, personID: Person.ID, schoolID: School.ID?)
    /// The district's audit log.
    case auditLog(Organization.ID)
    /// The district's standards frameworks (its own, the built-in ones, and which apply to which role).
    case frameworks(Organization.ID)
    /// One growth plan, with what decides who sees it: its owner, their school, and whom they shared it with.
    /// Evidence files and check-ins are parts of the plan and share its access.
    case plan(PlanAccess)
    /// Starting a growth plan of one's own in a district.
    case plans(Organization.ID)
    /// The district's settings, such as when its school year starts.
    case settings(Organization.ID)
    /// One request to review a plan: the submitted snapshot, the reviewer's comments and decision.
    case review(ReviewAccess)
    /// The district's verification of signed plans for clock hours, and its exports for HR.
    case verifications(Organization.ID)
    /// One person's clock-hour ledger and certificates, with the renewal progress made from them.
    case clockHours(organizationID: Organization.ID, personID: Person.ID)
    /// One person's in-app notifications.
    case notifications(organizationID: Organization.ID, personID: Person.ID)
    /// One part of a coaching relationship: the relationship, its scheduled work, a record, a reply or alliance answers.
    case coaching(CoachingAccess, CoachingPart)
    /// A coach's caseload: the people they coach and where each stands.
    case caseload(organizationID: Organization.ID, coachID: Person.ID)
    /// Counts of coaching in a school (nil: the whole district), never the records behind them.
    case coachingCounts(organizationID: Organization.ID, schoolID: School.ID?)
    /// Starting a cohort in a district (its facilitator is a coach).
    case cohorts(Organization.ID)
    /// One part of a cohort: its overview, its setup, visioning statements, a PLC, a goal link or meeting notes.
    case cohort(CohortAccess, CohortPart)
    /// A school's own deadlines beside the district's (nil school: the district's calendar, which is `settings`).
    case schoolDeadlines(organizationID: Organization.ID, schoolID: School.ID)
    /// The district's catalogue of digital tools and content: reading it, proposing a tool.
    case tools(Organization.ID)
    /// One tool in the catalogue, with who proposed it and whether it is approved.
    case tool(ToolAccess)
    /// Starting an efficacy trial of a tool (a coach's).
    case trials(Organization.ID)
    /// One part of an efficacy trial: its whole record, or the summary that may be shared.
    case trial(TrialAccess, TrialPart)
    /// The adoption view: per tool, the shared trial summaries, licences and privacy, for leaders and the district.
    case adoption(Organization.ID)
    /// A school's follow-through dashboard, or the district's across schools (nil school).
    case dashboard(organizationID: Organization.ID, schoolID: School.ID?)
    /// A person's own API tokens (`ownerID`), or the district's service tokens (nil).
    case apiTokens(organizationID: Organization.ID, ownerID: Person.ID?)

    public var organizationID: Organization.ID {
        switch self {
        case .schools(let id), .people(let id), .auditLog(let id), .frameworks(let id), .plans(let id), .settings(let id),
             .verifications(let id): id
        case .plan(let access): access.organizationID
        case .review(let access): access.organizationID
        case .coaching(let access, _): access.organizationID
        case .cohort(let access, _): access.organizationID
        case .cohorts(let id): id
        case .schoolDeadlines(let id, _): id
        case .dashboard(let id, _): id
        case .apiTokens(let id, _): id
        case .tools(let id), .trials(let id), .adoption(let id): id
        case .tool(let access): access.organizationID
        case .trial(let access, _): access.organizationID
        case .person(let id, _, _), .clockHours(let id, _), .notifications(let id, _), .caseload(let id, _),
             .coachingCounts(let id, _): id
        }
    }

    public static func person(_ person: Person) -> Resource {
        .person(organizationID: person.organizationID, personID: person.id, schoolID: person.schoolID)
    }
}

/// The single place that decides access. Pages, API routes, exports, jobs and the command line all ask it.
public enum Policy {
    public static func can(_ actor: Actor, _ action: Action, _ resource: Resource) -> Bool {
        guard actor.isActive, actor.organizationID == resource.organizationID else { return false }
        let isAdmin = actor.has(.districtAdmin)
        switch resource {
        case .schools:
            return action == .read || (isAdmin && (action == .create || action == .update))
        case .people:
            return isAdmin && (action == .read || action == .create)
        case .auditLog:
            return isAdmin && action == .read
        case .frameworks:
            // Everyone aligns goals to standards, so everyone reads them; admins curate them.
            return action == .read || (isAdmin && (action == .create || action == .update))
        case .settings:
            return isAdmin && (action == .read || action == .update)
        case .plans:
            // Anyone who works in the district may write their own plan (teachers, coaches and principals renew too).
            return action == .create
        case .plan(let plan):
            let isOwner = plan.ownerID == actor.personID
            switch action {
            case .read:
                // Sharing is explicit. Admins see verification records, not plan content.
                let sharedCoach = plan.coachIDs.contains(actor.personID) && actor.has(.coach)
                let sharedLeader = plan.isSharedWithSchoolLeaders && actor.has(.leader) && plan.ownerSchoolID != nil
                    && plan.ownerSchoolID == actor.schoolID
                return isOwner || sharedCoach || sharedLeader
            case .update:
                return isOwner
            case .create, .changeRoles, .resetPassword, .deactivate:
                return false
            }
        case .review(let review):
            return canReview(actor, action, review)
        case .verifications:
            // Verification is the district's record for salary and certificates: admins only.
            return isAdmin && (action == .read || action == .create || action == .update)
        case .clockHours(_, let personID):
            // People read their own ledger and add their certificates; admins keep everyone's (they record other learning).
            let isSelf = personID == actor.personID
            switch action {
            case .read, .update: return isSelf || isAdmin
            case .create: return isAdmin
            case .changeRoles, .resetPassword, .deactivate: return false
            }
        case .notifications(_, let personID):
            return personID == actor.personID && (action == .read || action == .update)
        case .coaching(let access, let part):
            return canCoach(actor, action, access, part)
        case .caseload(_, let coachID):
            return coachID == actor.personID && actor.has(.coach) && action == .read
        case .coachingCounts(_, let schoolID):
            return canCount(actor, action, schoolID: schoolID)
        case .cohorts:
            return actor.has(.coach) && action == .create
        case .cohort(let access, let part):
            return canCohort(actor, action, access, part)
        case .schoolDeadlines(_, let schoolID):
            // Everyone reads the dates that apply to them; the school's leaders (and the district's admins) set them.
            let leadsIt = actor.has(.leader) && actor.schoolID == schoolID
            return action == .read || ((leadsIt || isAdmin) && action == .update)
        case .tools:
            return action == .read || action == .create
        case .tool(let access):
            return canTool(actor, action, access)
        case .trials:
            return actor.has(.coach) && action == .create
        case .trial(let access, let part):
            return canTrial(actor, action, access, part)
        case .adoption:
            return (actor.has(.leader) || isAdmin) && action == .read
        case .dashboard(_, let schoolID):
            return canDashboard(actor, action, schoolID: schoolID)
        case .apiTokens(_, let ownerID):
            return canToken(actor, action, ownerID: ownerID)
        case .person(_, let personID, let schoolID):
            let isSelf = personID == actor.personID
            switch action {
            case .read:
                let leadsTheirSchool = actor.has(.leader) && schoolID != nil && schoolID == actor.schoolID
                return isSelf || isAdmin || leadsTheirSchool
            case .update:
                return isSelf || isAdmin
            case .changeRoles, .resetPassword, .deactivate:
                // Admins cannot lock themselves out; another admin must do it.
                return isAdmin && !isSelf
            case .create:
                return false
            }
        }
    }
}

extension Policy {
    /// A reviewer with an account sees the submitted snapshot only while asked and after signing, and acts on it
    /// (comments, return, signature) only while the request is open. The owner reads what the reviewer wrote.
    /// Nobody reviews their own plan; admins see verification records, not reviews.
    static func canReview(_ actor: Actor, _ action: Action, _ review: ReviewAccess) -> Bool {
        let isReviewer = review.reviewerID == actor.personID && review.ownerID != actor.personID
        switch action {
        case .read:
            return review.ownerID == actor.personID || (isReviewer && (review.state == .open || review.state == .signed))
        case .update:
            return isReviewer && review.state == .open
        case .create, .changeRoles, .resetPassword, .deactivate:
            return false
        }
    }

    /// Someone outside Trellis, holding the single-use link of a review request (its token already matched):
    /// they read and act only while the request is open and the link has not expired.
    public static func outsideReviewerMay(_ action: Action, _ review: ReviewAccess, linkExpiresAt: Date?, now: Date) -> Bool {
        guard review.reviewerID == nil, review.state == .open, let linkExpiresAt, now < linkExpiresAt else { return false }
        return action == .read || action == .update
    }
}
