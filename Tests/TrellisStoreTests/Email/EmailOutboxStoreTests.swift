import Foundation
import SQLKit
import Testing
import TestSupport
import TrellisCore
@testable import TrellisStore

@Suite struct EmailOutboxStoreTests {
    static func notice(_ id: String, _ kind: PersonNotification.Kind, for person: Person, at date: Date) -> PersonNotification {
        PersonNotification(id: .init(id), organizationID: person.organizationID, personID: person.id, kind: kind,
                           message: "Reflection by June 1: write your reflection on each goal.", link: "/plans/x/reflection", createdAt: date)
    }

    struct Failure: Error {}

    @Test func theEmailIsWrittenWithItsNotificationOrNotAtAll() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let teacher = districts.north.educator, now = districts.clock.now()
            let scope = OrganizationScope(database, organizationID: teacher.organizationID)
            // run: a reminder (email by default), a review request (in Trellis by default), and a reminder whose
            // transaction fails after it was written
            try await scope.notifications.add(Self.notice("r1", .deadlineReminder, for: teacher, at: now))
            try await scope.notifications.add(Self.notice("q1", .reviewRequested, for: teacher, at: now))
            await #expect(throws: Failure.self) {
                try await database.transaction { tx in
                    try await OrganizationScope(tx, organizationID: teacher.organizationID).notifications
                        .add(Self.notice("r2", .deadlineReminder, for: teacher, at: now))
                    throw Failure()
                }
            }
            // check: one email, for the reminder, to the teacher, linking to its page from the site address
            let emails = try await scope.outbox.messages(for: teacher.id)
            #expect(emails.map(\.uniqueKey) == ["notification:r1"])
            let email = try #require(emails.first)
            #expect(email.message.recipient == teacher.email)
            #expect(email.message.textBody.contains("http://127.0.0.1:8080/plans/x/reflection"))
            #expect(email.message.header("List-Unsubscribe")?.contains("/email/unsubscribe/") == true)
            #expect(email.sentAt == nil && email.attempts == 0)
            #expect(try await scope.notifications.recent(for: teacher.id).map(\.id.rawValue).sorted() == ["q1", "r1"])
            // The token in the email opens its preference, and only its hash is stored.
            let token = try #require(email.message.header("List-Unsubscribe")?.split(separator: "/").last?.dropLast())
            let found = try await EmailPreferenceLinkLookup(database).find(token: String(token))
            #expect(found == .init(organizationID: teacher.organizationID, personID: teacher.id, kind: "deadline_reminder"))
            #expect(try await database.scalar("SELECT COUNT(*) FROM email_outbox WHERE preferences_token_hash = \(bind: String(token))") == 0)
        }
    }

    @Test func aPersonsChoiceDecidesAndBulkNotificationsFollowItToo() async throws {
        try await TestDatabase.with { database in
            // setup: the teacher takes reminders in Trellis only; the coach chose email for reviews
            let districts = try await TestDistricts.make(database)
            let north = districts.north, now = districts.clock.now()
            let scope = OrganizationScope(database, organizationID: north.organization.id)
            try await scope.notificationPreferences.set(.inApp, for: "deadline_reminder", of: north.educator.id)
            try await scope.notificationPreferences.set(.email, for: "review_requested", of: north.coach.id)
            // run: a day's notifications written at once
            try await scope.notifications.addAll([
                Self.notice("b1", .deadlineReminder, for: north.educator, at: now),
                Self.notice("b2", .deadlineReminder, for: north.colleague, at: now),
                Self.notice("b3", .reviewRequested, for: north.coach, at: now),
                Self.notice("b4", .planSigned, for: north.coach, at: now),
            ])
            // check
            #expect(try await scope.outbox.messages(for: north.educator.id).isEmpty)
            #expect(try await scope.outbox.messages(for: north.colleague.id).map(\.uniqueKey) == ["notification:b2"])
            #expect(try await scope.outbox.messages(for: north.coach.id).map(\.uniqueKey) == ["notification:b3"])
            #expect(try await scope.notificationPreferences.preferences(of: north.educator.id).channel(for: .deadlineReminder) == .inApp)
        }
    }
}
