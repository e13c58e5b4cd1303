import Foundation
import SQLKit
import Testing
import TestSupport
import TrellisCore
@testable import TrellisStore

@Suite struct NotificationStoreTests {
    static func notice(_ id: String, for person: Person, at date: Date) -> PersonNotification {
        PersonNotification(id: .init(id), organizationID: person.organizationID, personID: person.id, kind: .reviewRequested,
                           message: "Please review", link: "/reviews", createdAt: date)
    }

    @Test func theUnreadCountIsReusedUntilThisProcessWritesANotification() async throws {
        // A long lifetime: on a loaded machine two seconds can pass between two reads, and the kept count would run out.
        try await TestDatabase.with(recentReads: .seconds(60)) { database in
            // setup: the count read once; then another instance adds a row behind this one's back
            let districts = try await TestDistricts.make(database)
            let teacher = districts.north.educator, now = districts.clock.now()
            let store = OrganizationScope(database, organizationID: teacher.organizationID).notifications
            #expect(try await store.unreadCount(for: teacher.id) == 0)
            try await database.execute("""
                INSERT INTO notifications (id, organization_id, person_id, kind, message, link, created_at)
                VALUES ('elsewhere', \(bind: teacher.organizationID.rawValue), \(bind: teacher.id.rawValue), 'plan_signed', 'x', '/', 0)
                """)
            // run + check: the kept count answers (no query) until a write here forgets it
            #expect(try await store.unreadCount(for: teacher.id) == 0)
            try await database.transaction { tx in
                try await OrganizationScope(tx, organizationID: teacher.organizationID).notifications.add(Self.notice("here", for: teacher, at: now))
            }
            #expect(try await store.unreadCount(for: teacher.id) == 2)
            try await store.markRead(for: teacher.id, id: .init("here"), at: now)
            #expect(try await store.unreadCount(for: teacher.id) == 1)
            try await store.markRead(for: teacher.id, at: now)
            #expect(try await store.unreadCount(for: teacher.id) == 0)
        }
    }
}
