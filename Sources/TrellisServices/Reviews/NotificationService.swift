import Foundation
import TrellisCore
import TrellisStore

/// A person's own notifications: the list, the unread count the navigation shows, and marking them read.
public struct NotificationService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    private func mine(_ actor: Actor, _ action: Action) throws {
        guard Policy.can(actor, action, .notifications(organizationID: actor.organizationID, personID: actor.personID)) else {
            throw ServiceError.forbidden
        }
    }

    public func recent(_ actor: Actor) async throws -> [PersonNotification] {
        try mine(actor, .read)
        return try await env.scope(actor).notifications.recent(for: actor.personID)
    }

    public func unreadCount(_ actor: Actor) async throws -> Int {
        try mine(actor, .read)
        return try await env.scope(actor).notifications.unreadCount(for: actor.personID)
    }

    /// Marks one notification read and returns where it leads, or all of them when `id` is nil.
    @discardableResult
    public func markRead(_ actor: Actor, _ id: PersonNotification.ID? = nil) async throws -> String? {
        try mine(actor, .update)
        let store = env.scope(actor).notifications
        try await store.markRead(for: actor.personID, id: id, at: env.clock.now())
        guard let id else { return nil }
        return try await store.recent(for: actor.personID, limit: 200).first { $0.id == id }?.link
    }
}
