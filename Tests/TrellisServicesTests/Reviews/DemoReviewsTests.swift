import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

@Suite struct DemoReviewsTests {
    @Test func theDemoDistrictHasReviewsInEveryStateADistrictSees() async throws {
        try await TestDatabase.with { database in
            // setup
            let env = ServiceEnvironment(database: database, passwords: PasswordHasher(cost: 4))
            let (organization, _) = try await DemoDistrict(env).ensure()
            let people = OrganizationScope(database, organizationID: organization.id).people
            func actor(_ email: String) async throws -> Actor { Actor(try #require(try await people.find(email: EmailAddress(email)!))) }
            let plans = PlanService(env, vault: nil), reviews = ReviewService(env)
            // run + check: Hồng's plan from last year is signed by her principal, beside this year's active plan
            let hong = try await actor("hong.nguyen@cascade.example")
            let hongs = try await plans.myPlans(hong)
            #expect(hongs.map(\.status) == [.active, .verified])
            let ledger = try await OrganizationScope(database, organizationID: organization.id).clockHours.entries(of: hong.personID)
            #expect(ledger.contains { $0.growthPlan?.planID == hongs[1].id && $0.hours == ClockHours(25) })
            #expect(ledger.count == 3, "her verified plan and two courses")
            #expect(try await OrganizationScope(database, organizationID: organization.id).verifications.waiting().count == 1, "Diego's")
            #expect(try await reviews.checkSignatures(hong, hongs[1].id).map(\.isIntact) == [true])
            // Marcus's plan waits for a reviewer outside Trellis; Kwame's came back with a comment on its goal
            let marcus = try await actor("marcus.whitfield@cascade.example")
            let marcusPlan = try #require(try await plans.myPlans(marcus).first)
            #expect(marcusPlan.status == .inReview)
            #expect(try await reviews.history(marcus, marcusPlan.id).requests.first?.reviewer.isOutside == true)
            let kwame = try await actor("kwame.mensah@cascade.example")
            let kwamePlan = try #require(try await plans.myPlans(kwame).first)
            let returned = try #require(try await reviews.history(kwame, kwamePlan.id).requests.first)
            #expect(kwamePlan.status == .returned && returned.state == .returned && !returned.returnNote.isEmpty && returned.comments.count == 1)
            // certificated colleagues can be asked to review
            #expect(try await reviews.eligibleReviewers(hong).map(\.person.displayName).contains("Marcus Whitfield"))
        }
    }
}
