import Foundation
import Hummingbird
import Testing
import TestSupport
import TrellisCore
import TrellisStore

@Suite struct SecurityTests {
    @Test func aPostWithoutAValidTokenIsRefusedAndChangesNothing() async throws {
        try await withTrellis { districts, browser in
            // setup
            _ = try await browser.signIn("admin@north.example")
            let schools = OrganizationScope(districts.environment.database, organizationID: districts.north.organization.id).schools
            let before = try await schools.all().count
            // run
            let missing = try await browser.post("/admin/schools", [("name", "Forged School")], csrf: "")
            let wrong = try await browser.post("/admin/schools", [("name", "Forged School")], csrf: String(repeating: "A", count: 43))
            let json = try await browser.post("/admin/schools", [("name", "Forged School")], contentType: "application/json")
            // check
            for page in [missing, wrong, json] {
                #expect(page.status == .forbidden)
                #expect(page.body.contains("This form has expired"))
            }
            #expect(try await schools.all().count == before)
        }
    }

    @Test func everyResponseCarriesSecurityHeaders() async throws {
        try await withTrellis { _, browser in
            for path in ["/healthz", "/signin", "/no-such-page", "/static/trellis.css"] {
                // run
                let page = try await browser.get(path)
                // check
                let csp = try #require(page.headers[.contentSecurityPolicy], "\(path)")
                #expect(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"))
                #expect(page.headers[.xContentTypeOptions] == "nosniff")
                #expect(page.headers[.init("Referrer-Policy")!] == "no-referrer")
            }
        }
    }

    @Test func anotherDistrictsPersonIsNotFoundWhateverTheURL() async throws {
        try await withTrellis { districts, browser in
            // setup
            _ = try await browser.signIn("admin@north.example")
            let southTeacher = districts.south.educator.id
            // run + check
            #expect(try await browser.get("/admin/people/\(southTeacher)").status == .notFound)
            #expect(try await browser.post("/admin/people/\(southTeacher)", [("display_name", "X"), ("email", "x@x.org"), ("roles", "educator")]).status == .notFound)
            #expect(try await browser.post("/admin/people/\(southTeacher)/activation", [("active", "false")]).status == .notFound)
            #expect(try await browser.post("/admin/people/\(southTeacher)/password-reset").status == .notFound)
            #expect(try await browser.get("/admin/schools/\(districts.south.school.id)").status == .notFound)
            let south = OrganizationScope(districts.environment.database, organizationID: districts.south.organization.id)
            #expect(try await south.people.find(southTeacher)?.isActive == true)
        }
    }

    @Test func rolesDecideWhatPagesOpen() async throws {
        try await withTrellis { districts, browser in
            // anonymous: sent to sign in, with the way back
            #expect(try await browser.get("/admin/people").location == "/signin?next=/admin/people")
            // a teacher: a friendly 403 without internals
            _ = try await browser.signIn("teacher@north.example")
            let people = try await browser.get("/admin/people")
            #expect(people.status == .forbidden)
            #expect(people.body.contains("You don&#39;t have access") || people.body.contains("You don't have access"))
            #expect(try await browser.get("/admin/audit").status == .forbidden)
            #expect(try await browser.post("/admin/schools", [("name", "Teacher School")]).status == .forbidden)
            let home = try await browser.get("/")
            #expect(!home.body.contains("href=\"/admin/people\""), "no link to a page the teacher cannot open")
        }
    }

    @Test func unknownPagesAreFriendly404s() async throws {
        try await withTrellis { _, browser in
            let page = try await browser.get("/no-such-page/here")
            #expect(page.status == .notFound)
            #expect(page.body.contains("Page not found"))
            let traversal = try await browser.get("/static/../../etc/passwd")
            #expect((400..<500).contains(traversal.status.code))
            #expect(!traversal.body.contains("root:") && !traversal.body.contains("HTTPError"))
        }
    }

    @Test func healthReadinessAndMetricsAnswer() async throws {
        try await withTrellis { _, browser in
            #expect(try await browser.get("/healthz").status == .ok)
            #expect(try await browser.get("/readyz").body == "ready\n")
            let metrics = try await browser.get("/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain") == true)
        }
    }
}
