import Hummingbird
import Testing
import TestSupport
@testable import TrellisWeb

@Suite struct RenderedPageCacheTests {
    func key(_ n: Int, layout: String = "Ada") -> RenderedPageCache.Key {
        RenderedPageCache.Key(template: "plan", layout: layout, source: n)
    }

    @Test func aPageIsFoundOnlyByItsWholeKey() {
        // setup
        let cache = RenderedPageCache(budget: 1_000)
        // run
        cache.keep(ByteBuffer(string: "Ada's page"), for: key(1))
        // check
        #expect(cache.page(key(1)).map { String(buffer: $0) } == "Ada's page")
        #expect(cache.page(key(1, layout: "Grace")) == nil, "another person's layout is another page")
        #expect(cache.page(key(2)) == nil)
    }

    @Test func theOldestPagesGoWhenTheBudgetIsSpent() {
        // setup: pages of 10 bytes in a budget of 100
        let cache = RenderedPageCache(budget: 100)
        // run
        for n in 1...25 { cache.keep(ByteBuffer(string: String(repeating: "x", count: 10)), for: key(n)) }
        // check
        #expect(cache.count == 10)
        #expect(cache.page(key(25)) != nil)
        #expect(cache.page(key(15)) == nil)
        cache.keep(ByteBuffer(string: String(repeating: "y", count: 13)), for: key(99))
        #expect(cache.page(key(99)) == nil, "a page over an eighth of the budget is never kept")
    }

    @Test func aPageHoldsTheMemoryOfItsLengthNotOfTheBufferItWasRenderedInto() {
        // setup: 9,000-byte pages, each in a buffer whose storage is rounded up to 16 KB
        let cache = RenderedPageCache(budget: 1_000_000)
        let html = String(repeating: "p", count: 9_000)
        // run
        for n in 1...10 {
            let buffer = ByteBuffer(string: html)
            #expect(buffer.capacity >= 16_384)
            cache.keep(buffer, for: key(n))
        }
        // check: what the budget counts is what memory holds, within malloc's rounding
        #expect(cache.count == 10)
        #expect(cache.heldBytes < 10 * 9_100)
        #expect(cache.page(key(3)).map { String(buffer: $0) } == html)
    }

    @Test func theBudgetIsTheOperatorsToSetAndNoneKeepsNothing() throws {
        // setup
        func budget(_ text: String) throws -> Int { try AppConfig.fromEnvironment(["TRELLIS_PAGE_CACHE_MB": text]).pageCacheBytes }
        // run + check
        #expect(try AppConfig.fromEnvironment([:]).pageCacheBytes == 16 * 1024 * 1024)
        #expect(try budget("64") == 64 * 1024 * 1024)
        #expect(try budget("0") == 0)
        #expect(throws: AppConfig.Problem.self) { try budget("lots") }
        #expect(throws: AppConfig.Problem.self) { try budget("-1") }
        let none = RenderedPageCache(budget: 0)
        none.keep(ByteBuffer(string: "Ada's page"), for: key(1))
        #expect(none.count == 0)
        #expect(none.page(key(1)) == nil)
    }

    /// How many pages were answered from memory so far, as /metrics reports it.
    func reusedPages(_ browser: TestBrowser) async throws -> Int {
        let metrics = try await browser.get("/metrics").body
        let line = metrics.split(separator: "\n").first { $0.hasPrefix("trellis_rendered_pages_reused_total ") }
        return Int(line?.split(separator: " ").last ?? "") ?? 0
    }

