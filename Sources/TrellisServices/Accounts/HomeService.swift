import TrellisCore
import TrellisStore

/// What the home page shows a person, by the roles they hold.
public struct HomeService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    public struct Summary: Sendable {
        public let person: Person
        public let organization: Organization
        public let school: School?
        public let admin: AdminSummary?
        public let leader: (school: School, people: Int)?
        /// The person's plan for the current school year, if they started one.
        public let plan: GrowthPlan?
        /// Plans others shared with this person.
        public let sharedPlans: Int
        /// Review requests waiting for this person.
        public let reviewsWaiting: Int
        /// Signed plans waiting for the district's verification (admins only).
        public let verificationsWaiting: Int?
        public let schoolYear: SchoolYear
    }

    public struct AdminSummary: Sendable {
        public let peopleCount: Int
        public let schools: [(school: School, people: Int)]
        public let recentEvents: [AuditEvent]
        public let names: [Person.ID: String]
    }

    /// Today's date in the district.
    public var today: CalendarDate { env.today }

    public func summary(for actor: Actor) async throws -> Summary {
        let scope = env.scope(actor)
        guard let person = try await scope.people.find(actor.personID),
              let organization = try await OrganizationStore(env.database).find(id: actor.organizationID) else { throw ServiceError.notFound }
        let school = try await person.schoolID.asyncMap { try await scope.schools.find($0) } ?? nil
        var admin: AdminSummary?
        if Policy.can(actor, .read, .auditLog(actor.organizationID)) {
            let counts = try await scope.schools.headcounts()
            // Sign-ins would fill the list within minutes of a school day; the audit log shows them on request.
            let events = try await scope.audit.page(AuditFilter(), limit: 5).entries.map(\.event)
            admin = AdminSummary(peopleCount: try await scope.people.count(),
                                 schools: try await scope.schools.all().map { ($0, counts[$0.id] ?? 0) },
                                 recentEvents: events, names: try await scope.people.names(of: AuditService.people(in: events)))
        }
        var leader: (School, Int)?
        if actor.has(.leader), let school {
            leader = (school, try await scope.schools.headcounts()[school.id] ?? 0)
        }
        let plans = PlanService(env, vault: nil)
        let year = try await plans.currentSchoolYear(actor)
        let current = try await scope.plans.plans(ownedBy: actor.personID).first { $0.schoolYear == year.startYear }
        let plan = try await current.asyncMap { try await scope.plans.find($0.id)?.plan } ?? nil
        let verifications = Policy.can(actor, .read, .verifications(actor.organizationID)) ? try await scope.verifications.waiting().count : nil
        return Summary(person: person, organization: organization, school: school, admin: admin, leader: leader, plan: plan,
                       sharedPlans: try await plans.sharedWithMeCount(actor),
                       reviewsWaiting: try await scope.reviews.openCount(forReviewer: actor.personID),
                       verificationsWaiting: verifications, schoolYear: year)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
