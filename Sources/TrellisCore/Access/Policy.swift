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

    public var organizationID: Organization.ID {
        switch self {
        case .schools(let id), .people(let id), .auditLog(let id), .frameworks(let id), .plans(let id), .settings(let id): id
        case .plan(let access): access.organizationID
        case .person(let id, _, _): id
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
