import Foundation
import TrellisCore
import TrellisStore

/// Cascade School District: the demo that `trellis serve --demo` and `trellis demo` create, so a newcomer
/// signing in as any demo person sees a living product.
public struct DemoDistrict: Sendable {
    public static let slug = "cascade"
    public static let name = "Cascade School District"
    /// Every demo person's password.
    public static let password = "trellis-demo-2026"
    public static let schoolNames = ["Cedar Ridge Elementary", "Riverside Middle School"]

    /// The named people a newcomer signs in as; printed at start.
    public static let featured: [(name: String, email: String, roles: Set<Role>, school: Int?)] = [
        ("Priya Raman", "priya.raman@cascade.example", [.districtAdmin], nil),
        ("Marcus Whitfield", "marcus.whitfield@cascade.example", [.leader, .educator], 0),
        ("Zoë Ångström", "zoe.angstrom@cascade.example", [.coach, .educator], 0),
        ("Nguyễn Thị Hồng", "hong.nguyen@cascade.example", [.educator], 0),
        ("Diego Ramírez", "diego.ramirez@cascade.example", [.educator], 1),
        ("Aiyana Whitehorse", "aiyana.whitehorse@cascade.example", [.educator], 1),
        ("Siobhán O'Connell", "siobhan.oconnell@cascade.example", [.leader], 1),
        ("Kwame Mensah", "kwame.mensah@cascade.example", [.coach], 1),
    ]

    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    /// Creates the district unless it exists; adds generated educators until it has `educators` in all.
    /// Returns the district and whether anything was created.
    @discardableResult
    public func ensure(educators: Int = 0) async throws -> (Organization, created: Bool) {
        let organizations = OrganizationStore(env.database)
        var created = false
        let organization: Organization
        if let existing = try await organizations.find(slug: Self.slug) {
            organization = existing
        } else {
            organization = try await OperatorService(env).createOrganization(slug: Self.slug, name: Self.name)
            created = true
        }
        let existingSchools = try await OrganizationScope(env.database, organizationID: organization.id).schools.all()
        // Hash once: every demo person shares the password, and 5,000 bcrypt hashes would take minutes.
        let hash = try await env.passwords.hash(Self.password)
        let now = env.clock.now()
        let today = env.today
        let added = try await env.database.transaction { tx in
            var created = false
            var schools = existingSchools
            let scope = OrganizationScope(tx, organizationID: organization.id)
            for name in Self.schoolNames where !schools.contains(where: { $0.name == name }) {
                let school = School(id: env.ids.make(), organizationID: organization.id, name: name)
                try await scope.schools.create(school, at: now)
                schools.append(school)
                created = true
            }
            let ordered = Self.schoolNames.compactMap { name in schools.first { $0.name == name } }
            for person in Self.featured {
                let email = EmailAddress(person.email)!
                guard try await scope.people.find(email: email) == nil else { continue }
                try await scope.people.create(
                    Person(id: env.ids.make(), organizationID: organization.id, email: email, displayName: person.name,
                           schoolID: person.school.map { ordered[$0].id }, roles: person.roles),
                    passwordHash: hash, at: now)
                created = true
            }
            let plans = DemoPlans(ids: env.ids, organization: organization.id,
                                  year: SchoolYear.containing(date: today, start: try await scope.schoolYearStart()), today: today)
            if try await scope.plans.count() == 0 {
                try await createFeaturedPlans(plans, scope: scope, at: now)
            }
            let existing = try await scope.people.count()
            let wanted = educators - (existing - Self.featured.count)
            if wanted > 0 {
                var caseloadEducators: [Person] = []
                // The first 30 generated educators also make the cohort `script/bench` measures.
                var benchmarkMembers: [(person: Person.ID, plan: GrowthPlan?)] = []
                for index in 0..<wanted {
                    let number = existing - Self.featured.count + index
                    let generated = DemoNames.person(number: number)
                    let person = Person(id: env.ids.make(), organizationID: organization.id, email: EmailAddress(generated.email)!,
                                        displayName: generated.name, schoolID: ordered[index % ordered.count].id, roles: [.educator])
                    try await scope.people.create(person, passwordHash: hash, at: now)
                    if caseloadEducators.count < DemoCaseload.size, number > 0 { caseloadEducators.append(person) }
                    // A mix of plans, and one large plan (the first generated educator's) to measure the plan page with.
                    let plan: GrowthPlan? = number == 0 ? plans.large(owner: person.id)
                        : [plans.thriving(owner: person.id, coach: nil), plans.quiet(owner: person.id), plans.draft(owner: person.id), nil][number % 4]
                    // A quiet plan has not changed for weeks, so caseloads show who has gone quiet.
                    if let plan { try await scope.plans.create(plan, at: number % 4 == 1 ? now.addingTimeInterval(-45 * 86_400) : now) }
                    if number < 30 { benchmarkMembers.append((person.id, plan)) }
                }
                if benchmarkMembers.count == 30, let zoe = try await scope.people.find(email: EmailAddress("zoe.angstrom@cascade.example")!) {
                    try await DemoCohorts(scope: scope, ids: env.ids, now: now, plans: plans).createBenchmark(facilitator: zoe.id, members: benchmarkMembers)
                }
                // The caseload `script/bench` measures, from generated educators (not the owner of the large plan).
                try await DemoCaseload(scope: scope, ids: env.ids, now: now, today: today).create(educators: caseloadEducators, passwordHash: hash)
                created = true
            }
            return created
        }
        // Outside the transaction above: the scan writes in one of its own.
        if added { try await DemoFollowThrough(env: env).create(organization.id) }
        return (organization, created || added)
    }

