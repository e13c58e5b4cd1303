import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

/// The state-scale demo (`trellis demo --educators N --districts M`): districts with schools, principals, coaches, five
/// school years of plans and coaching; whole or not at all per district, kept on a second run, the same on every run.
@Suite struct ScaleDistrictsTests {
    @Test func educatorsAreSpreadOverAllDistrictsAndNoneIsLost() {
        // run
        let (demo, generated) = ScaleDistricts.shares(educators: 100_000, districts: 20)
        // check
        #expect(demo == 5_000 && generated.count == 19)
        #expect(demo + generated.reduce(0, +) == 100_000)
        #expect(Set(generated).count > 1, "districts differ in size")
    }

    @Test func generatedDistrictsHoldFiveYearsOfPlansAndCoachingAndASecondRunKeepsThem() async throws {
        try await TestDatabase.with { database in
            // setup
            let env = ServiceEnvironment(database: database, passwords: PasswordHasher(cost: 4))
            let fill = ScaleDistricts(env)
            // run
            let first = try await fill.fill(educators: 300, districts: 3) { _ in }
            let second = try await fill.fill(educators: 300, districts: 3) { _ in }
            // check
            #expect(first.created == 3 && first.kept == 0 && first.rows > 0)
            #expect(second.created == 0 && second.kept == 3 && second.rows == 0)
            let organizations = try await OrganizationStore(database).all()
            #expect(organizations.count == 3)
            let shares = ScaleDistricts.shares(educators: 300, districts: 3).generated
            for (slug, share) in zip(["olympic", "yakima-valley"], shares) {
                let district = try #require(organizations.first { $0.slug == slug })
                let scope = OrganizationScope(database, organizationID: district.id)
                let people = try await scope.people.all()
                #expect(people.filter { $0.roles.contains(.educator) }.count == share)
                let schools = try await scope.schools.all()
                #expect(!schools.isEmpty && schools.allSatisfy { school in people.contains { $0.roles.contains(.leader) && $0.schoolID == school.id } },
                        "every school has its principal")
                #expect(people.contains { $0.roles == [.districtAdmin] })
                let coaches = people.filter { $0.roles.contains(.coach) }
                #expect(schools.allSatisfy { school in coaches.contains { $0.schoolID == school.id } }, "every school has a coach")
                // The first educator has been there five years: one plan for each, this year's active and shared with the coach.
                let veteran = try #require(people.first { $0.email.value == "amara.abernathy@\(slug).example" })
                let plans = try await scope.plans.plans(ownedBy: veteran.id)
                #expect(Set(plans.map(\.schoolYear)).count == 5)
                #expect(plans.dropFirst().contains { $0.status == .archived })
                #expect(try await scope.plans.count() > share * 3)
                // The coach's caseload: this year's plans shared with them, an active relationship each, with sessions.
                let coach = try #require(coaches.first)
                let shared = try await scope.plans.plans(sharedWithCoach: coach.id)
                #expect(!shared.isEmpty)
                for plan in shared.prefix(3) {
                    let relationships = try await scope.coachingRelationships.relationships(educator: plan.ownerID, in: [.active])
                    #expect(relationships.map(\.relationship.coachID) == [coach.id])
                    let relationship = try #require(relationships.first).relationship
                    #expect(!(try await scope.coachingSessions.sessions(relationship: relationship.id)).isEmpty)
                }
            }
        }
    }

    @Test func twoFillsOfTheSameSizeHoldTheSameIdentifiers() async throws {
        // setup
        func fill() async throws -> [String] {
            try await TestDatabase.with { database in
                let env = ServiceEnvironment(database: database, passwords: PasswordHasher(cost: 4))
                _ = try await ScaleDistricts(env).fill(educators: 60, districts: 2) { _ in }
                let olympic = try #require(try await OrganizationStore(database).find(slug: "olympic"))
                let people = try await OrganizationScope(database, organizationID: olympic.id).people.all()
                return [olympic.id.rawValue] + people.map(\.id.rawValue).sorted()
            }
        }
        // run
        let first = try await fill(), second = try await fill()
        // check
        #expect(first.count > 10 && first == second)
    }
}
