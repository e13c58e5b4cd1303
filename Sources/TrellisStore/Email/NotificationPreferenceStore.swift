import Foundation
import SQLKit
import TrellisCore

/// Each person's choice of how they hear of each notification kind; kinds without a row take the default.
public struct NotificationPreferenceStore: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    public func preferences(of person: Person.ID) async throws -> NotificationPreferences {
        struct Row: Decodable, Sendable { let kind: String; let channel: String }
        var chosen: [String: NotificationChannel] = [:]
        for row in try await executor.all("""
            SELECT kind, channel FROM notification_preferences
            WHERE organization_id = \(bind: organizationID.rawValue) AND person_id = \(bind: person.rawValue)
            """, as: Row.self) {
            if let channel = NotificationChannel(rawValue: row.channel) { chosen[row.kind] = channel }
        }
        return NotificationPreferences(chosen: chosen)
    }

    /// The preferences of several people at once (the weekly digest reads a whole district's).
    public func preferences(of people: [Person.ID]) async throws -> [Person.ID: NotificationPreferences] {
        struct Row: Decodable, Sendable { let personId: String; let kind: String; let channel: String }
        let rows = try await executor.all(over: people.map(\.rawValue), as: Row.self) { chunk in
            "SELECT person_id, kind, channel FROM notification_preferences WHERE organization_id = \(bind: organizationID.rawValue) AND person_id IN (\(binds: chunk))"
        }
        var all: [Person.ID: NotificationPreferences] = [:]
        for row in rows {
            guard let channel = NotificationChannel(rawValue: row.channel) else { continue }
            all[.init(row.personId), default: NotificationPreferences()].set(channel, for: row.kind)
        }
        return all
    }

    public func set(_ channel: NotificationChannel, for kind: String, of person: Person.ID) async throws {
        try await executor.execute("""
            INSERT INTO notification_preferences (organization_id, person_id, kind, channel)
            VALUES (\(bind: organizationID.rawValue), \(bind: person.rawValue), \(bind: kind), \(bind: channel.rawValue))
            ON CONFLICT (person_id, kind) DO UPDATE SET channel = excluded.channel
            """)
    }
}

/// The one-click link of an email (its token), found before the district is known: which person and which kind it was
/// sent for. Answers nothing else.
public struct EmailPreferenceLinkLookup: Sendable {
    let executor: any SQLExecutor

    public init(_ executor: any SQLExecutor) {
        self.executor = executor
    }

    public struct Found: Sendable, Hashable {
        public let organizationID: Organization.ID
        public let personID: Person.ID
        public let kind: String
    }

    public func find(token: String) async throws -> Found? {
        struct Row: Decodable, Sendable { let organizationId: String; let personId: String; let kind: String }
        return try await executor.first("""
            SELECT organization_id, person_id, kind FROM email_outbox WHERE preferences_token_hash = \(bind: EmailOutboxStore.hash(token))
            """, as: Row.self).map { Found(organizationID: .init($0.organizationId), personID: .init($0.personId), kind: $0.kind) }
    }
}

extension OrganizationScope {
    public var notificationPreferences: NotificationPreferenceStore {
        NotificationPreferenceStore(executor: executor, organizationID: organizationID)
    }
}