    /// The teacher's new plan with one goal, just saved; its address.
    func planWithAGoal(_ browser: TestBrowser) async throws -> String {
        _ = try await browser.signIn("teacher@north.example")
        _ = try await browser.get("/plans")
        let plan = String(try #require(try await browser.post("/plans").location).dropLast("/goals".count))
        _ = try await browser.post(plan + "/goals", [("statement", "I will read aloud daily to build vocabulary")])
        return plan
    }

    @Test func aPlanPageSeenAgainIsAnsweredFromMemoryUntilThePlanChanges() async throws {
        try await withTrellis { districts, browser in
            // setup: a plan with a goal, seen once (with the message from saving) and once without
            let plan = try await planWithAGoal(browser)
            #expect(try await browser.get(plan).body.contains("Your goal is saved."))
            let first = try await browser.get(plan)
            let before = try await reusedPages(browser)
            // run + check: the same view again comes from memory, byte for byte
            let again = try await browser.get(plan)
            #expect(again.body == first.body)
            #expect(try await reusedPages(browser) == before + 1)
            // a new version is rendered anew, then kept
            _ = try await browser.post(plan + "/check-ins", [("date", "2026-11-10"), ("what_happened", "Tried partner reading")])
            #expect(try await browser.get(plan).body.contains("Tried partner reading"), "the message from saving")
            let changed = try await browser.get(plan)
            #expect(changed.body.contains("Tried partner reading"))
            #expect(try await reusedPages(browser) == before + 1, "a new version is never answered from memory")
            // another viewer's first view is their own page, not the owner's kept one
            _ = try await browser.post(plan + "/sharing", [("coaches", districts.north.coach.id.rawValue)])
            let coach = TestBrowser(client: browser.client)
            _ = try await coach.signIn("coach@north.example")
            let reusedBeforeCoach = try await reusedPages(browser)
            let coachView = try await coach.get(plan)
            #expect(coachView.status == .ok)
            #expect(!coachView.body.contains(browser.csrfToken))
            #expect(try await reusedPages(browser) == reusedBeforeCoach)
        }
    }

    @Test func aSchoolDashboardSeenAgainIsAnsweredFromMemoryUntilItsFigureIsMadeAgain() async throws {
        try await withTrellis { districts, browser in
            // setup: the principal's dashboard, seen once
            let path = "/dashboards/schools/\(districts.north.school.id)"
            _ = try await browser.signIn(districts.north.leader.email.value)
            let first = try await browser.get(path)
            let before = try await reusedPages(browser)
            // run + check: seen again, it comes from memory, byte for byte
            let again = try await browser.get(path)
            #expect(again.body == first.body)
            #expect(try await reusedPages(browser) == before + 1)
            // a teacher of the school starts a plan: the figure is made again and its page rendered anew
            let teacher = TestBrowser(client: browser.client)
            _ = try await teacher.signIn(districts.north.educator.email.value)
            _ = try await teacher.get("/plans")
            #expect(try await teacher.post("/plans").status == .seeOther)
            let changed = try await browser.get(path)
            #expect(changed.status == .ok && changed.body != first.body)
            #expect(try await reusedPages(browser) == before + 1, "a new figure is never answered from memory")
        }
    }

    @Test func theActionPlanAndCheckInPagesAreKeptUntilThePlanChangesAndAFormSentBackNeverIs() async throws {
        try await withTrellis { _, browser in
            // setup: a plan with a goal; each step page seen once
            let plan = try await planWithAGoal(browser)
            _ = try await browser.get(plan)
            let actions = try await browser.get(plan + "/actions"), checkIn = try await browser.get(plan + "/check-ins")
            let before = try await reusedPages(browser)
            // run + check: seen again, both come from memory, byte for byte
            #expect(try await browser.get(plan + "/actions").body == actions.body)
            #expect(try await browser.get(plan + "/check-ins").body == checkIn.body)
            #expect(try await reusedPages(browser) == before + 2)
            // a form sent back with a mistake is rendered with the person's text, and not kept
            let refused = try await browser.post(plan + "/check-ins", [("date", "not a date"), ("what_happened", "Kept text 4711")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Kept text 4711"))
            #expect(!(try await browser.get(plan + "/check-ins").body.contains("Kept text 4711")))
            // a check-in moves the version: the action plan is made anew
            _ = try await browser.post(plan + "/check-ins", [("date", "2026-11-10"), ("what_happened", "Tried partner reading")])
            let reusedBeforeChange = try await reusedPages(browser)
            let changed = try await browser.get(plan + "/actions")
            #expect(changed.status == .ok)
            #expect(try await reusedPages(browser) == reusedBeforeChange, "a new version is never answered from memory")
        }
    }
}
