import Foundation
import Testing
import TestSupport
import TrellisCore
@testable import TrellisServices
import TrellisStore

/// Who may see which school's dashboard, and what of a plan it shows: status and dates always, a goal only where shared.
@Suite struct DashboardServiceTests {
    @Test func theLeaderSeesTheirSchoolWithSharedGoalsOnlyAndTheAdminSeesNoGoalAtAll() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = districts.north
            try await DashboardFixtures.make(database, north, at: districts.clock.now())
            let service = DashboardService(districts.environment)
            // run
            let asLeader = try await service.school(Actor(north.leader), north.school.id)
            let asAdmin = try await service.school(Actor(north.admin), north.school.id)
            // check: both plans counted as active; the educator's checked in this week, the coach's never
            let active = try #require(asLeader.page.statuses.first { $0.key == "active" })
            #expect(active.count == 2 && Set(active.shown.map(\.name)) == ["Cam Coach", "Zoë Ångström"])
            #expect(asLeader.page.recency.first { $0.key == "this_week" }?.shown.map(\.name) == ["Zoë Ångström"])
            #expect(asLeader.page.recency.first { $0.key == "never" }?.shown.map(\.name) == ["Cam Coach"])
            #expect(asLeader.page.standards.map { "\($0.identifier)=\($0.goals)" } == ["wa-t-6=2", "wa-t-3=1"])
            #expect(asLeader.page.standards.first?.level == 4)
            // check: the shared goal shows to the leader only; the unshared one to nobody, not even in the CSV
            let educator = try #require(asLeader.people.first { $0.personID == north.educator.id })
            let coach = try #require(asLeader.people.first { $0.personID == north.coach.id })
            #expect(educator.firstGoal == DashboardFixtures.sharedGoal && coach.firstGoal == nil && coach.status == .active)
            #expect(educator.mayOpenPlan(Actor(north.leader)) && !coach.mayOpenPlan(Actor(north.leader)))
            #expect(asAdmin.people.allSatisfy { $0.firstGoal == nil } && !educator.mayOpenPlan(Actor(north.admin)))
            for section in SchoolDashboardSection.allCases {
                let text = String(decoding: asLeader.csv(section).data, as: UTF8.self)
                #expect(!text.contains("HYPERLINK") && !text.contains("private goal"))
            }
            #expect(String(decoding: asLeader.csv(.plans).data, as: UTF8.self).contains(DashboardFixtures.sharedGoal))
            #expect(!String(decoding: asAdmin.csv(.plans).data, as: UTF8.self).contains(DashboardFixtures.sharedGoal))
        }
    }

    @Test func nobodyElseFindsASchoolsDashboard() async throws {
        try await TestDatabase.with { database in
            // setup: a leader of the other school, and the other district's admin
            let districts = try await TestDistricts.make(database)
            let north = districts.north, env = districts.environment
            let otherLeader = try await CaseloadFixtures.person(env, in: north, "principal2", "Other Principal", [.leader], school: north.otherSchool)
            let service = DashboardService(env)
            // run + check: each is told the school does not exist; the district's dashboard is the admins'
            for person in [otherLeader, north.educator, north.coach, districts.south.admin, districts.south.leader] {
                await #expect(throws: ServiceError.notFound) { try await service.school(Actor(person), north.school.id) }
            }
            await #expect(throws: ServiceError.notFound) { try await service.school(Actor(north.admin), School.ID("no-such-school")) }
            for person in [north.leader, north.educator, north.coach] {
                await #expect(throws: ServiceError.forbidden) { try await service.district(Actor(person)) }
            }
            #expect(try await service.school(Actor(otherLeader), north.otherSchool.id).page.school.id == north.otherSchool.id)
        }
    }

    @Test func theDistrictCountsEachSchoolAndTheTotals() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let north = districts.north
            try await DashboardFixtures.make(database, north, at: districts.clock.now())
            // run
            let dashboard = try await DashboardService(districts.environment).district(Actor(north.admin))
            // check: one row per school by name, then the totals
            #expect(dashboard.rows.map(\.name) == ["North Valley Schools Elementary", "North Valley Schools High"])
            #expect(dashboard.rows[0].count(.active) == 2 && dashboard.rows[1].count(.draft) == 1 && dashboard.rows[1].count(nil) == 0)
            #expect(dashboard.total.people == 3 && dashboard.total.count(.active) == 2 && dashboard.total.count(.draft) == 1)
            let csv = String(decoding: dashboard.csv.data, as: UTF8.self)
            #expect(csv.hasPrefix("\u{FEFF}school,people,draft,active,in_review,returned,signed,verified,no_plan,"))
            #expect(csv.contains("\r\nAll schools,3,1,2,0,0,0,0,0,"))
        }
    }

    @Test func csvCellsAreQuotedAndFormulasKeptAsText() {
        // run + check: RFC 4180 quoting, and = + - @ made text with an apostrophe
        #expect(DashboardCSV.field("plain") == "plain")
        #expect(DashboardCSV.field("a, b") == "\"a, b\"")
        #expect(DashboardCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(DashboardCSV.field("two\nlines") == "\"two\nlines\"")
        for formula in ["=1+1", "+1", "-1", "@SUM(A1)"] { #expect(DashboardCSV.field(formula) == "'" + formula) }
        #expect(DashboardCSV.field("=HYPERLINK(\"x\",\"y\")") == "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")
    }
}
