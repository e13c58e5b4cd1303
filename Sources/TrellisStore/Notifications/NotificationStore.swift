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

    public func add(_ notification: PersonNotification) async throws {
        precondition(notification.organizationID == organizationID, "a notification is kept in its own district")
        defer { executor.forgetRecent(unreadKey(notification.personID)) }
        try await executor.execute("""
            INSERT INTO notifications (id, organization_id, person_id, kind, message, link, created_at, read_at)
            VALUES (\(bind: notification.id.rawValue), \(bind: organizationID.rawValue), \(bind: notification.personID.rawValue),
                    \(bind: notification.kind.rawValue), \(bind: notification.message), \(bind: notification.link),
                    \(bind: notification.createdAt.millisecondsSince1970), \(bind: notification.readAt?.millisecondsSince1970))
            """)
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

    public func unreadCount(for person: Person.ID) async throws -> Int {
        let recent = executor.readsToReuse
        if let known = recent?.value(unreadKey(person), as: Int.self) { return known }
        // Taken before the query: a notification added while it runs must not leave the older count kept.
        let ticket = recent?.ticket()
        let count = try await executor.scalar("""
            SELECT COUNT(*) FROM notifications
            WHERE organization_id = \(bind: organizationID.rawValue) AND person_id = \(bind: person.rawValue) AND read_at IS NULL
            """)
        if let ticket { recent?.keep(count, unreadKey(person), readSince: ticket) }
        return count
    }

    /// Where `unreadCount` keeps what it read; `add` and `markRead` forget it.
    private func unreadKey(_ person: Person.ID) -> String { "unread-notifications:\(organizationID)/\(person)" }

    /// Marks one of the person's notifications read (or all, when `id` is nil); another person's is left alone.
    public func markRead(for person: Person.ID, id: PersonNotification.ID? = nil, at date: Date) async throws {
        defer { executor.forgetRecent(unreadKey(person)) }
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
