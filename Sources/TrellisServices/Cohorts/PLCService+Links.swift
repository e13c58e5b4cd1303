import Foundation
import TrellisCore
import TrellisStore

/// Members' own goals feeding the group goal, the roll-up made from them, and the facilitator's meeting notes.
extension PLCService {
    /// A goal of the actor's own plans that they may link, named for a list.
    public struct GoalChoice: Sendable, Hashable {
        public let planID: GrowthPlan.ID
        public let goalID: Goal.ID
        public let label: String
        /// How a form names it: plan and goal in one value.
        public var value: String { "\(planID)/\(goalID)" }
    }

    /// The roll-up of a PLC, with the names of its members and their stakeholder roles.
    public struct RollUp: Sendable {
        public let plc: Loaded
        public let rollUp: GroupGoalRollUp
        public let names: [Person.ID: String]
        /// The actor's own link, if they have made one.
        public let myLink: GoalLink?
    }

    /// The goals of the actor's plans that are not archived, newest year first.
    public func goalChoices(_ actor: Actor) async throws -> [GoalChoice] {
        let store = env.scope(actor).plans
        var choices: [GoalChoice] = []
        for summary in try await store.plans(ownedBy: actor.personID) where summary.status != .archived {
            guard let plan = try await store.find(summary.id)?.plan else { continue }
            for (index, goal) in plan.goals.enumerated() where goal.hasStatement {
                choices.append(GoalChoice(planID: plan.id, goalID: goal.id,
                                          label: "\(plan.schoolYear.label), goal \(index + 1): \(goal.statement)"))
            }
        }
        return choices
    }

    /// Links one goal of the actor's own plan (form value "plan/goal") to the PLC's group goal, replacing an earlier link.
    public func link(_ actor: Actor, _ cohortID: Cohort.ID, _ id: PLC.ID, goal value: String) async throws {
        let loaded = try await load(actor, cohortID, id)
        guard Policy.can(actor, .create, .cohort(loaded.cohort.access, .goalLink(members: loaded.members))) else { throw ServiceError.forbidden }
        let parts = value.split(separator: "/", maxSplits: 1).map(String.init)
        let refused = FieldErrors("goal", "Choose a goal of your own growth plan from the list.")
        guard parts.count == 2, let plan = try await env.scope(actor).plans.find(GrowthPlan.ID(parts[0]), latest: true)?.plan,
              plan.ownerID == actor.personID, plan.goal(Goal.ID(parts[1])) != nil else { throw refused }
        let link = GoalLink(plcID: id, personID: actor.personID, planID: plan.id, goalID: Goal.ID(parts[1]), linkedOn: env.today)
        try await cohorts.write(actor) { tx in
            try await tx.plcs.link(link, in: cohortID)
            try await tx.audit.append(cohorts.event(actor, "linked a goal of their \(plan.schoolYear.label) plan to PLC \(id)"))
        }
    }

    public func unlink(_ actor: Actor, _ cohortID: Cohort.ID, _ id: PLC.ID) async throws {
        let loaded = try await load(actor, cohortID, id)
        guard Policy.can(actor, .update, .cohort(loaded.cohort.access, .goalLink(members: loaded.members))) else { throw ServiceError.forbidden }
        try await cohorts.write(actor) { tx in
            try await tx.plcs.unlink(actor.personID, from: id)
            try await tx.audit.append(cohorts.event(actor, "unlinked their goal from PLC \(id)"))
        }
    }

    /// The PLC's group goal with each member's linked goal and its progress.
    public func rollUp(_ actor: Actor, _ cohortID: Cohort.ID, _ id: PLC.ID) async throws -> RollUp {
        let loaded = try await load(actor, cohortID, id)
        let links = try await env.scope(actor).plcs.links(in: cohortID).filter { $0.plcID == id }
        let rollUp = try await Self.rollUp(of: loaded.plc, links: links, actor: actor, access: loaded.cohort.access, env: env)
        let names = try await env.scope(actor).people.names(of: loaded.members)
        return RollUp(plc: loaded, rollUp: rollUp, names: names, myLink: links.first { $0.personID == actor.personID })
    }

