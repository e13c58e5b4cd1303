import Foundation
import Testing
import TestSupport
import TrellisCore
@testable import TrellisStore

/// Coaching relationships and the caseload's reads, on SQLite and (with TEST_POSTGRES_URL) PostgreSQL.
@Suite struct CaseloadQueriesTests {
    static let today = CalendarDate(iso: "2026-11-18")!

    @Test func aRelationshipIsProposedAcceptedAndAStaleChangeIsRefused() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = districts.north, now = districts.clock.now()
            let store = OrganizationScope(database, organizationID: north.organization.id).coachingRelationships
            var relationship = CoachingRelationship(id: .init("r1"), organizationID: north.organization.id, coachID: north.coach.id,
                                                    educatorID: north.educator.id, proposedBy: .coach, message: "Reading groups?", proposedAt: now)
            // run
            try await store.create(relationship)
            relationship.state = .active
            relationship.startedAt = now
            try await store.update(relationship, expecting: 1)
            // check: found by id and as the pair's current one; an old version is refused; another district finds nothing
            #expect(try await store.find(relationship.id)?.relationship.state == .active)
            #expect(try await store.find(relationship.id)?.version == 2)
            #expect(try await store.current(coach: north.coach.id, educator: north.educator.id)?.relationship.id == relationship.id)
            await #expect(throws: CoachingRelationshipStore.Conflict.self) { try await store.update(relationship, expecting: 1) }
            #expect(try await store.relationships(coach: north.coach.id, in: [.active]).map(\.relationship.id) == [relationship.id])
            #expect(try await OrganizationScope(database, organizationID: districts.south.organization.id).coachingRelationships.find(relationship.id) == nil)
        }
    }

    @Test func twoProposalsForOnePairAtOnceMakeOneRow() async throws {
        try await TestDatabase.with(connections: 4) { database in
            // setup: the coach invites while the educator asks, at the same moment
            let districts = try await TestDistricts.make(database)
            let north = districts.north, now = districts.clock.now()
            let store = OrganizationScope(database, organizationID: north.organization.id).coachingRelationships
            let proposals = [CoachingRelationship.Side.coach, .educator].map { side in
                CoachingRelationship(id: .init("r-\(side.rawValue)"), organizationID: north.organization.id, coachID: north.coach.id,
                                     educatorID: north.educator.id, proposedBy: side, proposedAt: now)
            }
            // run
            let outcomes = await withTaskGroup(of: Bool.self) { group in
                for proposal in proposals {
                    group.addTask { (try? await store.create(proposal)) != nil }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            // check: one succeeded, the other was a duplicate, one row is current
            #expect(outcomes.filter { $0 }.count == 1 && outcomes.count == 2)
            #expect(try await store.relationships(coach: north.coach.id, in: [.proposed]).count == 1)
            await #expect(throws: StoreError.duplicate("relationship")) {
                try await store.create(CoachingRelationship(id: .init("r-third"), organizationID: north.organization.id, coachID: north.coach.id,
                                                            educatorID: north.educator.id, proposedBy: .coach, proposedAt: now))
            }
        }
    }

    @Test func theCaseloadReadsPlansContactAndNextSessionsOfTheCoachOnly() async throws {
        try await TestDatabase.with { database in
            // setup: the coach works with two educators; one shared her plan, the other did not; a second coach works with one
            let districts = try await TestDistricts.make(database)
            let north = districts.north, now = districts.clock.now(), env = districts.environment
            let scope = OrganizationScope(database, organizationID: north.organization.id)
            let shared = try await ReadyPlans.readyForReview(database, owner: north.educator, at: now)
            var sharedPlan = try #require(try await scope.plans.find(shared.id))
            var plan = sharedPlan.plan
            plan.sharing.share(with: north.coach.id)
            _ = try await scope.plans.save(plan, expecting: sharedPlan.version, at: now)
            sharedPlan = try #require(try await scope.plans.find(shared.id, latest: true))
            _ = try await ReadyPlans.readyForReview(database, owner: north.colleague, at: now)
            let other = try await CaseloadFixtures.person(env, in: north, "coach2", "Other Coach", [.coach], school: north.school)
            let withZoe = try await CaseloadFixtures.relationship(database, coach: north.coach, educator: north.educator, startedAt: now)
            let withCol = try await CaseloadFixtures.relationship(database, coach: north.coach, educator: north.colleague, startedAt: now)
            let others = try await CaseloadFixtures.relationship(database, coach: other, educator: north.educator, startedAt: now)
            try await CaseloadFixtures.session(database, withZoe, on: "2026-11-02", school: north.school.id)
            try await CaseloadFixtures.session(database, withZoe, on: "2026-11-10", kind: .informal, school: north.school.id)
            try await CaseloadFixtures.session(database, withZoe, on: "2026-11-25", at: "9:30", school: north.school.id)
            try await CaseloadFixtures.session(database, others, on: "2026-11-17", school: north.school.id)
            // run
            let read = try await database.withRecentReadsCleared { try await scope.caseloads.caseload(coach: north.coach.id, today: Self.today) }
            // check: both people, the shared plan's first goal only, the latest contact and the session to come
            #expect(Set(read.lines.map(\.relationship.id)) == [withZoe.id, withCol.id])
            #expect(read.lines.first { $0.relationship.id == withZoe.id }?.educatorName == "Zoë Ångström")
            #expect(read.lines.first { $0.relationship.id == withZoe.id }?.schoolName == north.school.name)
            #expect(read.plans[north.educator.id]?.firstGoal == sharedPlan.plan.goals[0].statement)
            #expect(read.plans[north.educator.id]?.status == .active)
            #expect(read.plans[north.colleague.id] != nil && read.plans[north.colleague.id]?.firstGoal == nil)
            #expect(read.lastContact == [withZoe.id: CalendarDate(iso: "2026-11-10")!])
            #expect(read.upcoming.map(\.relationshipID) == [withZoe.id])
            #expect(read.upcoming.first?.timing.startsAt?.description == "09:30")
            #expect(read.rhythm == .fourWeeks)
        }
    }

    @Test func aKeptCaseloadIsForgottenWhenASessionOrTheRhythmIsWritten() async throws {
        try await TestDatabase.with { database in
            // setup: the caseload read once, so it is kept
            let districts = try await TestDistricts.make(database)
            let north = districts.north, now = districts.clock.now()
            let scope = OrganizationScope(database, organizationID: north.organization.id)
            let relationship = try await CaseloadFixtures.relationship(database, coach: north.coach, educator: north.educator, startedAt: now)
            #expect(try await scope.caseloads.caseload(coach: north.coach.id, today: Self.today).lastContact.isEmpty)
            // run: a session is logged, then the rhythm changes
            try await CaseloadFixtures.session(database, relationship, on: "2026-11-16", school: north.school.id)
            let afterSession = try await scope.caseloads.caseload(coach: north.coach.id, today: Self.today)
            try await scope.setCheckInRhythm(CheckInRhythm(days: 14)!)
            let afterRhythm = try await scope.caseloads.caseload(coach: north.coach.id, today: Self.today)
            // check: each read sees the write at once
            #expect(afterSession.lastContact[relationship.id] == CalendarDate(iso: "2026-11-16"))
            #expect(afterRhythm.rhythm.days == 14)
            #expect(try await scope.checkInRhythm().days == 14)
        }
    }

    @Test func aPlanSaveLeavesTheKeptCoachingTimelinesAndASessionForgetsThem() async throws {
        try await TestDatabase.with(recentReads: .seconds(60)) { database in
            // setup: the educator's timeline read once, so it is kept; then its session's row removed behind the stores'
            // back, which only a fresh read sees
            let districts = try await TestDistricts.make(database)
            let north = districts.north, now = districts.clock.now()
            let scope = OrganizationScope(database, organizationID: north.organization.id)
            let plan = try await ReadyPlans.readyForReview(database, owner: north.educator, at: now)
            let relationship = try await CaseloadFixtures.relationship(database, coach: north.coach, educator: north.educator, startedAt: now)
            let first = try await CaseloadFixtures.session(database, relationship, on: "2026-11-02", school: north.school.id)
            #expect(try await scope.coachingTimelines.read(educator: north.educator.id).sessions.map(\.id) == [first.id])
            try await database.execute("DELETE FROM coaching_sessions WHERE id = \(bind: first.id.rawValue)")
            // run: the educator's plan is saved, then a session is logged
            _ = try await scope.plans.save(plan, expecting: 1, at: now)
            let afterPlanSave = try await scope.coachingTimelines.read(educator: north.educator.id)
            let second = try await CaseloadFixtures.session(database, relationship, on: "2026-11-09", school: north.school.id)
            let afterSession = try await scope.coachingTimelines.read(educator: north.educator.id)
            // check: the plan's save changed nothing the timeline shows, so it stayed kept; the session's write forgot it
            #expect(afterPlanSave.sessions.map(\.id) == [first.id])
            #expect(afterSession.sessions.map(\.id) == [second.id])
        }
    }

    @Test func anotherInstanceKeepsATimelineThroughPlanSavesAndShowsANewSessionWithinTheMarksLifetime() async throws {
        try await TestDatabase.withTwoInstances(recentReads: .milliseconds(300)) { first, second in
            // setup: the educator's timeline read on the second instance, then its session's row removed behind the
            // stores' back, which only a fresh read sees
            let districts = try await TestDistricts.make(first)
            let north = districts.north, now = districts.clock.now()
            let plan = try await ReadyPlans.readyForReview(first, owner: north.educator, at: now)
            let relationship = try await CaseloadFixtures.relationship(first, coach: north.coach, educator: north.educator, startedAt: now)
            let logged = try await CaseloadFixtures.session(first, relationship, on: "2026-11-02", school: north.school.id)
            await first.changeMarksWritten()
            let there = OrganizationScope(second, organizationID: north.organization.id).coachingTimelines
            #expect(try await there.read(educator: north.educator.id).sessions.map(\.id) == [logged.id])
            try await first.execute("DELETE FROM coaching_sessions WHERE id = \(bind: logged.id.rawValue)")
            // run: the plan saved on the first instance (the district's mark moves), then well past a recent read's lifetime
            _ = try await OrganizationScope(first, organizationID: north.organization.id).plans.save(plan, expecting: 1, at: now)
            await first.changeMarksWritten()
            try await Task.sleep(for: .milliseconds(500))
            // check: still kept, nothing of the coaching having changed
            #expect(try await there.read(educator: north.educator.id).sessions.map(\.id) == [logged.id])
            // run: a session logged on the first instance
            let next = try await CaseloadFixtures.session(first, relationship, on: "2026-11-09", school: north.school.id)
            await first.changeMarksWritten()
            try await Task.sleep(for: .milliseconds(500))
            // check: the second instance read the coaching mark again and the timeline afresh
            #expect(try await there.read(educator: north.educator.id).sessions.map(\.id) == [next.id])
        }
    }

    @Test func countsAddUpSessionsMinutesAndPeoplePerSchoolAndCoachWithinTheDates() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = districts.north, now = districts.clock.now()
            let scope = OrganizationScope(database, organizationID: north.organization.id)
            let withZoe = try await CaseloadFixtures.relationship(database, coach: north.coach, educator: north.educator, startedAt: now)
            let withCol = try await CaseloadFixtures.relationship(database, coach: north.coach, educator: north.colleague, startedAt: now)
            try await CaseloadFixtures.session(database, withZoe, on: "2026-10-01", minutes: 30, school: north.school.id)
            try await CaseloadFixtures.session(database, withZoe, on: "2026-10-08", minutes: 60, school: north.school.id)
            try await CaseloadFixtures.session(database, withCol, on: "2026-10-09", minutes: 15, school: north.otherSchool.id)
            try await CaseloadFixtures.session(database, withCol, on: "2026-06-01", minutes: 15, school: north.otherSchool.id)
            let from = CalendarDate(iso: "2026-07-01")!
            // run
            let schools = try await scope.coachingCounts.perSchool(from: from, through: Self.today)
            let coaches = try await scope.coachingCounts.perCoach(from: from, through: Self.today)
            let oneSchool = try await scope.coachingCounts.perCoach(from: from, through: Self.today, school: north.school.id)
            // check
            #expect(Set(schools) == [.init(key: north.school.id.rawValue, sessions: 2, minutes: 90, people: 1),
                                     .init(key: north.otherSchool.id.rawValue, sessions: 1, minutes: 15, people: 1)])
            #expect(coaches == [.init(key: north.coach.id.rawValue, sessions: 3, minutes: 105, people: 2)])
            #expect(oneSchool == [.init(key: north.coach.id.rawValue, sessions: 2, minutes: 90, people: 1)])
        }
    }
}

extension Database {
    /// Runs `body` as a first read: nothing kept from earlier reads in the test.
    func withRecentReadsCleared<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        forgetRecent(startingWith: "")
        return try await body()
    }
}