    /// The first generated educator, whose plan is the large one `script/bench` measures.
    public static var benchmarkEducatorEmail: String { DemoNames.person(number: 0).email }

    /// Plans for the named demo people, so each of them sees a living product.
    private func createFeaturedPlans(_ plans: DemoPlans, scope: OrganizationScope, at now: Date) async throws {
        func id(_ email: String) async throws -> Person.ID? { try await scope.people.find(email: EmailAddress(email)!)?.id }
        guard let hong = try await id("hong.nguyen@cascade.example"), let zoe = try await id("zoe.angstrom@cascade.example"),
              let diego = try await id("diego.ramirez@cascade.example"), let aiyana = try await id("aiyana.whitehorse@cascade.example"),
              let kwame = try await id("kwame.mensah@cascade.example") else { return }
        var quiet = plans.quiet(owner: diego)
        quiet.sharing = PlanSharing(coachIDs: [kwame], isSharedWithSchoolLeaders: true)
        let hongsPlan = plans.thriving(owner: hong, coach: zoe)
        for plan in [hongsPlan, plans.draft(owner: aiyana), plans.coaching(owner: zoe)] {
            try await scope.plans.create(plan, at: now)
        }
        // Diego's plan has not changed for six weeks: with no coaching contact either, he has gone quiet.
        try await scope.plans.create(quiet, at: now.addingTimeInterval(-45 * 86_400))
        try await createReviews(plans, scope: scope, at: now)
        try await DemoCohorts(scope: scope, ids: env.ids, now: now, plans: plans).createFeatured(try await DemoCohorts.featuredPeople(scope))
        let people = try await scope.people.find(ids: [hong, zoe, diego, aiyana, kwame])
        func person(_ id: Person.ID) -> Person? { people.first { $0.id == id } }
        if let zoe = person(zoe), let hong = person(hong), let kwame = person(kwame), let diego = person(diego), let aiyana = person(aiyana) {
            try await DemoCoaching(scope: scope, ids: env.ids, now: now, today: plans.today)
                .create(.init(zoe: zoe, hong: hong, hongsPlan: hongsPlan, kwame: kwame, diego: diego, aiyana: aiyana))
            if let priya = try await scope.people.find(email: EmailAddress("priya.raman@cascade.example")!) {
                try await DemoTools(scope: scope, ids: env.ids, now: now, today: plans.today)
                    .create(.init(priya: priya, zoe: zoe, hong: hong, kwame: kwame, diego: diego))
            }
        }
    }

