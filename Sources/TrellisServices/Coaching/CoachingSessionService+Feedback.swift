import Foundation
import TrellisCore
import TrellisStore

/// Performance feedback: the coach writes what went well, what to grow and one next step; the educator answers
/// and may turn the next step into an action step on the cycle's goal.
extension CoachingSessionService {
    /// What the coach typed into the feedback form, kept as typed.
    public struct FeedbackForm: Sendable, Hashable {
        public var wentWell = ""
        public var toGrow = ""
        public var nextStep = ""
        public var visibility = CoachingVisibility.sharedWithEducator.rawValue
        public var version: Int?

        public init() {}

        public init(_ feedback: PerformanceFeedback) {
            wentWell = feedback.wentWell
            toGrow = feedback.toGrow
            nextStep = feedback.nextStep
            visibility = feedback.visibility.rawValue
        }
    }

    /// Saves the coach's feedback. The next step is required; the educator's response, if any, is kept. Sharing it
    /// (newly) tells the educator.
    public func saveFeedback(_ actor: Actor, _ id: CoachingSession.ID, _ form: FeedbackForm) async throws {
        var errors = FieldErrors()
        let wentWell = CoachingText.long(form.wentWell, field: "went_well", into: &errors)
        let toGrow = CoachingText.long(form.toGrow, field: "to_grow", into: &errors)
        let nextStep = CoachingText.long(form.nextStep, field: "next_step", into: &errors)
        if nextStep.isEmpty { errors["next_step"] = "Write one concrete next step, e.g. “Ask two students to explain their partner's idea”." }
        let visibility = CoachingVisibility(rawValue: form.visibility)
        if visibility == nil { errors["visibility"] = "Choose who may read the feedback." }
        try errors.throwIfAny()
        let (relationship, stored) = try await find(actor, id, may: .update, .record(visibility!))
        if let version = form.version, version != stored.version { throw ServiceError.conflict(Self.changedElsewhere) }
        var session = stored.session
        let wasShared = session.feedback?.visibility == .sharedWithEducator
        var feedback = session.feedback ?? PerformanceFeedback(nextStep: nextStep)
        feedback.wentWell = wentWell
        feedback.toGrow = toGrow
        feedback.nextStep = nextStep
        feedback.visibility = visibility!
        session.feedback = feedback
        try await write(actor, session, expecting: stored.version) { [session] scope in
            if visibility == .sharedWithEducator && !wasShared { try await announce(scope, "feedback", of: session, in: relationship.relationship) }
        }
    }

    /// The educator's reply to shared feedback and how useful it was; tells the coach that they replied.
    public func respond(_ actor: Actor, _ id: CoachingSession.ID, response text: String, usefulness usefulnessText: String,
                        expecting version: Int? = nil) async throws {
        let (relationship, stored) = try await find(actor, id, may: .update, .feedbackResponse)
        let access = CoachingAccess(relationship.relationship)
        guard var feedback = stored.session.feedback, Policy.can(actor, .read, .coaching(access, .record(feedback.visibility))) else {
            throw ServiceError.notFound
        }
        var errors = FieldErrors()
        let response = CoachingText.long(text, field: "response", into: &errors)
        var usefulness: FeedbackUsefulness?
        if !usefulnessText.isEmpty {
            usefulness = Int(usefulnessText).flatMap(FeedbackUsefulness.init(rawValue:))
            if usefulness == nil { errors["usefulness"] = "Choose how useful it was from the list." }
        }
        if response.isEmpty && usefulness == nil && errors.isEmpty { errors["response"] = "Write your response, or say how useful the feedback was." }
        try errors.throwIfAny()
        if let version, version != stored.version { throw ServiceError.conflict(Self.changedElsewhere) }
        feedback.educatorResponse = response
        feedback.usefulness = usefulness
        var session = stored.session
        session.feedback = feedback
        try await write(actor, session, expecting: stored.version) { [session] scope in
            let name = try await scope.people.names(of: [relationship.relationship.educatorID])[relationship.relationship.educatorID] ?? "The educator"
            try await notify(scope, relationship.relationship.coachID, .coachingReply,
                             "\(name) responded to your feedback from the \(session.kind.shortLabel) on \(session.timing.date.monthAndDay).",
                             link: "/coaching/sessions/\(session.id)")
        }
    }

    /// Where the next step can become an action step: the cycle's goal on the educator's plan, when the plan can
    /// still be edited and the step was not added before. nil otherwise.
    public func actionStepTarget(_ actor: Actor, _ view: SessionView) async throws -> (plan: GrowthPlan.ID, goal: Goal.ID)? {
        guard view.relationship.educatorID == actor.personID, let feedback = view.session.feedback, feedback.actionStepID == nil,
              let goalID = view.cycle?.goalID else { return nil }
        let plans = PlanService(env, vault: nil)
        for summary in try await plans.myPlans(actor) {
            let loaded = try await plans.load(actor, summary.id)
            if loaded.plan.goal(goalID) != nil { return loaded.canEdit ? (loaded.plan.id, goalID) : nil }
        }
        return nil
    }

    /// Turns the next step into an action step on the cycle's goal, in one transaction with the session, which
    /// remembers the step so a second click adds nothing. The plan's own rules apply: its owner, a status that
    /// allows editing, and its version.
    public func addNextStepToPlan(_ actor: Actor, _ id: CoachingSession.ID) async throws {
        let view = try await session(actor, id)
        guard view.relationship.educatorID == actor.personID, let feedback = view.session.feedback else { throw ServiceError.notFound }
        guard feedback.actionStepID == nil else { throw ServiceError.conflict("This next step is already an action step on your plan.") }
        guard let target = try await actionStepTarget(actor, view) else {
            throw ServiceError.conflict("This next step cannot go on your plan: the cycle has no goal of a plan you can still change.")
        }
        let plans = PlanService(env, vault: nil)
        let loaded = try await plans.load(actor, target.plan, latest: true)
        try PlanService.checkEditable(loaded)
        var plan = loaded.plan
        guard let goalIndex = plan.goals.firstIndex(where: { $0.id == target.goal }) else { throw ServiceError.notFound }
        let step = ActionStep(id: env.ids.make(), what: feedback.nextStep)
        plan.goals[goalIndex].actionSteps.append(step)
        guard let stored = try await env.scope(actor).coachingSessions.find(id) else { throw ServiceError.notFound }
        var session = stored.session
        session.feedback?.actionStepID = step.id
        do {
            try await env.database.transaction { [plan, session] tx in
                let scope = OrganizationScope(tx, organizationID: actor.organizationID)
                _ = try await scope.plans.save(plan, expecting: loaded.version, at: env.clock.now())
                try await scope.coachingSessions.update(session, expecting: stored.version)
            }
        } catch is PlanStore.Conflict {
            throw ServiceError.conflict(PlanService.changedElsewhere)
        } catch is CoachingSessionStore.Conflict {
            throw ServiceError.conflict("This next step was just added to your plan, or the session changed. Look at the latest version.")
        }
    }

    /// Saves the session and runs `then` (notifications) in the same transaction; a change in between is a conflict.
    func write(_ actor: Actor, _ session: CoachingSession, expecting version: Int,
               then: @Sendable (OrganizationScope) async throws -> Void = { _ in }) async throws {
        do {
            try await env.database.transaction { tx in
                let scope = OrganizationScope(tx, organizationID: actor.organizationID)
                try await scope.coachingSessions.update(session, expecting: version)
                try await then(scope)
            }
        } catch is CoachingSessionStore.Conflict {
            throw ServiceError.conflict(Self.changedElsewhere)
        }
    }
}
