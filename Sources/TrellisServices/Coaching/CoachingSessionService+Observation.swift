import Foundation
import TrellisCore
import TrellisStore

/// The observation: time-stamped notes taken during a lesson, one at a time or many lines at once, each optionally
/// tied to one of the cycle's look-fors, and who may read them.
extension CoachingSessionService {
    /// The time of day now in the district, which a quick note carries unless another is typed.
    public var timeNow: ClockTime {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: ServiceEnvironment.districtTimeZone, from: env.clock.now())
        return ClockTime(minuteOfDay: (parts.hour ?? 0) * 60 + (parts.minute ?? 0)) ?? ClockTime(minuteOfDay: 0)!
    }

    /// Adds one note. `time` empty means now; `lookFor` empty means none.
    public func addObservationNote(_ actor: Actor, _ id: CoachingSession.ID, time timeText: String, lookFor lookForText: String,
                                   text: String) async throws {
        let view = try await session(actor, id)
        var errors = FieldErrors()
        var time: ClockTime? = timeNow
        if !timeText.trimmingWhitespace().isEmpty {
            time = ClockTime(timeText)
            if time == nil { errors["time"] = "Enter the time as hours and minutes, e.g. 9:05 or 14:30." }
        }
        var lookFor: LookFor.ID?
        if !lookForText.isEmpty {
            lookFor = view.cycle?.lookFors.first { $0.id.rawValue == lookForText }?.id
            if lookFor == nil { errors["look_for"] = "Choose a look-for from the list, or none." }
        }
        let note = CoachingText.long(text, field: "text", into: &errors)
        if note.isEmpty && errors["text"] == nil { errors["text"] = "Write what you saw." }
        try errors.throwIfAny()
        try await addObservation(actor, view, [ObservationNote(id: env.ids.make(), time: time!, text: note, lookForID: lookFor)])
    }

    /// Adds every line of a transcript ("9:05 #2 students turn and talk"); lines before the first time are at `start`
    /// (now when empty). Any line that cannot be read refuses the whole transcript, with the lines named at the field.
    public func addTranscript(_ actor: Actor, _ id: CoachingSession.ID, text: String, start startText: String = "") async throws {
        let view = try await session(actor, id)
        let start = ClockTime(startText) ?? timeNow
        let lookFors = view.cycle?.lookFors ?? []
        switch ObservationTranscript.parse(text, start: start, lookForCount: lookFors.count) {
        case .failure(let problems):
            throw FieldErrors("text", problems.message)
        case .success(let lines):
            let notes = lines.map { line in
                ObservationNote(id: env.ids.make(), time: line.time, text: line.text, lookForID: line.lookForNumber.map { lookFors[$0 - 1].id })
            }
            try await addObservation(actor, view, notes)
        }
    }

    /// Who may read the observation. Sharing it tells the educator, once.
    public func setObservationVisibility(_ actor: Actor, _ id: CoachingSession.ID, _ visibilityText: String) async throws {
        guard let visibility = CoachingVisibility(rawValue: visibilityText) else {
            throw FieldErrors("visibility", "Choose who may read the observation.")
        }
        let view = try await session(actor, id)
        guard view.canWrite else { throw ServiceError.forbidden }
        let becomesShared = visibility == .sharedWithEducator && view.session.observationVisibility != .sharedWithEducator
        try await change(actor, id, announcing: becomesShared && !view.session.observation.isEmpty ? "observation notes" : nil) {
            $0.observationVisibility = visibility
        }
    }

    private func addObservation(_ actor: Actor, _ view: SessionView, _ notes: [ObservationNote]) async throws {
        guard view.canWrite else { throw ServiceError.forbidden }
        // An observation already shared tells the educator when its first lines arrive, not at every line.
        let announces = view.session.observationVisibility == .sharedWithEducator && view.session.observation.isEmpty
        try await change(actor, view.session.id, announcing: announces ? "observation notes" : nil) { session in
            session.observation += notes
            session.observation.sort { $0.time < $1.time }
        }
    }
}
