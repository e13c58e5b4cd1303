import Foundation
import Testing
import TestSupport
import TrellisCore
@testable import TrellisStore

@Suite struct PlanStoreTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// A new plan of the north district's educator, stored at version 1, with the district's plan store.
    func withANewPlan(_ body: @escaping (PlanStore, GrowthPlan, TestDistricts) async throws -> Void) async throws {
        try await TestDatabase.with { database in
            let districts = try await TestDistricts.make(database)
            let plans = OrganizationScope(database, organizationID: districts.north.organization.id).plans
            let plan = GrowthPlan(id: .init(UUID().uuidString), organizationID: districts.north.organization.id,
                                  ownerID: districts.north.educator.id, schoolYear: SchoolYear(startingIn: 2026))
            try await plans.create(plan, at: now)
            try await body(plans, plan, districts)
        }
    }

    @Test func aPlanAndWhoItIsSharedWithAreWrittenTogetherOrNotAtAll() async throws {
        try await withANewPlan { plans, plan, districts in
            // setup
            var plan = plan
            // run: a save whose sharing rows cannot be written (a coach who does not exist)
            plan.goals = [Goal(id: .init("goal-1"), statement: "Read aloud daily")]
            plan.sharing = PlanSharing(coachIDs: [.init("nobody")], isSharedWithSchoolLeaders: false)
            await #expect(throws: (any Error).self) { try await plans.save(plan, expecting: 1, at: now) }
            // check: the document was not changed either
            let stored = try #require(try await plans.find(plan.id, latest: true))
            #expect(stored.version == 1)
            #expect(stored.plan.goals.isEmpty)
            // and a save that can be written changes both
            plan.sharing = PlanSharing(coachIDs: [districts.north.coach.id], isSharedWithSchoolLeaders: false)
            #expect(try await plans.save(plan, expecting: 1, at: now) == 2)
            #expect(try await plans.plans(sharedWithCoach: districts.north.coach.id).map(\.id) == [plan.id])
        }
    }

    @Test func parallelSharingSavesLeaveTheListAndThePlanAgreeing() async throws {
        try await withANewPlan { plans, plan, districts in
            // setup
            let coach = districts.north.coach.id
            // run: many saves at once, alternately sharing and unsharing, each from the version it read and naming the
            // coaches of that version, as the plan service does (rows are rewritten only when those change)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for round in 0..<12 {
                    group.addTask {
                        for _ in 0..<20 {
                            guard let current = try await plans.find(plan.id, latest: true) else { return }
                            var changed = current.plan
                            changed.sharing = PlanSharing(coachIDs: round % 2 == 0 ? [coach] : [], isSharedWithSchoolLeaders: false)
                            do {
                                _ = try await plans.save(changed, expecting: current.version, at: now,
                                                         coachesBefore: current.plan.sharing.coachIDs)
                                return
                            } catch is PlanStore.Conflict {
                                continue
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            // check: the coach's list says what the plan says
            let stored = try #require(try await plans.find(plan.id, latest: true))
            let listed = try await plans.plans(sharedWithCoach: coach).contains { $0.id == plan.id }
            #expect(listed == stored.plan.sharing.coachIDs.contains(coach))
        }
    }

    @Test func aSaveThatKeepsTheCoachesLeavesTheirRowsAndOneThatChangesThemRewritesThem() async throws {
        try await withANewPlan { plans, plan, districts in
            // setup: the plan shared with the coach
            var plan = plan
            let coach = districts.north.coach.id
            plan.sharing = PlanSharing(coachIDs: [coach], isSharedWithSchoolLeaders: false)
            _ = try await plans.save(plan, expecting: 1, at: now, coachesBefore: [])
            // run: a goal added, the coaches as they were
            plan.goals = [Goal(id: .init("goal-1"), statement: "Read aloud daily")]
            _ = try await plans.save(plan, expecting: 2, at: now, coachesBefore: [coach])
            // check: still on the coach's list
            #expect(try await plans.plans(sharedWithCoach: coach).map(\.id) == [plan.id])
            // run: no longer shared
            plan.sharing = PlanSharing(coachIDs: [], isSharedWithSchoolLeaders: false)
            _ = try await plans.save(plan, expecting: 3, at: now, coachesBefore: [coach])
            // check
            #expect(try await plans.plans(sharedWithCoach: coach).isEmpty)
        }
    }

    @Test func aSaveMovesTheDistrictsMarkOnceAndARefusedSaveLeavesItAsItWas() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = districts.north.organization.id
            let plans = OrganizationScope(database, organizationID: north).plans
            var plan = GrowthPlan(id: .init(UUID().uuidString), organizationID: north, ownerID: districts.north.educator.id,
                                  schoolYear: SchoolYear(startingIn: 2026))
            try await plans.create(plan, at: now)
            await database.changeMarksWritten()
            @Sendable func mark() async throws -> Int {
                await database.changeMarksWritten()
                return try await database.atomically { try await $0.districtChangeMark(north.rawValue) }
            }
            let before = try await mark()
            // run: a save that keeps the sharing (on PostgreSQL the one statement that moves the mark too)
            plan.goals = [Goal(id: .init("goal-1"), statement: "Read aloud daily")]
            #expect(try await plans.save(plan, expecting: 1, at: now, coachesBefore: []) == 2)
            // check
            #expect(try await mark() == before + 1)
            #expect(try await plans.find(plan.id, latest: true)?.plan.goals.map(\.statement) == ["Read aloud daily"])
            // run: a save made from the version before
            plan.goals = []
            await #expect(throws: PlanStore.Conflict.self) { try await plans.save(plan, expecting: 1, at: now, coachesBefore: []) }
            // check: nothing written, the mark where it was
            #expect(try await mark() == before + 1)
            let stored = try #require(try await plans.find(plan.id, latest: true))
            #expect(stored.version == 2)
            #expect(stored.plan.goals.count == 1)
        }
    }

    @Test func theCacheOfDecodedPlansLetsTheOldestGoFirst() {
        // setup
        let cache = PlanCache(capacity: 3)
        let stored = PlanStore.Stored(plan: GrowthPlan(id: .init("p"), organizationID: .init("o"), ownerID: .init("x"),
                                                       schoolYear: SchoolYear(startingIn: 2026)),
                                      version: 1, updatedAt: Date())
        // run
        for key in ["a", "b", "c", "d", "e"] { cache.put(key, stored) }
        cache.put("c", stored)
        // check: only the two oldest went, and putting a kept plan again does not make room
        #expect(cache.count == 3)
        #expect(!cache.contains("a") && !cache.contains("b"))
        #expect(cache.contains("c") && cache.contains("d") && cache.contains("e"))
    }
}
