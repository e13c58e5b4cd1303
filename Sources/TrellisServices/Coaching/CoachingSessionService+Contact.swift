import Foundation
import TrellisCore
import TrellisStore

/// The informal contact: a word in the hallway, an email, a call, logged on one short form because that is the
/// coaching logs usually miss.
extension CoachingSessionService {
    /// What the coach typed into the contact form, kept as typed.
    public struct ContactForm: Sendable, Hashable {
        public var relationship = ""
        public var channel = ContactChannel.hallway.rawValue
        public var date = ""
        public var minutes = ""
        /// One line about it; becomes the session's note when written.
        public var text = ""
        public var visibility = CoachingVisibility.coachOnly.rawValue

        public init() {}
    }

    /// Someone the coach may log a contact with: their active relationships, by the educator's name.
    public struct ContactChoice: Sendable, Hashable {
        public let relationshipID: CoachingRelationship.ID
        public let educatorName: String
    }

    public func contactChoices(_ actor: Actor) async throws -> [ContactChoice] {
        let scope = env.scope(actor)
        let active = try await scope.coachingRelationships.relationships(coach: actor.personID, in: [.active]).map(\.relationship)
        let names = try await scope.people.names(of: Set(active.map(\.educatorID)))
        return active.map { ContactChoice(relationshipID: $0.id, educatorName: names[$0.educatorID] ?? "") }
            .sorted { $0.educatorName.localizedCaseInsensitiveCompare($1.educatorName) == .orderedAscending }
    }

    /// Logs an informal contact with one of the coach's educators.
    public func logContact(_ actor: Actor, _ form: ContactForm) async throws -> CoachingSession.ID {
        var errors = FieldErrors()
        let choices = try await contactChoices(actor)
        let chosen = choices.first { $0.relationshipID.rawValue == form.relationship }
        if chosen == nil { errors["relationship"] = "Choose who it was with from the list." }
        let channel = ContactChannel(rawValue: form.channel)
        if channel == nil { errors["channel"] = "Choose how it happened from the list." }
        var timing: SessionTiming?
        switch SessionTiming.parse(date: form.date, start: "", end: "", minutes: form.minutes, startRequired: false) {
        case .success(let value): timing = value
        case .failure(let timingErrors): timingErrors.messages.forEach { errors[$0.key] = $0.value }
        }
        let line = CoachingText.line(form.text, field: "text", into: &errors)
        let visibility = CoachingVisibility(rawValue: form.visibility)
        if visibility == nil { errors["visibility"] = "Choose who may read the note." }
        try errors.throwIfAny()
        let relationship = try await env.coachingRelationship(actor, chosen!.relationshipID, may: .create, .work).relationship
        let now = env.clock.now()
        let session = CoachingSession(
            id: env.ids.make(), organizationID: actor.organizationID, relationshipID: relationship.id, kind: .informal, channel: channel,
            timing: timing!, notes: line.isEmpty ? [] : [CoachingNote(id: env.ids.make(), text: line, visibility: visibility!, writtenAt: now)])
        let school = try await env.scope(actor).people.find(relationship.educatorID)?.schoolID
        try await env.database.transaction { tx in
            let scope = OrganizationScope(tx, organizationID: actor.organizationID)
            try await scope.coachingSessions.create(session, in: relationship, schoolID: school, at: now)
            if !line.isEmpty && visibility == .sharedWithEducator { try await announce(scope, "a note", of: session, in: relationship) }
        }
        return session.id
    }
}
