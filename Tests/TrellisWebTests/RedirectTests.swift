import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
import TrellisStore
@testable import TrellisWeb

/// Where sign-in sends a person afterwards: only ever a path on this site.
@Suite struct RedirectTests {
    /// Ways to make a `next` parameter leave the site, each of which must end at home.
    static let bypasses = [
        "https://evil.example", "http://evil.example/", "//evil.example", "///evil.example", "/\\evil.example", "\\\\evil.example",
        "/%09/evil.example", "/%0a/evil.example", "/%0D%0A/evil.example", "/\t/evil.example", "/\n/evil.example", "/\r/evil.example",
        "/%2F%2Fevil.example", "/%2fevil.example", "%2F%2Fevil.example", "/%5Cevil.example", "/%5cevil.example", "/%255Cevil.example",
        "/%252F/evil.example", "/ /evil.example", "/%20/evil.example", " /plans", "javascript:alert(1)", "/javascript:alert(1)\\",
        "data:text/html,hi", "evil.example", "", "/%", "/%zz", "/\u{0}/evil.example", "/plans\u{7F}", "/\u{2028}/evil.example",
        "/plans/<script>", "/plans\"onmouseover=x", "/" + String(repeating: "a", count: 600),
    ]

    /// Links Trellis itself makes, which must survive.
    static let keepers = ["/", "/plans", "/admin/people", "/frameworks/wa-teacher-criteria?q=exit%20tickets", "/plans/abc-123/goals?tab=2&x=y"]

    @Test(arguments: bypasses)
    func unsafeNextIsRefused(next: String) {
        // run + check
        #expect(SafeRedirect.path(next) == nil)
    }

    @Test(arguments: keepers)
    func sameSitePathsAreKept(next: String) {
        // run + check
        #expect(SafeRedirect.path(next) == next)
    }

    @Test func signingInWithAnUnsafeNextGoesHome() async throws {
        try await withTrellis { _, browser in
            for next in Self.bypasses + ["/%09/evil.example"] {
                // run
                browser.forgetCookies()
                try await browser.get("/signin")
                let page = try await browser.post("/signin", [("email", "teacher@north.example"), ("password", TestDistricts.password), ("next", next)])
                // check
                #expect(page.location == "/", "\(next.debugDescription) → \(page.location ?? "nil")")
            }
            browser.forgetCookies()
            try await browser.get("/signin")
            let kept = try await browser.post("/signin", [("email", "teacher@north.example"), ("password", TestDistricts.password), ("next", "/admin/people")])
            #expect(kept.location == "/admin/people")
        }
    }

    @Test func postsFromAnotherSiteAreRefusedAndSameOriginOnesAccepted() async throws {
        try await withTrellis { districts, browser in
            // setup
            _ = try await browser.signIn("admin@north.example")
            // run
            let crossSite = try await browser.post("/admin/schools", [("name", "Forged School")], fetchSite: "cross-site")
            let sameOrigin = try await browser.post("/admin/schools", [("name", "Hilltop Elementary")], fetchSite: "same-origin")
            // check
            #expect(crossSite.status == .forbidden)
            #expect(sameOrigin.status == .seeOther)
            let names = try await OrganizationScope(districts.environment.database, organizationID: districts.north.organization.id)
                .schools.all().map(\.name)
            #expect(!names.contains("Forged School"))
            #expect(names.contains("Hilltop Elementary"))
        }
    }
}

extension TestBrowser {
    /// A form post as a browser sends it, with the `Sec-Fetch-Site` it says it comes from.
    func post(_ path: String, _ fields: [(String, String)], fetchSite: String) async throws -> Page {
        let body = (fields + [("csrf_token", csrfToken)]).map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers = HTTPFields()
        headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        headers[.contentType] = "application/x-www-form-urlencoded"
        headers[.init("Sec-Fetch-Site")!] = fetchSite
        let response = try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }
}
