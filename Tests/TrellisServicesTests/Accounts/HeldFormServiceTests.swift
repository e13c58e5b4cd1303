import Testing
import TestSupport
import TrellisServices

/// A form kept through an expired sign-in: taken once, by its token only, and not after it waited too long.
@Suite struct HeldFormServiceTests {
    @Test func aKeptFormIsTakenOnceByItsToken() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let held = HeldFormService(districts.environment)
            let token = try await held.hold(path: "/coaching/sessions/s1/notes", page: "/coaching/sessions/s1", body: "text=9%3A05+students+turn+and+talk")
            // run + check
            #expect(try await held.take(token: "not-the-token", page: "/coaching/sessions/s1") == nil)
            #expect(try await held.take(token: token, page: "/coaching/sessions/s2") == nil, "only on the page it was written on")
            let taken = try await held.take(token: token, page: "/coaching/sessions/s1")
            #expect(taken?.path == "/coaching/sessions/s1/notes" && taken?.body == "text=9%3A05+students+turn+and+talk")
            #expect(try await held.take(token: token, page: "/coaching/sessions/s1") == nil, "a second tab signing in gets nothing to apply twice")
        }
    }

    @Test func aFormNobodyCameBackForExpires() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let held = HeldFormService(districts.environment, lifetime: 3600)
            let stale = try await held.hold(path: "/a", page: "/a", body: "text=old")
            districts.clock.advance(by: 3601)
            // run: keeping another form sweeps the stale one
            let fresh = try await held.hold(path: "/b", page: "/b", body: "text=new")
            // check
            #expect(try await held.take(token: stale, page: "/a") == nil)
            #expect(try await held.take(token: fresh, page: "/b")?.body == "text=new")
        }
    }
}
