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

    @Test func theCountOnTheHomePageIsTheLengthOfTheSharedList() async throws {
        try await TestDatabase.with { database in
            // setup: the teacher's plan shared with the coach and the school's leaders; the coach's own plan shared with
            // the leaders; the colleague's plan (another school) shared with the coach, then archived
            let districts = try await TestDistricts.make(database)
            let north = districts.north, now = districts.clock.now()
            let store = OrganizationScope(database, organizationID: north.organization.id).plans
            func share(_ owner: Person, coaches: [Person.ID], leaders: Bool, status: PlanStatus? = nil) async throws {
                var plan = try await ReadyPlans.readyForReview(database, owner: owner, at: now)
                plan.sharing = PlanSharing(coachIDs: coaches, isSharedWithSchoolLeaders: leaders)
                if let status { plan.status = status }
                _ = try await store.save(plan, expecting: 1, at: now)
            }
            try await share(north.educator, coaches: [north.coach.id], leaders: true)
            try await share(north.coach, coaches: [], leaders: true)
            try await share(north.colleague, coaches: [north.coach.id], leaders: true, status: .archived)
            let plans = PlanService(districts.environment, vault: nil)
            // a coach who also leads the school: the teacher's plan reaches them both ways and counts once
            var coachAndLeader = Actor(north.coach)
            coachAndLeader.roles.insert(.leader)
            for actor in [Actor(north.coach), Actor(north.leader), coachAndLeader, Actor(north.educator), Actor(north.admin)] {
                // run
                let count = try await plans.sharedWithMeCount(actor)
                // check
                #expect(count == (try await plans.sharedWithMe(actor).count), "\(actor.roles)")
            }
            #expect(try await plans.sharedWithMeCount(Actor(north.coach)) == 1, "not their own, not the archived one")
            #expect(try await plans.sharedWithMeCount(Actor(north.leader)) == 2)
            #expect(try await plans.sharedWithMeCount(coachAndLeader) == 1)
        }
    }
}
