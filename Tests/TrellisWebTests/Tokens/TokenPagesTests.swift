import Foundation
import Hummingbird
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore
@testable import TrellisWeb

/// The token pages: made with a form token, shown once, listed without the secret, revoked after asking; the
/// district's service tokens only for admins.
@Suite struct TokenPagesTests {
    static func secret(in body: String) -> String? {
        body.firstMatch(of: /value="(trl_[A-Za-z0-9_-]{43})"/).map { String($0.1) }
    }

    @Test func aTokenIsShownOnceListedByItsPrefixAndRevokedAfterAsking() async throws {
        try await withTrellis { districts, browser in
            // setup
            let teacher = districts.north.educator
            _ = try await browser.signIn(teacher.email.value)
            let empty = try await browser.get("/account/tokens")
            #expect(empty.status == .ok && empty.body.contains("No tokens yet.") && empty.body.contains("plans:read"))
            #expect(!empty.body.contains("people:write"), "an educator is not offered people:write")
            // run: without the form token, nothing is made
            let forged = try await browser.post("/account/tokens", [("name", "laptop"), ("scopes", "plans:read")], csrf: "wrong")
            #expect(forged.status == .forbidden)
            let scope = OrganizationScope(districts.environment.database, organizationID: teacher.organizationID)
            #expect(try await scope.apiTokens.tokens(ownedBy: teacher.id).isEmpty)
            // run: made
            let made = try await browser.post("/account/tokens", [("name", "laptop"), ("scopes", "plans:read"), ("scopes", "schools:read"),
                                                                  ("expires_in_days", "30")])
            // check: the secret on this page, once, with the warning; the list shows the prefix only
            #expect(made.status == .created)
            let secret = try #require(Self.secret(in: made.body))
            #expect(made.body.contains("You will not see it again"))
            let list = try await browser.get("/account/tokens")
            #expect(!list.body.contains(secret))
            #expect(list.body.contains(String(secret.prefix(12)) + "…") && list.body.contains("plans:read, schools:read"))
            #expect(try await APITokenService(districts.environment).authenticate(bearer: secret) != nil)
            // run: revoke, asked first
            let token = try #require(try await scope.apiTokens.tokens(ownedBy: teacher.id).first)
            let path = "/account/tokens/\(token.id)/revoke"
            let asked = try await browser.get(path)
            #expect(asked.status == .ok && asked.body.contains("Revoke the token “laptop”?"))
            #expect(try await APITokenService(districts.environment).authenticate(bearer: secret) != nil, "asking changes nothing")
            let revoked = try await browser.post(path)
            #expect(revoked.status == .seeOther && revoked.location == "/account/tokens")
            #expect(try await APITokenService(districts.environment).authenticate(bearer: secret) == nil)
            // A second revoke (another tab) is fine; another person's revoke page is not found.
            #expect(try await browser.post(path).status == .seeOther)
            browser.forgetCookies()
            _ = try await browser.signIn(districts.north.colleague.email.value)
            #expect(try await browser.get(path).status == .notFound)
        }
    }

    @Test func aMistakeKeepsWhatWasTypedWithTheMessageAtItsField() async throws {
        try await withTrellis { districts, browser in
            // setup
            _ = try await browser.signIn(districts.north.educator.email.value)
            // run: a name but no scope, and a forged scope
            let wrong = try await browser.post("/account/tokens", [("name", "Grade book “sync”"), ("expires_in_days", "365")])
            let forged = try await browser.post("/account/tokens", [("name", "x"), ("scopes", "people:write")])
            // check
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.body.contains("error-summary") && wrong.body.contains("Choose at least one thing the token may do."))
            #expect(wrong.body.contains("value=\"Grade book “sync”\""))
            #expect(wrong.body.contains("<option value=\"365\" selected>"))
            #expect(forged.status == .unprocessableContent && forged.body.contains("people:write"))
            #expect(Self.secret(in: forged.body) == nil)
        }
    }

    @Test func serviceTokensAreTheDistrictAdminsAndLinkedFromTheDistrictPage() async throws {
        try await withTrellis { districts, browser in
            // setup + run: a leader is refused
            _ = try await browser.signIn(districts.north.leader.email.value)
            #expect(try await browser.get("/district/tokens").status == .forbidden)
            #expect(try await browser.post("/district/tokens", [("name", "x"), ("scopes", "plans:read")]).status == .forbidden)
            browser.forgetCookies()
            // run: an admin
            _ = try await browser.signIn(districts.north.admin.email.value)
            #expect(try await browser.get("/admin").body.contains("href=\"/district/tokens\""))
            let page = try await browser.get("/district/tokens")
            #expect(page.status == .ok && page.body.contains("people:write") && page.body.contains("District service tokens"))
            let made = try await browser.post("/district/tokens", [("name", "Payroll feed"), ("scopes", "people:read"), ("scopes", "people:write")])
            // check: a service token acting as the admin; not among the admin's own
            let secret = try #require(Self.secret(in: made.body))
            let grant = try #require(try await APITokenService(districts.environment).authenticate(bearer: secret))
            #expect(grant.kind == .service && grant.actor.personID == districts.north.admin.id)
            #expect(try await browser.get("/district/tokens").body.contains("Payroll feed"))
            #expect(!(try await browser.get("/account/tokens").body.contains("Payroll feed")))
        }
    }
}
