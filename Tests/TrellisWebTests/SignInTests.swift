import Foundation
import Hummingbird
import Testing
import TestSupport
import TrellisCore
import TrellisStore

@Suite struct SignInTests {
    @Test func signInLeadsHomeAndSignOutEndsTheSession() async throws {
        try await withTrellis { districts, browser in
            // run
            let signIn = try await browser.signIn("teacher@north.example")
            // check
            #expect(signIn.status == .seeOther)
            #expect(signIn.location == "/")
            let cookie = try #require(signIn.setCookies.first { $0.hasPrefix("trellis_session=") })
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"))
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.body.contains("Welcome, Zoë Ångström"))
            let out = try await browser.post("/signout")
            #expect(out.location == "/signin")
            #expect(try await browser.get("/").location == "/signin")
        }
    }

    @Test func cookiesAreSecureWhenTheBaseURLIsHTTPS() async throws {
        try await withTrellis(baseURL: "https://trellis.north.example") { _, browser in
            // run
            let page = try await browser.get("/signin")
            // check
            let csrf = try #require(page.setCookies.first { $0.hasPrefix("__Host-trellis_csrf=") })
            #expect(csrf.contains("Secure") && csrf.contains("HttpOnly"))
            #expect(page.headers[.strictTransportSecurity] != nil)
        }
    }

    @Test func wrongPasswordReRendersWithTheEmailKept() async throws {
        try await withTrellis { _, browser in
            // run
            let page = try await browser.signIn("teacher@north.example", password: "wrong password")
            // check
            #expect(page.status == .unauthorized)
            #expect(page.body.contains("That email and password don&#39;t match") || page.body.contains("That email and password don't match"))
            #expect(page.body.contains("value=\"teacher@north.example\""))
            #expect(try await browser.get("/").location == "/signin")
        }
    }

    @Test func repeatedFailuresAreRefusedWithAClearMessage() async throws {
        try await withTrellis { _, browser in
            // setup: the default rule lets three failures through
            for _ in 0..<3 { _ = try await browser.signIn("teacher@north.example", password: "wrong password") }
            // run
            let page = try await browser.signIn("teacher@north.example")
            // check: even the right password waits
            #expect(page.status == .tooManyRequests)
            #expect(page.body.contains("Too many failed attempts"))
        }
    }

    @Test func aDeactivatedPersonCannotSignInAndTheirSessionEnds() async throws {
        try await withTrellis { districts, browser in
            // setup
            let teacher = TestBrowser(client: browser.client)
            _ = try await teacher.signIn("teacher@north.example")
            _ = try await browser.signIn("admin@north.example")
            // run
            let result = try await browser.post("/admin/people/\(districts.north.educator.id)/activation", [("active", "false")])
            // check
            #expect(result.status == .seeOther)
            #expect(try await teacher.get("/").location == "/signin")
            teacher.forgetCookies()
            let again = try await teacher.signIn("teacher@north.example")
            #expect(again.body.contains("deactivated"))
        }
    }

    @Test func nextOnlyLeadsWithinTrellis() async throws {
        try await withTrellis { _, browser in
            _ = try await browser.get("/signin")
            let local = try await browser.post("/signin", [("email", "admin@north.example"), ("password", TestDistricts.password), ("next", "/admin/people")])
            #expect(local.location == "/admin/people")
            browser.forgetCookies()
            _ = try await browser.get("/signin")
            let away = try await browser.post("/signin", [("email", "admin@north.example"), ("password", TestDistricts.password), ("next", "//evil.example/x")])
            #expect(away.location == "/")
        }
    }
}
