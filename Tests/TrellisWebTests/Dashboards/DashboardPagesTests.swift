import Foundation
import Hummingbird
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore
@testable import TrellisWeb

/// The dashboards through the router: who gets which page, what it shows, and the CSV downloads.
@Suite struct DashboardPagesTests {
    @Test func theLeaderOpensTheirSchoolsDashboardFromTheNavigation() async throws {
        try await withTrellis { districts, browser in
            // setup
            let north = districts.north
            try await DashboardFixtures.make(districts.environment.database, north, at: districts.clock.now())
            _ = try await browser.signIn(north.leader.email.value)
            // run
            let home = try await browser.get("/")
            let page = try await browser.get("/dashboards/schools/\(north.school.id)")
            let again = try await browser.get("/dashboards/schools/\(north.school.id)")
            let mine = try await browser.get("/dashboards")
            // check: the navigation links to it; the page names both plans, links only the shared one, shows its goal only
            let path = "/dashboards/schools/\(north.school.id)"
            #expect(home.body.contains("href=\"\(path)\"") && home.body.contains(">Dashboard<"))
            #expect(page.status == .ok && again.body == page.body)
            #expect(page.body.contains("<a href=\"/plans/plan-shared\">Zoë Ångström</a>") && page.body.contains(DashboardFixtures.sharedGoal))
            #expect(page.body.contains("Cam Coach") && !page.body.contains("href=\"/plans/plan-unshared\""))
            #expect(!page.body.contains("HYPERLINK") && !page.body.contains("private goal"))
            #expect(page.body.contains("class=\"heat heat--4\">2<") && page.body.contains("href=\"\(path)/plans.csv\""))
            #expect(mine.status == .seeOther && mine.location == path)
        }
    }

    @Test func otherPeopleAreRefused() async throws {
        try await withTrellis { districts, browser in
            // setup
            let north = districts.north, env = districts.environment
            let otherLeader = try await CaseloadFixtures.person(env, in: north, "principal2", "Other Principal", [.leader], school: north.otherSchool)
            let path = "/dashboards/schools/\(north.school.id)"
            // run + check: another school's leader and the other district get 404; teachers and coaches 404 here, 403 for the district
            for email in [otherLeader.email.value, north.educator.email.value, north.coach.email.value, districts.south.leader.email.value] {
                browser.forgetCookies()
                _ = try await browser.signIn(email)
                #expect(try await browser.get(path).status == .notFound, "\(email)")
                #expect(try await browser.get(path + "/plans.csv").status == .notFound, "\(email)")
                #expect(try await browser.get("/dashboards/district").status == .forbidden, "\(email)")
                // A leader's navigation links to their own school's dashboard; a teacher's or coach's to none.
                let home = try await browser.get("/").body
                #expect(home.contains(">Dashboard<") == email.contains("principal"), "\(email)")
                #expect(!home.contains("href=\"\(path)\""), "\(email)")
            }
            browser.forgetCookies()
            #expect(try await browser.get(path).status != .ok)
        }
    }

    @Test func eachSectionDownloadsAsCSVWithTheRightHeadersAndEscaping() async throws {
        try await withTrellis { districts, browser in
            // setup: the coach's name typed like a formula, with a comma
            let north = districts.north, env = districts.environment
            try await DashboardFixtures.make(env.database, north, at: districts.clock.now())
            var renamed = north.coach
            renamed.displayName = "=Cam, \"the\" Coach"
            try await OrganizationScope(env.database, organizationID: north.organization.id).people.update(renamed)
            _ = try await browser.signIn(north.admin.email.value)
            // run
            let plans = try await browser.get("/dashboards/schools/\(north.school.id)/plans.csv")
            let district = try await browser.get("/dashboards/district/schools.csv")
            let page = try await browser.get("/dashboards/district")
            // check
            #expect(plans.status == .ok && plans.headers[.contentType] == "text/csv; charset=utf-8; header=present")
            #expect(plans.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"north-valley-schools-elementary-plans-2026.csv\"") == true)
            #expect(plans.body.contains("name,status,last_check_in,last_change,check_in_recency,shared_with_leaders,first_goal\r\n"))
            #expect(plans.body.contains("\r\n\"'=Cam, \"\"the\"\" Coach\",Active,,"))
            #expect(!plans.body.contains(DashboardFixtures.sharedGoal))
            for section in SchoolDashboardSection.allCases {
                #expect(try await browser.get("/dashboards/schools/\(north.school.id)/\(section.rawValue).csv").status == .ok)
            }
            #expect(district.status == .ok && district.body.contains("All schools,3,"))
            #expect(page.status == .ok && page.body.contains("href=\"/dashboards/schools/\(north.school.id)\""))
        }
    }
}
