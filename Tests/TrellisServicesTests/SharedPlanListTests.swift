import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

@Suite struct SharedPlanListTests {
    @Test func archivedPlansLeaveTheListsOfThoseTheyWereSharedWith() async throws {
        try await TestDatabase.with { database in
            // setup: last year's plan, shared with the coach, verified and then archived
            let districts = try await TestDistricts.make(database)
            let north = districts.north
            var plan = try await ReadyPlans.readyForReview(database, owner: north.educator, at: districts.clock.now())
            let store = OrganizationScope(database, organizationID: north.organization.id).plans
            plan.sharing = PlanSharing(coachIDs: [north.coach.id], isSharedWithSchoolLeaders: false)
            plan.status = .verified
            let version = try await store.save(plan, expecting: 1, at: districts.clock.now())
            let plans = PlanService(districts.environment, vault: nil)
            #expect(try await plans.sharedWithMe(Actor(north.coach)).map(\.id) == [plan.id])
            // run
            plan.status = .archived
            _ = try await store.save(plan, expecting: version, at: districts.clock.now())
            // check: gone from the coach's list, still the owner's
            #expect(try await plans.sharedWithMe(Actor(north.coach)).isEmpty)
            #expect(try await plans.myPlans(Actor(north.educator)).map(\.status) == [.archived])
        }
    }
}
