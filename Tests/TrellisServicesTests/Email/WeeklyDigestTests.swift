import Foundation
import Testing
import TestSupport
import TrellisCore
@testable import TrellisServices
@testable import TrellisStore

@Suite struct WeeklyDigestTests {
    @Test func digestNotificationsGoIntoOneWeeklyEmailPerPersonAndWeek() async throws {
        try await TestDatabase.with { database in
            // setup: the teacher reads signed-plan notices weekly; one arrives
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, teacher = districts.north.educator
            let scope = OrganizationScope(database, organizationID: teacher.organizationID)
            try await NotificationPreferenceService(env).update(Actor(teacher), channels: ["plan_signed": "digest"], weeklyDigest: true)
            try await scope.notifications.add(PersonNotification(
                id: .init("s1"), organizationID: teacher.organizationID, personID: teacher.id, kind: .planSigned,
                message: "Your 2026–27 plan is signed.", link: "/plans", createdAt: env.clock.now()))
            #expect(try await scope.outbox.messages(for: teacher.id).isEmpty, "a digest kind sends no email of its own")
            districts.clock.advance(by: 3600)
            // run: the digest built twice in the same week
            let service = WeeklyDigestService(env)
            let first = try await service.build(teacher.organizationID)
            districts.clock.advance(by: 3600)
            let second = try await service.build(teacher.organizationID)
            // check: one email with the notice, linking to its page; the coach (empty caseload) and others get none
            #expect(first == 1 && second == 0)
            let digests = try await scope.outbox.messages(for: teacher.id)
            #expect(digests.count == 1)
            let digest = try #require(digests.first)
            #expect(digest.kind == "weekly_digest")
            #expect(digest.message.subject.hasPrefix("Your Trellis week of November 16, 2026"))
            #expect(digest.message.textBody.contains("Your 2026–27 plan is signed.: http://127.0.0.1:8080/plans"))
            #expect(try await scope.outbox.messages(for: districts.north.coach.id).isEmpty)
        }
    }

    @Test func aCoachsDigestNamesWhoHasGoneQuietAndTheWeeksSessions() async throws {
        try await TestDatabase.with { database in
            // setup: a relationship begun long ago with no contact since, and a session later this week
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north
            let relationship = try await CaseloadFixtures.relationship(database, coach: north.coach, educator: north.educator,
                                                                       startedAt: env.clock.now().addingTimeInterval(-90 * 86400))
            try await CaseloadFixtures.session(database, relationship, on: "2026-11-19", at: "15:30", kind: .observation, school: north.school.id)
            // run
            #expect(try await WeeklyDigestService(env).build(north.organization.id) == 1)
            // check
            let digest = try #require(try await OrganizationScope(database, organizationID: north.organization.id).outbox
                .messages(for: north.coach.id).first)
            #expect(digest.message.textBody.contains("Who needs follow-up"))
            #expect(digest.message.textBody.contains(north.educator.displayName))
            #expect(digest.message.textBody.contains("Observation with \(north.educator.displayName), November 19, 2026 at 3:30 pm"))
            #expect(digest.message.htmlBody.contains("<strong>Sessions this week</strong>"))
        }
    }
}
