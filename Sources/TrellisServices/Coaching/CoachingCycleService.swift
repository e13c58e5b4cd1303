import Foundation
import TrellisCore
import TrellisStore

/// Coaching cycles around one of the educator's goals: starting and changing them (the coach, while the relationship
/// is active). A cycle's phase is read from its sessions, never kept.
public struct CoachingCycleService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    public var today: CalendarDate { env.today }

    /// What a person typed into a cycle form, kept as typed.
    public struct CycleForm: Sendable, Hashable {
        public var focus = ""
        public var goal = ""
        /// One look-for per line.
        public var lookFors = ""
        public var startsOn = ""
        public var endsOn = ""
        public var version: Int?

        public init() {}

        public init(_ cycle: CoachingCycle) {
            focus = cycle.focus
            goal = cycle.goalID?.rawValue ?? ""
            lookFors = cycle.lookFors.map(\.text).joined(separator: "\n")
            startsOn = cycle.startsOn.iso
            endsOn = cycle.endsOn?.iso ?? ""
        }
    }

    /// A goal of the educator's current plan the cycle may serve; offered only when the plan is shared with the coach.
    public struct GoalChoice: Sendable, Hashable {
        public let id: Goal.ID
        public let statement: String
    }

    public static let maximumLookFors = 12

    /// The cycle with its version, if the actor may read the relationship's work.
    public func cycle(_ actor: Actor, _ id: CoachingCycle.ID) async throws -> (cycle: CoachingCycle, version: Int, relationship: CoachingRelationship) {
        guard let stored = try await env.scope(actor).coachingCycles.find(id) else { throw ServiceError.notFound }
        let relationship = try await env.coachingRelationship(actor, stored.cycle.relationshipID, may: .read, .work)
        return (stored.cycle, stored.version, relationship.relationship)
    }

    /// The goals of the educator's plan for this school year, when the plan is shared with the actor; otherwise none.
    public func goalChoices(_ actor: Actor, _ relationshipID: CoachingRelationship.ID) async throws -> [GoalChoice] {
        let relationship = try await env.coachingRelationship(actor, relationshipID, may: .read, .work).relationship
        let plans = PlanService(env, vault: nil)
        let year = try await plans.currentSchoolYear(actor)
        guard let summary = try await env.scope(actor).plans.plans(ownedBy: relationship.educatorID)
            .first(where: { $0.schoolYear == year.startYear }) else { return [] }
        do {
            let loaded = try await plans.load(actor, summary.id)
            return loaded.plan.goals.filter { !$0.statement.isEmpty }.map { GoalChoice(id: $0.id, statement: $0.statement) }
        } catch ServiceError.notFound {
            return []
        }
    }

    /// Refuses anyone who may not start or change cycles in the relationship, before a form is shown.
    public func requireWritable(_ actor: Actor, _ relationshipID: CoachingRelationship.ID) async throws {
        _ = try await env.coachingRelationship(actor, relationshipID, may: .create, .work)
    }

    /// Starts a cycle in the relationship.
    public func create(_ actor: Actor, _ relationshipID: CoachingRelationship.ID, _ form: CycleForm) async throws -> CoachingCycle.ID {
        _ = try await env.coachingRelationship(actor, relationshipID, may: .create, .work)
        var cycle = CoachingCycle(id: env.ids.make(), organizationID: actor.organizationID, relationshipID: relationshipID,
                                  focus: "", startsOn: today)
        try await apply(form, to: &cycle, actor)
        try await env.scope(actor).coachingCycles.create(cycle)
        return cycle.id
    }

    /// Saves a changed cycle. A form made from an older version is refused with the person's text kept.
    public func update(_ actor: Actor, _ id: CoachingCycle.ID, _ form: CycleForm) async throws {
        guard let stored = try await env.scope(actor).coachingCycles.find(id) else { throw ServiceError.notFound }
        _ = try await env.coachingRelationship(actor, stored.cycle.relationshipID, may: .update, .work)
        if let version = form.version, version != stored.version { throw ServiceError.conflict(CoachingSessionService.changedElsewhere) }
        var cycle = stored.cycle
        try await apply(form, to: &cycle, actor)
        do {
            try await env.scope(actor).coachingCycles.update(cycle, expecting: stored.version)
        } catch is CoachingCycleStore.Conflict {
            throw ServiceError.conflict(CoachingSessionService.changedElsewhere)
        }
    }

    private func apply(_ form: CycleForm, to cycle: inout CoachingCycle, _ actor: Actor) async throws {
        var errors = FieldErrors()
        let focus = CoachingText.line(form.focus, field: "focus", into: &errors)
        if focus.isEmpty { errors["focus"] = "Say what the cycle works on, e.g. “Checking for understanding in small-group reading”." }
        var goalID: Goal.ID?
        if !form.goal.isEmpty {
            let choices = try await goalChoices(actor, cycle.relationshipID)
            goalID = choices.first { $0.id.rawValue == form.goal }?.id
            if goalID == nil { errors["goal"] = "Choose a goal from the list, or none." }
        }
        let lines = form.lookFors.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        if lines.count > Self.maximumLookFors {
            errors["look_fors"] = "Keep it to \(Self.maximumLookFors) look-fors or fewer; there are \(lines.count)."
        } else if let long = lines.firstIndex(where: { $0.count > CoachingText.lineLimit }) {
            errors["look_fors"] = "Look-for \(long + 1) is longer than \(CoachingText.lineLimit) characters. Shorten it."
        }
        let starts = CalendarDate(iso: form.startsOn.trimmingWhitespace())
        if starts == nil {
            errors["starts_on"] = form.startsOn.trimmingWhitespace().isEmpty ? "Enter the day the cycle starts." : "Enter the date as YYYY-MM-DD, e.g. 2026-10-14."
        }
        var ends: CalendarDate?
        if !form.endsOn.trimmingWhitespace().isEmpty {
            ends = CalendarDate(iso: form.endsOn.trimmingWhitespace())
            if ends == nil { errors["ends_on"] = "Enter the date as YYYY-MM-DD, e.g. 2026-12-18." }
            else if let starts, ends! < starts { errors["ends_on"] = "The cycle ends before it starts. Check the end date." }
        }
        try errors.throwIfAny()
        // A look-for kept word for word keeps its id, so the observation notes tied to it stay tied.
        var unused = cycle.lookFors
        cycle.lookFors = lines.map { text in
            if let index = unused.firstIndex(where: { $0.text == text }) { return unused.remove(at: index) }
            return LookFor(id: env.ids.make(), text: text)
        }
        cycle.focus = focus
        cycle.goalID = goalID
        cycle.startsOn = starts!
        cycle.endsOn = ends
    }
}
