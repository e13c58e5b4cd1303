import Foundation
import Hummingbird
import Testing
import TestSupport
import TrellisCore
import TrellisStore

/// Coaching on the plan's timeline: the educator and their coach see the sessions and what is shared with the educator;
/// a school leader reading the same plan sees none of it, and a private note shows nowhere.
@Suite struct PlanCoachingTimelineTests {
    static let privateNote = "Private: seemed tired, ask about the schedule"
    static let sharedNextStep = "Use a thumbs check with all five before the word cards"

    @Test func theEducatorAndTheCoachSeeTheCoachingOnThePlanAndALeaderDoesNot() async throws {
        try await withTrellis { districts, browser in
            // setup: a plan shared with the coach and the school's leaders, an observation with a private note and a feedback
            // conversation with shared feedback, and a second coach's session the first coach must not see
            let north = districts.north, database = districts.environment.database
            var plan = try await ReadyPlans.readyForReview(database, owner: north.educator, at: districts.clock.now())
            plan.sharing = PlanSharing(coachIDs: [north.coach.id], isSharedWithSchoolLeaders: true)
            _ = try await OrganizationScope(database, organizationID: north.organization.id).plans.save(plan, expecting: 1, at: districts.clock.now())
            let relationship = try await CaseloadFixtures.relationship(database, coach: north.coach, educator: north.educator,
                                                                       startedAt: districts.clock.now())
            try await CaseloadFixtures.session(database, relationship, on: "2026-11-02", at: "9:05", minutes: 30, kind: .observation,
                                               school: north.school.id, note: Self.privateNote)
            var feedback = try await CaseloadFixtures.session(database, relationship, on: "2026-11-03", at: "15:15", minutes: 25, kind: .feedback,
                                                              school: north.school.id)
            feedback.feedback = PerformanceFeedback(wentWell: "Partners started at once", nextStep: Self.sharedNextStep)
            try await OrganizationScope(database, organizationID: north.organization.id).coachingSessions.update(feedback, expecting: 1)
            let other = try await CaseloadFixtures.person(districts.environment, in: north, "coach2", "Kwame Mensah", [.coach], school: north.school)
            let second = try await CaseloadFixtures.relationship(database, coach: other, educator: north.educator, startedAt: districts.clock.now())
            try await CaseloadFixtures.session(database, second, on: "2026-11-04", kind: .modeling, school: north.school.id)
            let path = "/plans/\(plan.id)"
            // run + check: the educator sees all three sessions and the shared next step, never the private note
            _ = try await browser.signIn("teacher@north.example")
            let mine = try await browser.get(path)
            #expect(mine.status == .ok)
            #expect(mine.body.contains("Observation with Cam Coach"))
            #expect(mine.body.contains("Feedback conversation with Cam Coach"))
            #expect(mine.body.contains("Modeling (demonstration lesson) with Kwame Mensah"))
            #expect(mine.body.contains(Self.sharedNextStep))
            #expect(!mine.body.contains(Self.privateNote))
            // the coach sees their own sessions only
            browser.forgetCookies()
            _ = try await browser.signIn("coach@north.example")
            let coach = try await browser.get(path)
            #expect(coach.status == .ok)
            #expect(coach.body.contains("Observation with Cam Coach") && coach.body.contains(Self.sharedNextStep))
            #expect(!coach.body.contains("Kwame Mensah"))
            #expect(!coach.body.contains(Self.privateNote))
            // the leader reads the plan (shared with leaders) but none of the coaching
            browser.forgetCookies()
            _ = try await browser.signIn("principal@north.example")
            let leader = try await browser.get(path)
            #expect(leader.status == .ok)
            #expect(!leader.body.contains(Self.sharedNextStep) && !leader.body.contains("Observation with") && !leader.body.contains("Feedback conversation"))
        }
    }

    @Test func feedbackKeptPrivateStaysOffTheTimeline() async throws {
        try await withTrellis { districts, browser in
            // setup
            let north = districts.north, database = districts.environment.database
            let plan = try await ReadyPlans.readyForReview(database, owner: north.educator, at: districts.clock.now())
            let relationship = try await CaseloadFixtures.relationship(database, coach: north.coach, educator: north.educator,
                                                                       startedAt: districts.clock.now())
            var session = try await CaseloadFixtures.session(database, relationship, on: "2026-11-03", kind: .feedback, school: north.school.id)
            session.feedback = PerformanceFeedback(nextStep: "Draft: try cold calling", visibility: .coachOnly)
            try await OrganizationScope(database, organizationID: north.organization.id).coachingSessions.update(session, expecting: 1)
            // run
            _ = try await browser.signIn("teacher@north.example")
            let page = try await browser.get("/plans/\(plan.id)")
            // check: the session is there, its private feedback is not
            #expect(page.body.contains("Feedback conversation with Cam Coach"))
            #expect(!page.body.contains("Draft: try cold calling"))
        }
    }
}
