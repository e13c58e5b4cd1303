/// How a person hears of one kind of notification: only in their list in Trellis, also by email at once, or gathered
/// into the weekly digest email. Each person chooses per kind; `NotificationPreferences` holds the choices.
public enum NotificationChannel: String, Sendable, Hashable, Codable, CaseIterable {
    case inApp = "in_app"
    case email
    case digest

    /// The name shown on the preferences page.
    public var label: String {
        switch self {
        case .inApp: "In Trellis only"
        case .email: "Email at once"
        case .digest: "Weekly digest"
        }
    }
}

/// One person's choices, per notification kind (by its stored name, so kinds added later need no change here), with
/// the defaults for kinds they never chose: the follow-through notices (a plan gone quiet, a deadline coming) reach
/// people by email, everything else stays in Trellis until they ask for more.
public struct NotificationPreferences: Sendable, Hashable {
    /// The kinds whose notices are emailed unless the person chose otherwise: a stalled plan (the coach's notice and the
    /// educator's nudge) and deadline reminders.
    public static let emailedByDefault: Set<String> = [
        PersonNotification.Kind.planStalled.rawValue, PersonNotification.Kind.checkInNudge.rawValue,
        PersonNotification.Kind.deadlineReminder.rawValue,
    ]

    /// The key under which the weekly digest itself is switched on (`.email`) or off (`.inApp`).
    public static let weeklyDigestKey = "weekly_digest"

    public private(set) var chosen: [String: NotificationChannel]

    public init(chosen: [String: NotificationChannel] = [:]) {
        self.chosen = chosen
    }

    /// What a kind nobody chose for goes to.
    public static func standard(for kind: String) -> NotificationChannel {
        emailedByDefault.contains(kind) ? .email : .inApp
    }

    public func channel(for kind: String) -> NotificationChannel {
        chosen[kind] ?? Self.standard(for: kind)
    }

    public func channel(for kind: PersonNotification.Kind) -> NotificationChannel { channel(for: kind.rawValue) }

    /// Whether the weekly digest is sent: on by default for coaches (it is their follow-up list), and for anyone who
    /// sends some kind to it.
    public func wantsWeeklyDigest(isCoach: Bool) -> Bool {
        switch chosen[Self.weeklyDigestKey] {
        case .inApp?: false
        case .email?, .digest?: true
        case nil: isCoach || chosen.values.contains(.digest)
        }
    }

    public mutating func set(_ channel: NotificationChannel, for kind: String) {
        chosen[kind] = channel
    }
}
