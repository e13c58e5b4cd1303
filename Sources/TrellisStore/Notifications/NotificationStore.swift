import Foundation
import SQLKit
import TrellisCore

/// The in-app notifications of one district's people.
///
/// The unread count is shown on every signed-in page, so it is kept in `RecentReads` like a person's account:
/// adding or reading a notification forgets the person's count at once.
public struct NotificationStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    private struct Row: Decodable, Sendable {
        let id: String
        let personId: String
        let kind: String
        let message: String
        let link: String
        let createdAt: Int64
        let readAt: Int64?
    }

    /// Adds the notification and, in the same transaction, its email when the person takes this kind by email
    /// (`EmailOutboxStore`): a notification is never written without the email it should bring, nor the other way round.
    public func add(_ notification: PersonNotification) async throws {
        precondition(notification.organizationID == organizationID, "a notification is kept in its own district")
        defer { executor.forgetRecent(unreadKey(notification.personID)) }
        try await executor.atomically { tx in
            try await NotificationStore(executor: tx, organizationID: organizationID).insert(notification)
            try await EmailOutboxStore(executor: tx, organizationID: organizationID).enqueue(for: notification)
            tx.noteDistrictChange(DistrictChanges.notifications(organizationID.rawValue))
        }
    }

    private func insert(_ notification: PersonNotification) async throws {
        try await executor.execute("""
            INSERT INTO notifications (id, organization_id, person_id, kind, message, link, created_at, read_at)
            VALUES (\(bind: notification.id.rawValue), \(bind: organizationID.rawValue), \(bind: notification.personID.rawValue),
                    \(bind: notification.kind.rawValue), \(bind: notification.message), \(bind: notification.link),
                    \(bind: notification.createdAt.millisecondsSince1970), \(bind: notification.readAt?.millisecondsSince1970))
            """)
    }

    /// Adds many at once (a day's reminders to a whole district), a hundred rows per statement.
    public func addAll(_ notifications: [PersonNotification]) async throws {
        for start in stride(from: 0, to: notifications.count, by: 100) {
            let chunk = notifications[start..<min(start + 100, notifications.count)]
            precondition(chunk.allSatisfy { $0.organizationID == organizationID }, "a notification is kept in its own district")
            defer { for notification in chunk { executor.forgetRecent(unreadKey(notification.personID)) } }
            let rows = SQLList(chunk.map { n in SQLQueryString("""
                (\(bind: n.id.rawValue), \(bind: organizationID.rawValue), \(bind: n.personID.rawValue), \(bind: n.kind.rawValue),
                 \(bind: n.message), \(bind: n.link), \(bind: n.createdAt.millisecondsSince1970), \(bind: n.readAt?.millisecondsSince1970))
                """) })
            // Each chunk with its emails, in one transaction (or the caller's).
            try await executor.atomically { tx in
                try await tx.execute("""
                    INSERT INTO notifications (id, organization_id, person_id, kind, message, link, created_at, read_at) VALUES \(rows)
                    """)
                try await EmailOutboxStore(executor: tx, organizationID: organizationID).enqueue(forAll: Array(chunk))
                tx.noteDistrictChange(DistrictChanges.notifications(organizationID.rawValue))
            }
        }
    }

    /// A person's newest notifications first.
    public func recent(for person: Person.ID, limit: Int = 50) async throws -> [PersonNotification] {
        try await executor.all("""
            SELECT id, person_id, kind, message, link, created_at, read_at FROM notifications
            WHERE organization_id = \(bind: organizationID.rawValue) AND person_id = \(bind: person.rawValue)
            ORDER BY created_at DESC, id DESC LIMIT \(literal: limit)
            """, as: Row.self).compactMap { row in
            guard let kind = PersonNotification.Kind(rawValue: row.kind) else { return nil }
            return PersonNotification(id: .init(row.id), organizationID: organizationID, personID: .init(row.personId), kind: kind,
                                message: row.message, link: row.link, createdAt: Date(millisecondsSince1970: row.createdAt),
                                readAt: row.readAt.map(Date.init(millisecondsSince1970:)))
        }
    }

    /// How many of the person's notifications are unread: every page shows it, so it is kept while the district's
    /// notifications mark stays (`DistrictChanges.notifications`), and forgotten here by each write of the person's.
    public func unreadCount(for person: Person.ID) async throws -> Int {
        try await executor.reusing(unreadKey(person), unchangedIn: DistrictChanges.notifications(organizationID.rawValue)) {
            try await executor.scalar("""
                SELECT COUNT(*) FROM notifications
                WHERE organization_id = \(bind: organizationID.rawValue) AND person_id = \(bind: person.rawValue) AND read_at IS NULL
                """)
        }
    }

    /// Where `unreadCount` keeps what it read; `add` and `markRead` forget it.
    private func unreadKey(_ person: Person.ID) -> String { "unread-notifications:\(organizationID)/\(person)" }

    /// Marks one of the person's notifications read (or all, when `id` is nil); another person's is left alone.
    public func markRead(for person: Person.ID, id: PersonNotification.ID? = nil, at date: Date) async throws {
        defer {
            executor.forgetRecent(unreadKey(person))
            executor.noteDistrictChange(DistrictChanges.notifications(organizationID.rawValue))
        }
        let one: SQLQueryString = id.map { "AND id = \(bind: $0.rawValue)" } ?? ""
        try await executor.execute("""
            UPDATE notifications SET read_at = \(bind: date.millisecondsSince1970)
            WHERE organization_id = \(bind: organizationID.rawValue) AND person_id = \(bind: person.rawValue) AND read_at IS NULL \(one)
            """)
    }
}

extension OrganizationScope {
    public var notifications: NotificationStore { NotificationStore(executor: executor, organizationID: organizationID) }
}
