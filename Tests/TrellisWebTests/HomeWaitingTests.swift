import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices

@Suite struct HomeWaitingTests {
    @Test func theHomePageSaysWhatWaitsForTheReviewerAndTheDistrict() async throws {
        try await withTrellis { districts, browser in
            // setup: a plan waiting for the principal's review
            let env = districts.environment, north = districts.north
            let plan = try await ReadyPlans.readyForReview(env.database, owner: north.educator, at: env.clock.now())
            try await ReadyPlans.certify(env.database, north.leader)
            let reviews = ReviewService(env)
            let request = try await reviews.request(Actor(north.educator), plan.id, expecting: nil, reviewer: .member(north.leader.id)).request
            // run + check: the principal is told, with a link to the request list
            _ = try await browser.signIn("principal@north.example")
            let home = try await browser.get("/").body
            #expect(home.contains("<a href=\"/reviews\">1 growth plan waits for your review</a>"))
            // once signed, the district admin is told instead
            let key = ReviewService.ReviewerKey.member(Actor(north.leader), request.id)
            _ = try await reviews.sign(key, .init(name: north.leader.displayName, certificateNumber: "412345F", attests: true),
                                       version: try await reviews.open(key).version)
            #expect(!(try await browser.get("/").body.contains("waits for your review")))
            let admin = TestBrowser(client: browser.client)
            _ = try await admin.signIn("admin@north.example")
            #expect(try await admin.get("/").body.contains("<a href=\"/verification\">1 signed plan waits for verification</a>"))
        }
    }
}
