import Crypto
import Foundation
import SQLKit
import TrellisCore

/// One district's emails waiting in the outbox or sent: what the notification store writes beside each notification,
/// what the weekly digest adds, and what a person's own list shows.
public struct EmailOutboxStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    /// An email of the outbox as its district sees it.
    public struct Entry: Sendable, Hashable {
        public let id: String
        public let personID: Person.ID
        public let kind: String
        public let uniqueKey: String
        public let message: EmailMessage
        public let createdAt: Date
        public let attempts: Int
        public let sentAt: Date?
        public let lastError: String?
    }

    /// Writes the email of `notification` when its person takes that kind by email, in the transaction the notification
    /// is written in (the caller's). Nothing for a deactivated person, or one who chose in-app or the digest.
    func enqueue(for notification: PersonNotification) async throws {
        struct Row: Decodable, Sendable { let email: String; let displayName: String; let isActive: Bool; let channel: String? }
        guard let row = try await executor.first("""
            SELECT p.email, p.display_name, p.is_active, np.channel FROM people p
            LEFT JOIN notification_preferences np ON np.person_id = p.id AND np.kind = \(bind: notification.kind.rawValue)
            WHERE p.organization_id = \(bind: organizationID.rawValue) AND p.id = \(bind: notification.personID.rawValue)
            """, as: Row.self), row.isActive, let address = EmailAddress(row.email) else { return }
        let channel = row.channel.flatMap(NotificationChannel.init(rawValue:)) ?? NotificationPreferences.standard(for: notification.kind.rawValue)
        guard channel == .email else { return }
        let token = Self.newToken()
        let message = NotificationEmail.compose(notification, to: address, name: row.displayName,
                                                links: EmailLinks(siteAddress: executor.siteAddress), unsubscribeToken: token)
        try await add(message, id: "n-\(notification.id)", person: notification.personID, kind: notification.kind.rawValue,
                      uniqueKey: "notification:\(notification.id)", token: token, at: notification.createdAt)
    }

    /// Puts `message` in the outbox, due at once. False when an email with the same `uniqueKey` is there already (then
    /// nothing changes), so the same notice or digest is never written twice.
    @discardableResult
    public func add(_ message: EmailMessage, id: String, person: Person.ID, kind: String, uniqueKey: String, token: String,
                    at date: Date) async throws -> Bool {
        struct Inserted: Decodable, Sendable { let id: String }
        let headers = String(decoding: try JSONEncoder().encode(message.headers), as: UTF8.self)
        return try await executor.first("""
            INSERT INTO email_outbox (id, organization_id, person_id, unique_key, kind, recipient, recipient_name, subject, text_body,
                                      html_body, headers, preferences_token_hash, created_at, attempts, next_attempt_at)
            VALUES (\(bind: id), \(bind: organizationID.rawValue), \(bind: person.rawValue), \(bind: uniqueKey), \(bind: kind),
                    \(bind: message.recipient.value), \(bind: message.recipientName), \(bind: message.subject), \(bind: message.textBody),
                    \(bind: message.htmlBody), \(bind: headers), \(bind: Self.hash(token)), \(bind: date.millisecondsSince1970), 0,
                    \(bind: date.millisecondsSince1970))
            ON CONFLICT (unique_key) DO NOTHING
            RETURNING id
            """, as: Inserted.self) != nil
    }

    /// A person's emails, newest first.
    public func messages(for person: Person.ID, limit: Int = 50) async throws -> [Entry] {
        try await executor.all("""
            SELECT \(OutboxRow.columns) FROM email_outbox
            WHERE organization_id = \(bind: organizationID.rawValue) AND person_id = \(bind: person.rawValue)
            ORDER BY created_at DESC, id DESC LIMIT \(literal: limit)
            """, as: OutboxRow.self).compactMap { $0.entry(organizationID) }
    }

    /// 32 random bytes, URL-safe: the key of an email's one-click preferences link.
    public static func newToken() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ token: String) -> String { SHA256.hex(of: Data(token.utf8)) }
}

/// Rows of `email_outbox`, shared by the district's list and the delivery queue.
struct OutboxRow: Decodable, Sendable {
    let id: String
    let organizationId: String
    let personId: String
    let uniqueKey: String
    let kind: String
    let recipient: String
    let recipientName: String
    let subject: String
    let textBody: String
    let htmlBody: String
    let headers: String
    let createdAt: Int64
    let attempts: Int
    let sentAt: Int64?
    let lastError: String?

    static let columns: SQLQueryString = """
        id, organization_id, person_id, unique_key, kind, recipient, recipient_name, subject, text_body, html_body, headers, created_at,
        attempts, sent_at, last_error
        """

    var message: EmailMessage? {
        guard let address = EmailAddress(recipient) else { return nil }
        let extra = (try? JSONDecoder().decode([EmailMessage.Header].self, from: Data(headers.utf8))) ?? []
        return EmailMessage(recipient: address, recipientName: recipientName, subject: subject, textBody: textBody, htmlBody: htmlBody,
                            headers: extra)
    }

    func entry(_ organization: Organization.ID) -> EmailOutboxStore.Entry? {
        guard organizationId == organization.rawValue, let message else { return nil }
        return .init(id: id, personID: .init(personId), kind: kind, uniqueKey: uniqueKey, message: message,
                     createdAt: Date(millisecondsSince1970: createdAt), attempts: attempts,
                     sentAt: sentAt.map(Date.init(millisecondsSince1970:)), lastError: lastError)
    }
}

extension OrganizationScope {
    public var outbox: EmailOutboxStore { EmailOutboxStore(executor: executor, organizationID: organizationID) }
}