    /// The roll-up of one PLC from its links, reading each linked plan (kept plans are reused, see `PlanCache`).
    /// Plans are read here, not through the plan's own access check: the roll-up shows of them only progress, and
    /// content only as `GroupGoalRollUp` allows.
    static func rollUp(of plc: PLC, links: [GoalLink], actor: Actor, access: CohortAccess, env: ServiceEnvironment) async throws -> GroupGoalRollUp {
        let plans = env.scope(actor).plans
        var linked: [(link: GoalLink, plan: GrowthPlan)] = []
        for link in links where plc.isMember(link.personID) {
            if let plan = try await plans.find(link.planID)?.plan { linked.append((link, plan)) }
        }
        let belongs = Policy.can(actor, .read, .cohort(access, .linkedGoalContent(members: Set(plc.memberIDs))))
        return GroupGoalRollUp.make(plc: plc, links: linked, viewer: actor.personID, viewerBelongs: belongs, today: env.today)
    }

    // MARK: Meeting notes

    /// The notes the actor may read: all for the facilitator, the shared ones for the PLC's members.
    public func notes(_ actor: Actor, _ cohortID: Cohort.ID, _ id: PLC.ID) async throws -> [PLCMeetingNote] {
        let loaded = try await load(actor, cohortID, id)
        let part = CohortPart.meetingNotes(members: loaded.members, .sharedWithEducator)
        guard Policy.can(actor, .read, .cohort(loaded.cohort.access, part)) else { return [] }
        let all = Policy.can(actor, .read, .cohort(loaded.cohort.access, .meetingNotes(members: loaded.members, .coachOnly)))
        return try await env.scope(actor).plcs.notes(of: id, includingPrivate: all)
    }

    /// Writes a meeting note (`noteID` nil) or saves one; the facilitator's alone to write.
    public func saveNote(_ actor: Actor, _ cohortID: Cohort.ID, _ id: PLC.ID, noteID: PLCMeetingNote.ID?, _ form: MeetingNoteForm) async throws {
        let loaded = try await load(actor, cohortID, id)
        guard Policy.can(actor, .create, .cohort(loaded.cohort.access, .meetingNotes(members: loaded.members, .coachOnly))) else {
            throw ServiceError.forbidden
        }
        if let noteID, !(try await env.scope(actor).plcs.notes(of: id, includingPrivate: true).contains { $0.id == noteID }) {
            throw ServiceError.notFound
        }
        var errors = FieldErrors()
        var meetingOn = date(form.meetingOn, field: "meeting_on", within: nil, into: &errors)
        if form.meetingOn.trimmingWhitespace().isEmpty { errors["meeting_on"] = "Enter the day of the meeting." }
        if meetingOn == nil { meetingOn = env.today }
        func text(_ value: String, _ field: String) -> String {
            let trimmed = value.trimmingWhitespace()
            if trimmed.count > 8000 { errors[field] = "Use at most 8000 characters (this has \(trimmed.count))." }
            return trimmed
        }
        let note = PLCMeetingNote(id: noteID ?? env.ids.make(), plcID: id, meetingOn: meetingOn!,
                                  listening: text(form.listening, "listening"), questionsAsked: text(form.questionsAsked, "questions_asked"),
                                  decisions: text(form.decisions, "decisions"),
                                  visibility: CoachingVisibility(rawValue: form.visibility) ?? .coachOnly)
        if note.listening.isEmpty, note.questionsAsked.isEmpty, note.decisions.isEmpty {
            errors["listening"] = "Write something: what you heard, what you asked or what the group decided."
        }
        try errors.throwIfAny()
        try await cohorts.write(actor) { tx in
            try await tx.plcs.save(note)
            try await tx.audit.append(cohorts.event(actor, "\(noteID == nil ? "wrote" : "changed") a meeting note of PLC \(id) "
                                                    + "(\(PLCMeetingNote.label(note.visibility).lowercased()))"))
        }
    }
}
