import Foundation

/// One coaching contact: a scheduled session of any kind, or an informal contact. Its minutes are the coaching
/// log; there is no second time sheet.
///
/// What the educator may read of it: the kind, when, how long, where and the agenda (they were there), and each
/// note, the observation and the feedback only as their visibility says.
public struct CoachingSession: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<CoachingSession>

    public var id: ID
    public var organizationID: Organization.ID
    public var relationshipID: CoachingRelationship.ID
    public var cycleID: CoachingCycle.ID?
    public var kind: SessionKind
    /// For informal contacts: how it happened.
    public var channel: ContactChannel?
    public var timing: SessionTiming
    /// A room, or a link for a video call.
    public var place: String
    public var agenda: String
    public var notes: [CoachingNote]
    /// Time-stamped notes taken during an observed lesson.
    public var observation: [ObservationNote]
    public var observationVisibility: CoachingVisibility
    public var feedback: PerformanceFeedback?

    public init(id: ID, organizationID: Organization.ID, relationshipID: CoachingRelationship.ID,
                cycleID: CoachingCycle.ID? = nil, kind: SessionKind, channel: ContactChannel? = nil, timing: SessionTiming,
                place: String = "", agenda: String = "", notes: [CoachingNote] = [], observation: [ObservationNote] = [],
                observationVisibility: CoachingVisibility = .coachOnly, feedback: PerformanceFeedback? = nil) {
        self.id = id
        self.organizationID = organizationID
        self.relationshipID = relationshipID
        self.cycleID = cycleID
        self.kind = kind
        self.channel = channel
        self.timing = timing
        self.place = place
        self.agenda = agenda
        self.notes = notes
        self.observation = observation
        self.observationVisibility = observationVisibility
        self.feedback = feedback
    }

    /// The notes a reader may see: all of them for the coach, the shared ones for the educator.
    public func notes(visibleToCoach isCoach: Bool) -> [CoachingNote] {
        isCoach ? notes : notes.filter { $0.visibility == .sharedWithEducator }
    }

    /// How many observation notes were tied to each look-for, in the cycle's order; look-fors never seen count 0.
    public func tally(of lookFors: [LookFor]) -> [(lookFor: LookFor, count: Int)] {
        lookFors.map { lookFor in (lookFor, observation.filter { $0.lookForID == lookFor.id }.count) }
    }
}

/// A note the coach wrote about a session, with who may read it.
public struct CoachingNote: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<CoachingNote>
    public var id: ID
    public var text: String
    public var visibility: CoachingVisibility
    public var writtenAt: Date

    public init(id: ID, text: String, visibility: CoachingVisibility, writtenAt: Date) {
        self.id = id
        self.text = text
        self.visibility = visibility
        self.writtenAt = writtenAt
    }
}

/// One line of an observation: the time in the lesson it was noticed, what was seen, and the look-for it shows.
public struct ObservationNote: Sendable, Hashable, Codable, Identifiable {
    public typealias ID = Identifier<ObservationNote>
    public var id: ID
    public var time: ClockTime
    public var text: String
    public var lookForID: LookFor.ID?

    public init(id: ID, time: ClockTime, text: String, lookForID: LookFor.ID? = nil) {
        self.id = id
        self.time = time
        self.text = text
        self.lookForID = lookForID
    }
}
