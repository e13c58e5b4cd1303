import Foundation
import SQLKit
import TrellisCore

/// What the weekly digest reads of a district at once: who is active, who coaches, and the notifications of the week.
public struct DigestQueries: Sendable {
    let executor: any SQLExecutor
    public let organizationID: Organization.ID

    public struct Notice: Sendable, Hashable {
        public let personID: Person.ID
        public let kind: String
        public let message: String
        public let link: String
    }

    /// Every notification written from `since` until `until`, oldest first.
    public func notifications(since: Date, until: Date) async throws -> [Notice] {
        struct Row: Decodable, Sendable { let personId: String; let kind: String; let message: String; let link: String }
        return try await executor.all("""
            SELECT person_id, kind, message, link FROM notifications
            WHERE organization_id = \(bind: organizationID.rawValue) AND created_at >= \(bind: since.millisecondsSince1970)
              AND created_at < \(bind: until.millisecondsSince1970)
            ORDER BY created_at, id
            """, as: Row.self).map { Notice(personID: .init($0.personId), kind: $0.kind, message: $0.message, link: $0.link) }
    }

    /// The people who hold the coach role or chose something for the digest: those who may get one.
    public func candidates() async throws -> [Person.ID] {
        struct Row: Decodable, Sendable { let id: String }
        return try await executor.all("""
            SELECT p.id FROM people p WHERE p.organization_id = \(bind: organizationID.rawValue) AND p.is_active = \(bind: true) AND (
                EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = p.id AND r.role = \(bind: Role.coach.rawValue))
                OR EXISTS (SELECT 1 FROM notification_preferences np WHERE np.person_id = p.id
                           AND (np.channel = \(bind: NotificationChannel.digest.rawValue) OR np.kind = \(bind: NotificationPreferences.weeklyDigestKey))))
            ORDER BY p.id
            """, as: Row.self).map { Person.ID($0.id) }
    }
}

extension OrganizationScope {
    public var digests: DigestQueries { DigestQueries(executor: executor, organizationID: organizationID) }
}
