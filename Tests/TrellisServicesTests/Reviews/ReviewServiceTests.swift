import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

@Suite struct ReviewServiceTests {
    @Test func aPlanIsSubmittedReturnedResubmittedAndSignedByAColleague() async throws {
        try await TestDatabase.with { database in
            // setup: a ready plan and a certificated principal in the district
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north
            let reviews = ReviewService(env), plans = PlanService(env, vault: nil)
            let teacher = Actor(north.educator), principal = Actor(north.leader)
            let plan = try await ReadyPlans.readyForReview(database, owner: north.educator, at: env.clock.now())
            try await ReadyPlans.certify(database, north.leader)
            // run: ask for review
            #expect(try await reviews.eligibleReviewers(teacher).map(\.person.id) == [north.leader.id])
            let first = try await reviews.request(teacher, plan.id, expecting: 1, reviewer: .member(north.leader.id)).request
            // check: in review, locked, the reviewer is told
            #expect(try await plans.load(teacher, plan.id).plan.status == .inReview)
            await #expect(throws: ServiceError.conflict("This plan is in review and can no longer be changed.")) {
                try await plans.saveGoal(teacher, plan.id, goalID: nil, { var form = GoalForm(); form.statement = "Another goal"; return form }())
            }
            #expect(try await reviews.waiting(principal).map(\.id) == [first.id])
            #expect(try await NotificationService(env).unreadCount(principal) == 1)
            // run: the reviewer returns it with a comment on the goal
            let goalID = plan.goals[0].id
            let opened = try await reviews.open(.member(principal, first.id))
            #expect(opened.plan.goals[0].statement.hasSuffix("📈"))
            await #expect(throws: FieldErrors("note", "Write what the educator should change; they will see it next to their plan.")) {
                try await reviews.returnPlan(.member(principal, first.id), .init(version: opened.version, comments: [:], note: " "))
            }
            try await reviews.returnPlan(.member(principal, first.id),
                                         .init(version: opened.version, comments: [goalID: "Say how you will measure it"], note: "Add a measure"))
            #expect(try await plans.load(teacher, plan.id).plan.status == .returned)
            // the owner revises and resubmits; the reviewer sees what changed and the earlier comment
            var goal = GoalForm(plan.goals[0])
            goal.measure = "Exit tickets scored with a 3-point rubric"
            _ = try await plans.saveGoal(teacher, plan.id, goalID: goalID, goal)
            let second = try await reviews.request(teacher, plan.id, expecting: nil, reviewer: .member(north.leader.id)).request
            #expect(second.submission == 2)
            let again = try await reviews.open(.member(principal, second.id))
            #expect(again.previous?.comments(on: goalID).map(\.text) == ["Say how you will measure it"])
            #expect(again.changes?.changes.map(\.part).contains("Goal 1: measure") == true)
            // run: sign, refusing a bad certificate and a missing attestation first
            await #expect(throws: FieldErrors.self) {
                try await reviews.sign(.member(principal, second.id), .init(name: "Nguyễn Thị Hồng", certificateNumber: "12-AB", attests: false),
                                       version: again.version)
            }
            let signature = try await reviews.sign(.member(principal, second.id),
                                                   .init(name: "Nguyễn Thị Hồng", certificateNumber: "412 345f", attests: true), version: again.version)
            // check: signed, the snapshot is what was submitted, the hash checks out, a second signature is refused
            #expect(signature.certificateNumber == "412345F")
            #expect(try await plans.load(teacher, plan.id).plan.status == .signed)
            #expect(try signature.snapshot.plan().goals[0].measure == "Exit tickets scored with a 3-point rubric")
            #expect(try await reviews.checkSignatures(teacher, plan.id).map(\.isIntact) == [true])
            await #expect(throws: ServiceError.notFound) {
                try await reviews.sign(.member(principal, second.id), .init(name: "N", certificateNumber: "412345", attests: true), version: again.version)
            }
            let events = try await OrganizationScope(database, organizationID: north.organization.id).audit.recent().map(\.kind)
            #expect(events.filter { $0 == .reviewRequested }.count == 2)
            #expect(events.contains(.planReturned) && events.contains(.planSigned))
            #expect(try await NotificationService(env).recent(Actor(north.admin)).map(\.kind) == [.signedPlanWaiting])
        }
    }

    @Test func tamperingWithAStoredSnapshotIsDetected() async throws {
        try await TestDatabase.with { database in
            // setup: a signed plan
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north
            let reviews = ReviewService(env)
            let plan = try await ReadyPlans.readyForReview(database, owner: north.educator, at: env.clock.now())
            try await ReadyPlans.certify(database, north.leader)
            let request = try await reviews.request(Actor(north.educator), plan.id, expecting: nil, reviewer: .member(north.leader.id)).request
            let key = ReviewService.ReviewerKey.member(Actor(north.leader), request.id)
            _ = try await reviews.sign(key, .init(name: "Nguyễn Thị Hồng", certificateNumber: "412345", attests: true),
                                       version: try await reviews.open(key).version)
            // run: someone edits the stored snapshot in the database
            try await database.withSQL { try await $0.raw("UPDATE signatures SET snapshot = REPLACE(snapshot, 'exit tickets', 'worksheets')").run() }
            // check
            #expect(try await reviews.checkSignatures(Actor(north.educator), plan.id).map(\.isIntact) == [false])
        }
    }

    @Test func anOutsideReviewersLinkWorksOnceAndUntilItExpires() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north
            let reviews = ReviewService(env)
            let teacher = Actor(north.educator)
            let plan = try await ReadyPlans.readyForReview(database, owner: north.educator, at: env.clock.now())
            // run: bad input is refused at the fields, then a request to someone outside Trellis
            await #expect(throws: FieldErrors.self) {
                try await reviews.request(teacher, plan.id, expecting: nil, reviewer: .outside(name: "", email: "nope", certificateNumber: "1"))
            }
            let made = try await reviews.request(teacher, plan.id, expecting: nil,
                                                 reviewer: .outside(name: "Dana Peer", email: "dana@peer.example", certificateNumber: "5551234"))
            let token = try #require(made.linkToken)
            // check: the link opens the snapshot; a tampered link opens nothing
            #expect(try await reviews.open(.link(token: token)).ownerName == north.educator.displayName)
            await #expect(throws: ReviewLinkUnusable.unknown) { try await reviews.open(.link(token: token + "x")) }
            // after 14 days it has expired and changes nothing
            districts.clock.advance(by: 15 * 24 * 3600)
            await #expect(throws: ReviewLinkUnusable.expired) {
                try await reviews.sign(.link(token: token), .init(name: "Dana Peer", certificateNumber: "5551234", attests: true), version: 1)
            }
            districts.clock.advance(by: -15 * 24 * 3600)
            // signed through the link, it cannot be used again
            _ = try await reviews.sign(.link(token: token), .init(name: "Dana Peer", certificateNumber: "5551234", attests: true), version: 1)
            await #expect(throws: ReviewLinkUnusable.unknown) { try await reviews.open(.link(token: token)) }
            #expect(try await PlanService(env, vault: nil).load(teacher, plan.id).plan.status == .signed)
        }
    }

    @Test func aRequestNobodyActedOnCanBeWithdrawnAndNobodyReviewsTheirOwnPlan() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north
            let reviews = ReviewService(env)
            let teacher = Actor(north.educator)
            let plan = try await ReadyPlans.readyForReview(database, owner: north.educator, at: env.clock.now())
            try await ReadyPlans.certify(database, north.educator)
            try await ReadyPlans.certify(database, north.leader)
            // check: the owner is not offered as their own reviewer, and cannot name themselves
            #expect(try await reviews.eligibleReviewers(teacher).map(\.person.id) == [north.leader.id])
            await #expect(throws: FieldErrors("reviewer", "Ask a colleague: nobody reviews their own plan.")) {
                try await reviews.request(teacher, plan.id, expecting: nil, reviewer: .member(north.educator.id))
            }
            // a coach the plan is not shared with, and another district's person, cannot ask or read
            let request = try await reviews.request(teacher, plan.id, expecting: nil, reviewer: .member(north.leader.id)).request
            await #expect(throws: ServiceError.notFound) { try await reviews.open(.member(Actor(north.coach), request.id)) }
            await #expect(throws: ServiceError.notFound) { try await reviews.open(.member(Actor(districts.south.leader), request.id)) }
            // run: withdraw
            try await reviews.withdraw(teacher, plan.id)
            // check: active again; the reviewer can no longer open or sign it
            #expect(try await PlanService(env, vault: nil).load(teacher, plan.id).plan.status == .active)
            await #expect(throws: ServiceError.notFound) { try await reviews.open(.member(Actor(north.leader), request.id)) }
            await #expect(throws: ServiceError.conflict("There is no open review request to withdraw.")) { try await reviews.withdraw(teacher, plan.id) }
        }
    }
}
