import Foundation
import TrellisCore
import TrellisStore

/// Coaching sessions: scheduling and editing them, reading one as its reader may, and adding notes. The observation,
/// the feedback, the alliance pulse and the quick contact form are in the `+Observation`, `+Feedback`, `+Alliance` and
/// `+Contact` files; the relationship's whole page in `+Overview`.
///
/// What leaves this service is already filtered: an educator's copy of a session holds only what is shared with them,
/// so no template is ever handed a private note to hide.
public struct CoachingSessionService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    /// Today in the district, the default date of a new session.
    public var today: CalendarDate { env.today }

    /// What a person typed into a session form, kept as typed so the page can show it again after a mistake.
    public struct SessionForm: Sendable, Hashable {
        public var kind = SessionKind.planning.rawValue
        public var cycle = ""
        public var date = ""
        public var start = ""
        public var end = ""
        public var minutes = ""
        public var place = ""
        public var agenda = ""
        /// The version the form was made from, when editing.
        public var version: Int?

        public init() {}

        public init(_ session: CoachingSession) {
            kind = session.kind.rawValue
            cycle = session.cycleID?.rawValue ?? ""
            date = session.timing.date.iso
            start = session.timing.startsAt?.description ?? ""
            minutes = String(session.timing.minutes)
            place = session.place
            agenda = session.agenda
        }
    }

    /// One session as its reader may see it.
    public struct SessionView: Sendable {
        /// Only what the reader may read: the educator's copy holds shared notes, observation and feedback only.
        public let session: CoachingSession
        public let version: Int
        public let relationship: CoachingRelationship
        public let cycle: CoachingCycle?
        public let coachName: String
        public let educatorName: String
        public let isCoach: Bool
        /// The coach, while the relationship is active: notes, observation and feedback may be written.
        public let canWrite: Bool
        /// The educator's answers after this session, for the coach and the educator only.
        public let alliance: AllianceAnswers?
    }

    /// The session, filtered for `actor`; someone who may not read it is told it does not exist.
    public func session(_ actor: Actor, _ id: CoachingSession.ID) async throws -> SessionView {
        let (relationship, stored) = try await find(actor, id, may: .read, .work)
        let scope = env.scope(actor)
        let access = CoachingAccess(relationship.relationship)
        let cycle = try await stored.session.cycleID.asyncMap { try await scope.coachingCycles.find($0)?.cycle } ?? nil
        let names = try await scope.people.names(of: [relationship.relationship.coachID, relationship.relationship.educatorID])
        let alliance = Policy.can(actor, .read, .coaching(access, .alliance)) ? try await scope.alliance.answers(session: id) : nil
        return SessionView(session: Self.visible(stored.session, to: actor, access), version: stored.version,
                           relationship: relationship.relationship, cycle: cycle,
                           coachName: names[relationship.relationship.coachID] ?? "", educatorName: names[relationship.relationship.educatorID] ?? "",
                           isCoach: relationship.relationship.coachID == actor.personID,
                           canWrite: Policy.can(actor, .create, .coaching(access, .record(.coachOnly))), alliance: alliance)
    }

    /// What `actor` may read of `session`: the notes, observation and feedback whose visibility lets them.
    static func visible(_ session: CoachingSession, to actor: Actor, _ access: CoachingAccess) -> CoachingSession {
        func may(_ visibility: CoachingVisibility) -> Bool { Policy.can(actor, .read, .coaching(access, .record(visibility))) }
        var copy = session
        copy.notes = session.notes.filter { may($0.visibility) }
        if !may(session.observationVisibility) { copy.observation = [] }
        if let feedback = session.feedback, !may(feedback.visibility) { copy.feedback = nil }
        return copy
    }

    /// The cycles a session of the relationship may belong to, for the form's choice.
    public func cycles(_ actor: Actor, _ relationshipID: CoachingRelationship.ID) async throws -> [CoachingCycle] {
        _ = try await env.coachingRelationship(actor, relationshipID, may: .read, .work)
        return try await env.scope(actor).coachingCycles.cycles(relationship: relationshipID).map(\.cycle)
    }

    /// Refuses anyone who may not plan or change sessions in the relationship, before a form is shown.
    public func requireWritable(_ actor: Actor, _ relationshipID: CoachingRelationship.ID) async throws {
        _ = try await env.coachingRelationship(actor, relationshipID, may: .create, .work)
    }

    /// Schedules a session (any kind but the informal contact, which has its own form); coach only, relationship active.
    public func create(_ actor: Actor, _ relationshipID: CoachingRelationship.ID, _ form: SessionForm) async throws -> CoachingSession.ID {
        let relationship = try await env.coachingRelationship(actor, relationshipID, may: .create, .work).relationship
        let cycles = try await env.scope(actor).coachingCycles.cycles(relationship: relationshipID).map(\.cycle)
        var session = CoachingSession(id: env.ids.make(), organizationID: actor.organizationID, relationshipID: relationshipID,
                                      kind: .planning, timing: SessionTiming(date: today, minutes: 1))
        try Self.apply(form, to: &session, cycles: cycles)
        let school = try await env.scope(actor).people.find(relationship.educatorID)?.schoolID
        try await env.scope(actor).coachingSessions.create(session, in: relationship, schoolID: school, at: env.clock.now())
        return session.id
    }

    /// Saves a changed session; a form made from an older version is refused (`conflict`) with the person's text kept.
    public func update(_ actor: Actor, _ id: CoachingSession.ID, _ form: SessionForm) async throws {
        let (relationship, stored) = try await find(actor, id, may: .update, .work)
        if let version = form.version, version != stored.version { throw ServiceError.conflict(Self.changedElsewhere) }
        let cycles = try await env.scope(actor).coachingCycles.cycles(relationship: relationship.relationship.id).map(\.cycle)
        var session = stored.session
        try Self.apply(form, to: &session, cycles: cycles)
        try await save(actor, session, expecting: stored.version)
    }

    /// Reads the form into the session, or throws `FieldErrors` with a message at each wrong field.
    static func apply(_ form: SessionForm, to session: inout CoachingSession, cycles: [CoachingCycle]) throws {
        var errors = FieldErrors()
        let kind = SessionKind(rawValue: form.kind)
        if kind == nil || kind == .informal { errors["kind"] = "Choose the kind of session from the list." }
        var cycleID: CoachingCycle.ID?
        if !form.cycle.isEmpty {
            cycleID = cycles.first { $0.id.rawValue == form.cycle }?.id
            if cycleID == nil { errors["cycle"] = "Choose a cycle from the list, or none." }
        }
        var timing: SessionTiming?
        switch SessionTiming.parse(date: form.date, start: form.start, end: form.end, minutes: form.minutes) {
        case .success(let value): timing = value
        case .failure(let timingErrors): timingErrors.messages.forEach { errors[$0.key] = $0.value }
        }
        let place = CoachingText.line(form.place, field: "place", into: &errors)
        let agenda = CoachingText.long(form.agenda, field: "agenda", into: &errors)
        try errors.throwIfAny()
        session.kind = kind!
        session.cycleID = cycleID
        session.timing = timing!
        session.place = place
        session.agenda = agenda
    }

    /// Adds a note to the session; "Only me" unless the coach chose to share it. A shared note tells the educator
    /// that something was shared, never what.
    public func addNote(_ actor: Actor, _ id: CoachingSession.ID, text: String, visibility visibilityText: String) async throws {
        var errors = FieldErrors()
        let note = CoachingText.long(text, field: "text", into: &errors)
        if note.isEmpty && errors["text"] == nil { errors["text"] = "Write the note before adding it." }
        let visibility = CoachingVisibility(rawValue: visibilityText)
        if visibility == nil { errors["visibility"] = "Choose who may read the note." }
        try errors.throwIfAny()
        _ = try await find(actor, id, may: .create, .record(visibility!))
        try await change(actor, id, announcing: visibility == .sharedWithEducator ? "a note" : nil) { session in
            session.notes.append(CoachingNote(id: env.ids.make(), text: note, visibility: visibility!, writtenAt: env.clock.now()))
        }
    }

    /// The session and its relationship, if the actor may do `action` to `part` of it.
    func find(_ actor: Actor, _ id: CoachingSession.ID, may action: Action,
              _ part: CoachingPart) async throws -> (CoachingRelationshipStore.Stored, CoachingSessionStore.Stored) {
        guard let stored = try await env.scope(actor).coachingSessions.find(id) else { throw ServiceError.notFound }
        let relationship = try await env.coachingRelationship(actor, stored.session.relationshipID, may: action, part)
        return (relationship, stored)
    }

    /// What a person is told when their page was made from an older version of the session than the one saved now.
    public static let changedElsewhere = "This session was changed in another window or device since this page was opened, so this change is not saved yet. "
        + "What you wrote is kept here: look over the latest version and save again to keep it."
}
