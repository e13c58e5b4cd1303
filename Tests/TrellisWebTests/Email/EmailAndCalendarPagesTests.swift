import Foundation
import Hummingbird
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore
@testable import TrellisWeb

@Suite struct EmailAndCalendarPagesTests {
    @Test func thePreferencesPageSavesChoicesAndKeepsThemOnAMistake() async throws {
        try await withTrellis { districts, browser in
            // setup
            let teacher = districts.north.educator
            _ = try await browser.signIn(teacher.email.value)
            // run + check: the defaults are shown
            let page = try await browser.get("/account/notifications")
            #expect(page.status == .ok)
            #expect(page.body.contains("id=\"kind-deadline_reminder-email\" name=\"deadline_reminder\" value=\"email\" checked"))
            #expect(page.body.contains("id=\"kind-review_requested-in_app\" name=\"review_requested\" value=\"in_app\" checked"))
            // run: a value that is no channel, beside a real choice
            let wrong = try await browser.post("/account/notifications", [("plan_signed", "digest"), ("deadline_reminder", "pigeon")])
            // check: 422, the message at the field and in the summary, the other choice kept as made
            #expect(wrong.status == .unprocessableContent)
            #expect(wrong.body.contains("error-summary") && wrong.body.contains("href=\"#kind-deadline_reminder\""))
            #expect(wrong.body.contains("id=\"kind-plan_signed-digest\" name=\"plan_signed\" value=\"digest\" checked"))
            let scope = OrganizationScope(districts.environment.database, organizationID: teacher.organizationID)
            #expect(try await scope.notificationPreferences.preferences(of: teacher.id).channel(for: .planSigned) == .inApp)
            // run: a good submission
            let saved = try await browser.post("/account/notifications", [("plan_signed", "digest"), ("deadline_reminder", "in_app")])
            #expect(saved.status == .seeOther)
            let preferences = try await scope.notificationPreferences.preferences(of: teacher.id)
            #expect(preferences.channel(for: .planSigned) == .digest && preferences.channel(for: .deadlineReminder) == .inApp)
            // Signed out, the page is not there to change.
            browser.forgetCookies()
            #expect(try await browser.get("/account/notifications").status != .ok)
        }
    }

    @Test func theEmailsOneClickLinkTurnsThatKindOffWithoutSignInOrFormToken() async throws {
        try await withTrellis { districts, browser in
            // setup: a reminder emailed to the teacher
            let teacher = districts.north.educator, env = districts.environment
            let scope = OrganizationScope(env.database, organizationID: teacher.organizationID)
            try await scope.notifications.add(PersonNotification(id: .init("r1"), organizationID: teacher.organizationID,
                                                                 personID: teacher.id, kind: .deadlineReminder, message: "Soon.",
                                                                 link: "/plans", createdAt: env.clock.now()))
            let header = try #require(try await scope.outbox.messages(for: teacher.id).first?.message.header("List-Unsubscribe"))
            let path = try #require(URL(string: String(header.dropFirst().dropLast()))?.path)
            // run + check: the page asks first and changes nothing
            let asked = try await browser.get(path)
            #expect(asked.status == .ok && asked.body.contains("A deadline is coming"))
            #expect(try await scope.notificationPreferences.preferences(of: teacher.id).channel(for: .deadlineReminder) == .email)
            // run: the mail client's POST (RFC 8058), with no cookie and no form token
            let done = try await browser.send(path, method: .post, body: Data("List-Unsubscribe=One-Click".utf8),
                                              contentType: "application/x-www-form-urlencoded")
            // check
            #expect(done.status == .ok && done.body.contains("Emails stopped"))
            #expect(try await scope.notificationPreferences.preferences(of: teacher.id).channel(for: .deadlineReminder) == .inApp)
            // A token that opens nothing is a plain 404 both ways.
            for method in [HTTPRequest.Method.get, .post] {
                let unknown = try await browser.send("/email/unsubscribe/nothing-here", method: method, body: nil)
                #expect(unknown.status == .notFound && unknown.body == "Not found\n")
            }
        }
    }

    @Test func theCalendarAddressIsShownOnceServedAsICSAndDeadAfterAReset() async throws {
        try await withTrellis(baseURL: "http://trellis.example.org:8080") { districts, browser in
            // setup
            _ = try await browser.signIn(districts.north.educator.email.value)
            #expect(try await browser.get("/account/calendar").body.contains("You have no calendar address yet."))
            // run: make an address; the next page shows it once
            let made = try await browser.post("/account/calendar/reset")
            #expect(made.status == .seeOther)
            let shown = try await browser.get("/account/calendar")
            let address = try #require(shown.body.firstMatch(of: /http:\/\/trellis\.example\.org:8080(\/calendar\/[A-Za-z0-9_-]+\.ics)/))
            let path = String(address.1)
            // check: the feed, without a session
            let signedOut = TestBrowser(client: browser.client)
            let feed = try await signedOut.get(path)
            #expect(feed.status == .ok)
            #expect(feed.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(feed.body.hasPrefix("BEGIN:VCALENDAR\r\n"))
            #expect(!(try await browser.get("/account/calendar").body.contains(path)), "shown only once")
            // run: a new address
            _ = try await browser.post("/account/calendar/reset")
            // check: the old one is a plain 404, as is a made-up one
            let old = try await signedOut.get(path)
            #expect(old.status == .notFound && old.body == "Not found\n")
            #expect(try await signedOut.get("/calendar/made-up.ics").status == .notFound)
            #expect(try await signedOut.get("/calendar/made-up").status == .notFound)
        }
    }

    @Test func aMalformedSMTPURLStopsTheStartWithOneLine() {
        // run + check
        #expect(throws: AppConfig.Problem.self) { try AppConfig.fromEnvironment(["TRELLIS_SMTP_URL": "mail.district.org:25"]) }
        do {
            _ = try AppConfig.fromEnvironment(["TRELLIS_SMTP_URL": "smtp://:secret@mail.district.org"])
            Issue.record("a password without a user was accepted")
        } catch {
            #expect("\(error)".hasPrefix("TRELLIS_SMTP_URL") && !"\(error)".contains("\n") && !"\(error)".contains("secret"))
        }
        #expect(throws: AppConfig.Problem.self) { try AppConfig.fromEnvironment(["TRELLIS_MAIL_FROM": "trellis"]) }
        let config = try? AppConfig.fromEnvironment(["TRELLIS_SMTP_URL": "smtp://relay.district.org:587", "TRELLIS_BASE_URL": "https://trellis.district.org"])
        #expect(config?.smtp == SMTPRelay(host: "relay.district.org", port: 587))
        #expect(config?.mailFrom.value == "trellis@trellis.district.org")
    }
}
