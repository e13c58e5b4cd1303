import Foundation
import Testing
import TestSupport
import TrellisCore
@testable import TrellisStore

/// The dashboards' aggregate reads, on SQLite and (with TEST_POSTGRES_URL) PostgreSQL.
@Suite struct DashboardQueriesTests {
    @Test func aSchoolsPeopleComeWithTheirPlanAndOnlyASharedPlansFirstGoal() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = districts.north
            try await DashboardFixtures.make(database, north, at: districts.clock.now())
            let queries = OrganizationScope(database, organizationID: north.organization.id).dashboards
            // run
            let lines = try await queries.people(school: north.school.id, schoolYear: 2026, withGoals: true)
            let withoutGoals = try await queries.people(school: north.school.id, schoolYear: 2026, withGoals: false)
            let district = try await queries.people(school: nil, schoolYear: 2026, withGoals: false)
            let lastYear = try await queries.people(school: north.school.id, schoolYear: 2025, withGoals: true)
            // check: the school's educators by name (the leader has no plan and is no educator, so is not counted)
            #expect(lines.map(\.name) == ["Cam Coach", "Zoë Ångström"])
            let educator = try #require(lines.first { $0.personID == north.educator.id }?.plan)
            #expect(educator.status == .active && educator.lastCheckIn == CalendarDate(iso: "2026-11-16") && educator.isSharedWithLeaders)
            #expect(educator.firstGoal == DashboardFixtures.sharedGoal)
            let coach = try #require(lines.first { $0.personID == north.coach.id }?.plan)
            #expect(coach.status == .active && coach.lastCheckIn == nil && !coach.isSharedWithLeaders && coach.firstGoal == nil)
            #expect(withoutGoals.allSatisfy { $0.plan?.firstGoal == nil })
            #expect(Set(district.map(\.name)) == ["Cam Coach", "Zoë Ångström", "Col League"])
            #expect(lastYear.count == 2 && lastYear.allSatisfy { $0.plan == nil })
        }
    }

    @Test func goalsAreCountedPerStandardAndNothingCrossesDistricts() async throws {
        try await TestDatabase.with { database in
            // setup: the same plans in both districts
            let districts = try await TestDistricts.make(database)
            let north = districts.north
            try await DashboardFixtures.make(database, north, at: districts.clock.now())
            let queries = OrganizationScope(database, organizationID: north.organization.id).dashboards
            let south = OrganizationScope(database, organizationID: districts.south.organization.id).dashboards
            // run
            let school = try await queries.standardCounts(school: north.school.id, schoolYear: 2026)
            let everywhere = try await queries.standardCounts(school: nil, schoolYear: 2026)
            // check: most aligned first; the other school's draft only in the district's count
            #expect(school == [.init(identifier: "wa-t-6", goals: 2), .init(identifier: "wa-t-3", goals: 1)])
            #expect(everywhere.map(\.identifier) == ["wa-t-6", "wa-t-1", "wa-t-3"])
            #expect(try await south.standardCounts(school: nil, schoolYear: 2026).isEmpty)
            #expect(try await south.people(school: nil, schoolYear: 2026, withGoals: true).allSatisfy { $0.plan == nil })
        }
    }

    @Test func cohortsAreCountedByTheSchoolsOfTheirMembers() async throws {
        try await TestDatabase.with { database in
            // setup: a cohort with the educator (north school) and the colleague (other school)
            let districts = try await TestDistricts.make(database)
            let north = districts.north
            var cohort = Cohort(id: .init("cohort-1"), organizationID: north.organization.id, name: "Digital Learning Cohort",
                                facilitatorID: north.coach.id, schoolYear: DashboardFixtures.year)
            cohort.setMember(north.educator.id, role: "Classroom teacher")
            cohort.setMember(north.colleague.id, role: "Classroom teacher")
            try await OrganizationScope(database, organizationID: north.organization.id).cohorts.create(cohort, at: districts.clock.now())
            let queries = OrganizationScope(database, organizationID: north.organization.id).dashboards
            // run
            let school = try await queries.cohortCounts(school: north.school.id)
            let everywhere = try await queries.cohortCounts(school: nil)
            // check
            #expect(school == [.init(cohortID: cohort.id, schoolID: north.school.id, members: 1)])
            #expect(Set(everywhere.map(\.schoolID)) == [north.school.id, north.otherSchool.id])
            #expect(try await OrganizationScope(database, organizationID: districts.south.organization.id).dashboards.cohortCounts(school: nil).isEmpty)
        }
    }

    @Test func aKeptFigureIsForgottenWhenAPlanIsSaved() async throws {
        try await TestDatabase.with(recentReads: .seconds(60)) { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = districts.north
            let plans = try await DashboardFixtures.make(database, north, at: districts.clock.now())
            let scope = OrganizationScope(database, organizationID: north.organization.id)
            let builds = Counter()
            @Sendable func figure() async throws -> Int {
                try await scope.dashboardReads.kept("test") {
                    await builds.add()
                    return try await scope.dashboards.people(school: north.school.id, schoolYear: 2026, withGoals: false)
                        .filter { $0.plan?.status == .active }.count
                }
            }
            // run: twice, a save, again
            let first = try await figure()
            let second = try await figure()
            var changed = plans.unshared
            changed.status = .inReview
            _ = try await scope.plans.save(changed, expecting: 1, at: districts.clock.now())
            let third = try await figure()
            // check: kept once, built again after the save
            #expect(first == 2 && second == 2 && third == 1)
            #expect(await builds.value == 2)
        }
    }
}

/// Counts calls across tasks.
actor Counter {
    private(set) var value = 0
    func add() { value += 1 }
}
