import Foundation
import Hummingbird
import Testing
import TestSupport

/// The home page's main action for a person's own plan.
extension PlanEditingPagesTests {
    @Test func aDraftPlansHomePageOffersItsNextUnfinishedStep() async throws {
        try await withTrellis { _, browser in
            // setup
            _ = try await browser.signIn("teacher@north.example")
            let plan = try await startPlan(browser)
            // run + check: goals, then alignment, then the action plan, then activation; never "Check in" for a draft
            let start = try await browser.get("/").body
            #expect(start.contains("href=\"\(plan)/goals\">Next: write your first goal</a>"))
            #expect(!start.contains(">Check in</a>"))
            let goal = try await addGoal(browser, plan, "Read aloud daily")
            #expect(try await browser.get("/").body.contains("href=\"\(plan)/alignment\">Next: align your goals to standards</a>"))
            _ = try await browser.post(plan + "/alignment", [("standards_\(goal.id)", "wa-t-6")])
            #expect(try await browser.get("/").body.contains("href=\"\(plan)/actions\">Next: plan your action steps</a>"))
            _ = try await browser.post(goal.path + "/steps", [("what", "Read one picture book a day"), ("status", "not_started")])
            #expect(try await browser.get("/").body.contains("href=\"\(plan)\">Next: make your plan active</a>"))
            _ = try await browser.post(plan + "/status", [("to", "active")])
            #expect(try await browser.get("/").body.contains("href=\"\(plan)/check-ins\">Check in</a>"))
        }
    }
}