    /// Certificates for everyone, last year's finished plans, and reviews under way this year.
    private func createReviews(_ plans: DemoPlans, scope: OrganizationScope, at now: Date) async throws {
        var people: [String: Person] = [:]
        for person in Self.featured {
            if let found = try await scope.people.find(email: EmailAddress(person.email)!) { people[person.email] = found }
        }
        func person(_ name: String) -> Person? { people["\(name)@cascade.example"] }
        guard let hong = person("hong.nguyen"), let marcus = person("marcus.whitfield"), let diego = person("diego.ramirez"),
              let kwame = person("kwame.mensah"), let siobhan = person("siobhan.oconnell") else { return }
        let reviews = DemoReviews(plans: plans, scope: scope, ids: env.ids, now: now)
        let numbers = ["priya.raman": ("3104527", CertificateType.administrator), "marcus.whitfield": ("2950318", .administrator),
                       "zoe.angstrom": ("4127765", .professionalTeacher), "hong.nguyen": ("5128843", .professionalTeacher),
                       "diego.ramirez": ("4866201", .professionalTeacher), "aiyana.whitehorse": ("6230457", .residencyTeacher),
                       "siobhan.oconnell": ("2788114", .administrator), "kwame.mensah": ("3901276", .professionalTeacher)]
        guard let priya = person("priya.raman") else { return }
        for (index, entry) in numbers.sorted(by: { $0.key < $1.key }).enumerated() {
            guard let holder = person(entry.key) else { continue }
            try await reviews.certify(holder.id, number: entry.value.0, type: entry.value.1, expiresIn: 1 + index % 4)
            try await reviews.recordLearning(for: holder.id, by: priya.id, seed: index)
        }
        let lastYear = plans.year.previous
        // Last year's plans: Hồng's signed by her principal and verified (25 hours); Diego's signed, waiting for the district.
        let hongsLastYear = reviews.complete(owner: hong.id, year: lastYear, status: .verified,
                                             statement: "My students will write complete explanations in science, because I will model one each week.",
                                             standards: ["wa-t-3"])
        if let signature = try await reviews.submit(hongsLastYear, to: .member(personID: marcus.id, name: marcus.displayName, certificateNumber: "2950318"),
                                                    signedBy: (marcus.displayName, "2950318"), outcome: .signed) {
            try await reviews.verify(hongsLastYear, signature, by: priya.id, district: Self.name)
        }
        try await reviews.submit(reviews.complete(owner: diego.id, year: lastYear, status: .signed,
                                                  statement: "Students will use lab notebooks to record evidence in every investigation.",
                                                  standards: ["wa-t-4"]),
                                 to: .member(personID: siobhan.id, name: siobhan.displayName, certificateNumber: "2788114"),
                                 signedBy: (siobhan.displayName, "2788114"), outcome: .signed)
        // This year: Marcus's own plan with a reviewer outside Trellis; Kwame's returned with comments.
        try await reviews.submit(reviews.complete(owner: marcus.id, year: plans.year, status: .inReview,
                                                  statement: "I will give every teacher two rounds of non-evaluative feedback on student discourse this year.",
                                                  standards: ["wa-p-5"]),
                                 to: .outside(name: "Dana Okafor", email: EmailAddress("dana.okafor@esd-north.example")!, certificateNumber: "3377120"))
        let returned = reviews.complete(owner: kwame.id, year: plans.year, status: .returned,
                                        statement: "I will co-plan with each teacher I coach once a month.", standards: ["iste-c-3a"])
        try await reviews.submit(returned, to: .member(personID: marcus.id, name: marcus.displayName, certificateNumber: "2950318"),
                                 outcome: .returned, note: "Say how you will know co-planning changed what teachers do.",
                                 comments: [ReviewComment(goalID: returned.goals[0].id, text: "Add a measure: what will you look for in the lessons?")])
    }
}
