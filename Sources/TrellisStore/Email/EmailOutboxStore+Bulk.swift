import Foundation
import SQLKit
import TrellisCore

extension EmailOutboxStore {
    /// `enqueue(for:)` for many notifications written together (a day's reminders to a district): the people and their
    /// choices read in one query, the emails written a hundred per statement.
    func enqueue(forAll notifications: [PersonNotification]) async throws {
        guard !notifications.isEmpty else { return }
        struct Row: Decodable, Sendable { let id: String; let email: String; let displayName: String; let isActive: Bool }
        struct Choice: Decodable, Sendable { let personId: String; let kind: String; let channel: String }
        let ids = Array(Set(notifications.map(\.personID.rawValue)))
        var people: [String: Row] = [:]
        for row in try await executor.all(over: ids, as: Row.self, { chunk in
            "SELECT id, email, display_name, is_active FROM people WHERE organization_id = \(bind: organizationID.rawValue) AND id IN (\(binds: chunk))"
        }) { people[row.id] = row }
        var chosen: [String: NotificationChannel] = [:]
        for row in try await executor.all(over: ids, as: Choice.self, { chunk in
            "SELECT person_id, kind, channel FROM notification_preferences WHERE organization_id = \(bind: organizationID.rawValue) AND person_id IN (\(binds: chunk))"
        }) { chosen["\(row.personId) \(row.kind)"] = NotificationChannel(rawValue: row.channel) }

        let links = EmailLinks(siteAddress: executor.siteAddress)
        var rows: [SQLQueryString] = []
        for notification in notifications {
            guard let person = people[notification.personID.rawValue], person.isActive, let address = EmailAddress(person.email),
                  (chosen["\(person.id) \(notification.kind.rawValue)"] ?? NotificationPreferences.standard(for: notification.kind.rawValue)) == .email
            else { continue }
            let token = Self.newToken()
            let message = NotificationEmail.compose(notification, to: address, name: person.displayName, links: links, unsubscribeToken: token)
            let headers = String(decoding: try JSONEncoder().encode(message.headers), as: UTF8.self)
            let at = notification.createdAt.millisecondsSince1970
            rows.append("""
                (\(bind: "n-\(notification.id)"), \(bind: organizationID.rawValue), \(bind: person.id), \(bind: "notification:\(notification.id)"),
                 \(bind: notification.kind.rawValue), \(bind: address.value), \(bind: person.displayName), \(bind: message.subject),
                 \(bind: message.textBody), \(bind: message.htmlBody), \(bind: headers), \(bind: Self.hash(token)), \(bind: at), 0, \(bind: at))
                """)
        }
        for start in stride(from: 0, to: rows.count, by: 100) {
            try await executor.execute("""
                INSERT INTO email_outbox (id, organization_id, person_id, unique_key, kind, recipient, recipient_name, subject, text_body,
                                          html_body, headers, preferences_token_hash, created_at, attempts, next_attempt_at)
                VALUES \(SQLList(Array(rows[start..<min(start + 100, rows.count)])))
                ON CONFLICT (unique_key) DO NOTHING
                """)
        }
    }
}
