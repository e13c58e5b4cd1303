import Foundation
import TrellisCore
import TrellisStore

/// A person's choice, per kind of notification, of how it reaches them (in Trellis only, by email, in the weekly
/// digest), and the one-click link in every email that turns that kind's emails off without signing in.
public struct NotificationPreferenceService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    /// One line of the preferences page.
    public struct Choice: Sendable, Hashable {
        public let kind: String
        public let label: String
        public let channel: NotificationChannel
    }

    /// Every kind with the person's channel for it, and whether the weekly digest is on.
    public func choices(_ actor: Actor) async throws -> (kinds: [Choice], weeklyDigest: Bool) {
        try mine(actor, .read)
        let preferences = try await env.scope(actor).notificationPreferences.preferences(of: actor.personID)
        let kinds = PersonNotification.Kind.allCases.map { kind in
            Choice(kind: kind.rawValue, label: NotificationKindNames.label(kind), channel: preferences.channel(for: kind))
        }
        return (kinds, preferences.wantsWeeklyDigest(isCoach: actor.has(.coach)))
    }

    /// Saves the page: `channels` by kind as the form sent them ("in_app", "email", "digest"). A value that is none of
    /// these is a message at its field; nothing is saved then.
    public func update(_ actor: Actor, channels: [String: String], weeklyDigest: Bool) async throws {
        try mine(actor, .update)
        var errors = FieldErrors()
        var parsed: [(String, NotificationChannel)] = []
        for kind in PersonNotification.Kind.allCases {
            guard let text = channels[kind.rawValue] else { continue }
            guard let channel = NotificationChannel(rawValue: text) else {
                errors[kind.rawValue] = "Choose in Trellis only, email at once or the weekly digest."
                continue
            }
            parsed.append((kind.rawValue, channel))
        }
        try errors.throwIfAny()
        try await env.database.transaction { [parsed] tx in
            let store = OrganizationScope(tx, organizationID: actor.organizationID).notificationPreferences
            for (kind, channel) in parsed { try await store.set(channel, for: kind, of: actor.personID) }
            try await store.set(weeklyDigest ? .email : .inApp, for: NotificationPreferences.weeklyDigestKey, of: actor.personID)
        }
    }

    /// What an email's one-click link is about, or nil when the token opens nothing (then the page is a plain 404).
    public func unsubscribeTarget(token: String) async throws -> String? {
        guard let found = try await EmailPreferenceLinkLookup(env.database).find(token: token) else { return nil }
        return NotificationKindNames.label(found.kind)
    }

    /// Turns off email of the kind the link's email was sent for (RFC 8058's one-click POST); the weekly digest's link
    /// turns the digest off. Returns what was turned off, or nil for a token that opens nothing.
    public func unsubscribe(token: String) async throws -> String? {
        guard let found = try await EmailPreferenceLinkLookup(env.database).find(token: token) else { return nil }
        let store = OrganizationScope(env.database, organizationID: found.organizationID).notificationPreferences
        try await store.set(.inApp, for: found.kind, of: found.personID)
        return NotificationKindNames.label(found.kind)
    }

    private func mine(_ actor: Actor, _ action: Action) throws {
        guard Policy.can(actor, action, .notifications(organizationID: actor.organizationID, personID: actor.personID)) else {
            throw ServiceError.forbidden
        }
    }
}

/// What each kind of notification is called on the preferences page and in an email's footer.
public enum NotificationKindNames {
    static let names: [String: String] = [
        "review_requested": "Someone asks you to review their plan",
        "review_withdrawn": "A review request is withdrawn",
        "plan_returned": "Your plan is returned with comments",
        "plan_signed": "Your plan is signed",
        "plan_verified": "Your plan is verified",
        "verification_refused": "Verification of your plan is refused",
        "signed_plan_waiting": "A signed plan waits for verification",
        "coaching_proposed": "Someone proposes coaching",
        "coaching_answered": "A coaching proposal is answered",
        "coaching_ended": "Coaching ends",
        "coaching_shared": "Your coach shares a note, observation or feedback",
        "coaching_reply": "An educator replies to you",
        "cohort_invited": "You are added to a cohort",
        "trial_joined": "You are added to a tool's trial",
        "plan_stalled": "A plan you support has gone quiet",
        "check_in_nudge": "A nudge to check in on your plan",
        "deadline_reminder": "A deadline is coming",
        NotificationPreferences.weeklyDigestKey: "The weekly digest",
    ]

    public static func label(_ kind: PersonNotification.Kind) -> String { label(kind.rawValue) }

    public static func label(_ kind: String) -> String {
        names[kind] ?? kind.replacingOccurrences(of: "_", with: " ").capitalized
    }
}
