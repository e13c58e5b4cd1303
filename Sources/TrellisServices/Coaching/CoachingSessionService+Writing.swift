import Foundation
import TrellisCore
import TrellisStore

/// How the session service writes: a save that refuses a stale version, an addition that is never lost to a change in
/// between, and notifications that say what was shared, never its words.
extension CoachingSessionService {
    /// Saves the session as changed from `version`; a change in between is a conflict for the person to look at.
    func save(_ actor: Actor, _ session: CoachingSession, expecting version: Int) async throws {
        do {
            try await env.scope(actor).coachingSessions.update(session, expecting: version)
        } catch is CoachingSessionStore.Conflict {
            throw ServiceError.conflict(Self.changedElsewhere)
        }
    }

    /// Applies an addition to the newest version of the session and saves it with any notification, in one
    /// transaction. Additions (a note, observation lines) never conflict with each other: on a change in between the
    /// addition is applied again to what is newest, so nothing typed is lost. `announcing` names what became shared
    /// ("a note"), for the educator's notification.
    func change(_ actor: Actor, _ id: CoachingSession.ID, announcing shared: String?,
                _ body: @Sendable (inout CoachingSession) throws -> Void) async throws {
        for _ in 0..<3 {
            let (relationship, stored) = try await find(actor, id, may: .update, .work)
            var session = stored.session
            try body(&session)
            do {
                try await env.database.transaction { [session] tx in
                    let scope = OrganizationScope(tx, organizationID: actor.organizationID)
                    try await scope.coachingSessions.update(session, expecting: stored.version)
                    if let shared { try await announce(scope, shared, of: session, in: relationship.relationship) }
                }
                return
            } catch is CoachingSessionStore.Conflict {
                continue
            }
        }
        throw ServiceError.conflict(Self.changedElsewhere)
    }

    /// Tells the educator that the coach shared something of a session: what kind of thing and when, never its content.
    func announce(_ scope: OrganizationScope, _ what: String, of session: CoachingSession, in relationship: CoachingRelationship) async throws {
        let coach = try await scope.people.names(of: [relationship.coachID])[relationship.coachID] ?? "Your coach"
        try await notify(scope, relationship.educatorID, .coachingShared,
                         "\(coach) shared \(what) from your \(session.kind.shortLabel) on \(session.timing.date.monthAndDay).",
                         link: "/coaching/sessions/\(session.id)")
    }

    func notify(_ scope: OrganizationScope, _ person: Person.ID, _ kind: PersonNotification.Kind, _ message: String, link: String) async throws {
        try await scope.notifications.add(PersonNotification(id: env.ids.make(), organizationID: scope.organizationID, personID: person,
                                                             kind: kind, message: message, link: link, createdAt: env.clock.now()))
    }
}

extension SessionKind {
    /// The kind in a sentence: "observation", "feedback conversation".
    var shortLabel: String {
        switch self {
        case .modeling: "modeled lesson"
        case .coTeaching: "co-taught lesson"
        case .informal: "conversation"
        default: label.lowercased()
        }
    }
}

extension CalendarDate {
    /// "October 14", as a notification says it.
    var monthAndDay: String { "\(Self.monthNames[month - 1]) \(day)" }
}

/// Length checks shared by the coaching forms; the text is kept as typed, trimmed.
enum CoachingText {
    static let lineLimit = 300
    static let longLimit = 8000

    static func line(_ value: String, field: String, into errors: inout FieldErrors) -> String {
        let text = value.trimmingWhitespace()
        if text.count > lineLimit { errors[field] = "Keep this under \(lineLimit) characters; it has \(text.count)." }
        return text
    }

    static func long(_ value: String, field: String, into errors: inout FieldErrors) -> String {
        let text = value.trimmingWhitespace()
        if text.count > longLimit { errors[field] = "Keep this under \(longLimit) characters; it has \(text.count). Split it into two notes." }
        return text
    }
}
