import Foundation
import Hummingbird
import Testing
import TestSupport
import TrellisCore
import TrellisStore

/// Nothing typed is lost to an expired sign-in: observation notes and session notes sent signed out are kept, and saved
/// once the coach signs in again; applied as whoever signs in, so someone else gets nothing of them.
@Suite struct HeldObservationTests {
    static let longText = "9:05 Partners read aloud, one follows with a finger\n9:12 Hồng asks 'what just happened to Sam?' and waits"

    /// A coach signed in on the observation page of a session with `educator`; returns the session's path.
    static func observing(_ districts: TestDistricts, _ browser: TestBrowser) async throws -> String {
        let north = districts.north, database = districts.environment.database
        let relationship = try await CaseloadFixtures.relationship(database, coach: north.coach, educator: north.educator,
                                                                   startedAt: districts.clock.now())
        let session = try await CaseloadFixtures.session(database, relationship, on: "2026-11-02", at: "9:00", kind: .observation,
                                                         school: north.school.id)
        _ = try await browser.signIn("coach@north.example")
        let path = "/coaching/sessions/\(session.id)"
        #expect(try await browser.get(path + "/observation").status == .ok)
        return path
    }

    /// Follows the redirect to the sign-in page and signs in there, as a browser would: the form carries where to go next.
    static func signInAgain(_ browser: TestBrowser, _ email: String, from location: String?) async throws -> (next: String, page: TestBrowser.Page) {
        let location = try #require(location)
        let next = try #require(URLComponents(string: location)?.queryItems?.first { $0.name == "next" }?.value)
        _ = try await browser.get(location)
        let page = try await browser.post("/signin", [("email", email), ("password", TestDistricts.password), ("next", next)])
        return (next, page)
    }

    @Test func anObservationSentAfterTheSignInExpiredIsSavedOnceTheCoachSignsInAgain() async throws {
        try await withTrellis { districts, browser in
            // setup
            let session = try await Self.observing(districts, browser)
            browser.forgetCookie("trellis_session")
            // run: the long transcript arrives signed out
            let sent = try await browser.post(session + "/observation", [("form", "transcript"), ("text", Self.longText)])
            // check: kept, and the coach is asked to sign in and come back to the observation
            #expect(sent.status == .seeOther)
            #expect(browser.cookies["trellis_held_form"] != nil)
            let (next, signedIn) = try await Self.signInAgain(browser, "coach@north.example", from: sent.location)
            #expect(next == session + "/observation")
            #expect(signedIn.location == next)
            let applied = try await browser.get(next)
            #expect(applied.status == .seeOther, "the kept form is applied on the observation page")
            #expect(browser.cookies["trellis_held_form"] == nil)
            let page = try await browser.get(try #require(applied.location))
            #expect(page.body.contains("What you wrote before signing in again is saved."))
            #expect(page.body.contains("Partners read aloud, one follows with a finger"))
            #expect(page.body.contains("what just happened to Sam?") || page.body.contains("what just happened to Sam?".replacingOccurrences(of: "'", with: "&#39;")))
            // a reload applies nothing twice
            let again = try await browser.get(session + "/observation")
            #expect(again.status == .ok)
            #expect(again.body.components(separatedBy: "Partners read aloud, one follows with a finger").count == 2)
        }
    }

    @Test func aKeptFormThatCannotBeSavedAsItIsComesBackWithTheTextAtItsField() async throws {
        try await withTrellis { districts, browser in
            // setup: the session has no cycle, so a look-for number cannot be read
            let session = try await Self.observing(districts, browser)
            browser.forgetCookie("trellis_session")
            let sent = try await browser.post(session + "/observation", [("form", "transcript"), ("text", "9:05 #4 Pairs swap roles")])
            // run
            let (next, _) = try await Self.signInAgain(browser, "coach@north.example", from: sent.location)
            let page = try await browser.get(next)
            // check
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("9:05 #4 Pairs swap roles</textarea>"))
            #expect(browser.cookies["trellis_held_form"] == nil)
        }
    }

    @Test func aSessionNoteSentSignedOutIsSavedOnTheSessionPage() async throws {
        try await withTrellis { districts, browser in
            // setup
            let session = try await Self.observing(districts, browser)
            browser.forgetCookie("trellis_session")
            // run
            let sent = try await browser.post(session + "/notes", [("text", "Ask about the new bell schedule first")])
            let (next, _) = try await Self.signInAgain(browser, "coach@north.example", from: sent.location)
            let applied = try await browser.get(next)
            // check: applied on the session's page, where the note form is
            #expect(next == session)
            #expect(applied.status == .seeOther)
            let page = try await browser.get(session)
            #expect(page.body.contains("Ask about the new bell schedule first"))
        }
    }

    @Test func someoneElseSigningInInThatBrowserGetsNothingOfIt() async throws {
        try await withTrellis { districts, browser in
            // setup
            let session = try await Self.observing(districts, browser)
            browser.forgetCookie("trellis_session")
            let sent = try await browser.post(session + "/observation", [("time", "9:20"), ("text", "A note only the coach may add")])
            // run: the leader signs in on the same browser and is sent to the observation page
            let (next, _) = try await Self.signInAgain(browser, "principal@north.example", from: sent.location)
            let page = try await browser.get(next)
            // check: refused as any post of theirs would be, and nothing was written
            #expect(page.status == .notFound)
            browser.forgetCookies()
            _ = try await browser.signIn("coach@north.example")
            let coach = try await browser.get(session + "/observation")
            #expect(coach.status == .ok)
            #expect(!coach.body.contains("A note only the coach may add"))
        }
    }
}
