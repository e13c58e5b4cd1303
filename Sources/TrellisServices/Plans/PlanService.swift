import Foundation
import TrellisCore
import TrellisStore

/// An educator's growth plan: starting it, reading it, sharing it and moving it through its lifecycle.
/// Editing its parts lives in `PlanEditing` and `PlanRecords`, which share `load` and `update`.
public struct PlanService: Sendable {
    let env: ServiceEnvironment
    let vault: EvidenceVault?
    /// The largest evidence file accepted.
    public let maximumUploadBytes: Int

    /// `vault` may be nil where no evidence files are read or written (e.g. the home page).
    public init(_ env: ServiceEnvironment, vault: EvidenceVault?, maximumUploadBytes: Int = 20 * 1024 * 1024) {
        self.env = env
        self.vault = vault
        self.maximumUploadBytes = maximumUploadBytes
    }

    /// A plan as the person asking may see it.
    public struct Loaded: Sendable {
        public let plan: GrowthPlan
        public let version: Int
        public let owner: Person
        public let canEdit: Bool
        public let isOwner: Bool
        public let updatedAt: Date
    }

    /// Today's date in the district: where a plan's dates are judged.
    public var today: CalendarDate { env.today }

    /// The school year today falls in, by the district's calendar.
    public func currentSchoolYear(_ actor: Actor) async throws -> SchoolYear {
        SchoolYear.containing(date: today, start: try await env.scope(actor).schoolYearStart())
    }

    public typealias Summary = PlanStore.Summary

    /// The guiding questions offered with feedback on goals: the district's own, or Trellis's.
    public func guidingQuestions(_ actor: Actor) async throws -> GuidingQuestions {
        try await env.scope(actor).guidingQuestions() ?? .standard
    }

    /// Display names of people in the actor's district, e.g. a plan's owner or coaches.
    public func names(_ actor: Actor, of ids: Set<Person.ID>) async throws -> [Person.ID: String] {
        try await env.scope(actor).people.names(of: ids)
    }

    /// The actor's plans, newest first.
    public func myPlans(_ actor: Actor) async throws -> [PlanStore.Summary] {
        try await env.scope(actor).plans.plans(ownedBy: actor.personID)
    }

    /// Plans whose owners shared them with this person, as a coach or as one of their school's leaders.
    public func sharedWithMe(_ actor: Actor) async throws -> [PlanStore.Summary] {
        let store = env.scope(actor).plans
        var shared: [PlanStore.Summary] = []
        if actor.has(.coach) { shared += try await store.plans(sharedWithCoach: actor.personID) }
        if actor.has(.leader), let school = actor.schoolID { shared += try await store.plans(sharedWithLeadersOf: school) }
        var seen: Set<GrowthPlan.ID> = []
        // An archived year is done with: it stays in its owner's list and on their ledger, not in everyone else's.
        return shared.filter { $0.ownerID != actor.personID && $0.status != .archived && seen.insert($0.id).inserted }
    }

    /// How many plans `sharedWithMe` lists, counted by the database.
    public func sharedWithMeCount(_ actor: Actor) async throws -> Int {
        try await env.scope(actor).plans.sharedCount(with: actor.personID, asCoach: actor.has(.coach) ? actor.personID : nil,
                                                     asLeaderOf: actor.has(.leader) ? actor.schoolID : nil)
    }

    /// Starts the actor's plan for the current school year; one plan per person per year, as Washington requires.
    public func start(_ actor: Actor) async throws -> GrowthPlan {
        guard Policy.can(actor, .create, .plans(actor.organizationID)) else { throw ServiceError.forbidden }
        let year = try await currentSchoolYear(actor)
        let plan = GrowthPlan(id: env.ids.make(), organizationID: actor.organizationID, ownerID: actor.personID, schoolYear: year)
        do {
            try await env.scope(actor).plans.create(plan, at: env.clock.now())
        } catch StoreError.duplicate {
            throw ServiceError.conflict("You already have a growth plan for \(year.label). Washington counts one plan per school year.")
        }
        return plan
    }

    /// The plan, if the actor may see it; otherwise it does not exist for them (404), whatever the id.
    /// A plan read to be shown may be one saved on another instance up to two seconds ago (`RecentReads`);
    /// `latest` reads the newest version, as every change does.
    public func load(_ actor: Actor, _ id: GrowthPlan.ID, latest: Bool = false) async throws -> Loaded {
        let scope = env.scope(actor)
        guard let stored = try await scope.plans.find(id, latest: latest), let owner = try await scope.people.find(stored.plan.ownerID) else {
            throw ServiceError.notFound
        }
        let access = PlanAccess(stored.plan, ownerSchoolID: owner.schoolID)
        guard Policy.can(actor, .read, .plan(access)) else { throw ServiceError.notFound }
        let isOwner = Policy.can(actor, .update, .plan(access))
        return Loaded(plan: stored.plan, version: stored.version, owner: owner, canEdit: isOwner && stored.plan.canEdit,
                      isOwner: isOwner, updatedAt: stored.updatedAt)
    }

    /// What a person is told when their page was made from an older version of the plan than the one saved now.
    public static let changedElsewhere = "This plan was changed in another window or device since this page was opened, so this change is not saved yet. "
        + "What you wrote is kept here: look over the latest version and save again to keep it."

    /// Applies `change` to the plan and saves it, if the actor owns it and its status allows editing.
    /// `change` throws `FieldErrors` to refuse with messages; nothing is saved then.
    /// `version` is the version the person's page was made from (a form's hidden `version`): when the plan has been
    /// saved since, the change is refused with `changedElsewhere` rather than silently overwriting what another window
    /// saved. nil checks only against a save that races this one.
    @discardableResult
    func update(_ actor: Actor, _ id: GrowthPlan.ID, expecting version: Int? = nil, allowWhenLocked: Bool = false,
                _ change: (inout GrowthPlan) throws -> Void) async throws -> GrowthPlan {
        let loaded = try await requireEditable(actor, id, expecting: version, allowWhenLocked: allowWhenLocked)
        var plan = loaded.plan
        try change(&plan)
        do {
            _ = try await env.scope(actor).plans.save(plan, expecting: loaded.version, at: env.clock.now(),
                                                      coachesBefore: loaded.plan.sharing.coachIDs)
        } catch is PlanStore.Conflict {
            throw ServiceError.conflict(Self.changedElsewhere)
        }
        return plan
    }

    /// Refuses, in this order, anyone but the owner, a plan whose status no longer allows editing (unless
    /// `allowWhenLocked`), and a page made from an older version than `loaded`.
    public static func checkEditable(_ loaded: Loaded, expecting version: Int? = nil, allowWhenLocked: Bool = false) throws {
        guard loaded.isOwner else { throw ServiceError.forbidden }
        guard loaded.plan.canEdit || allowWhenLocked else {
            throw ServiceError.conflict("This plan is \(loaded.plan.status.label.lowercased()) and can no longer be changed.")
        }
        if let version, version != loaded.version { throw ServiceError.conflict(changedElsewhere) }
    }

    /// What stands between the plan and `target`: nothing, or reasons in words.
    public func readiness(_ plan: GrowthPlan, for target: PlanStatus) -> PlanTransitionDecision {
        PlanLifecycle.check(plan, movingTo: target)
    }

    /// Moves the plan to `target` when the owner may and the plan is ready; otherwise says exactly what is missing.
    public func move(_ actor: Actor, _ id: GrowthPlan.ID, to target: PlanStatus, address: String? = nil) async throws -> GrowthPlan {
        let loaded = try await load(actor, id)
        guard loaded.isOwner, PlanLifecycle.transition(from: loaded.plan.status, to: target)?.performer == .owner else {
            throw ServiceError.forbidden
        }
        // Submitting and withdrawing also write a review request: `ReviewService` does both, never a bare status change.
        guard target != .inReview, loaded.plan.status != .inReview else {
            throw ServiceError.conflict("Ask for review, or withdraw a request, from the plan's review page.")
        }
        if case .refused(let reasons) = PlanLifecycle.check(loaded.plan, movingTo: target) {
            throw PlanNotReady(reasons: reasons)
        }
        let moved = try await update(actor, id, allowWhenLocked: true) { $0.status = target }
        try await env.scope(actor).audit.append(env.event(.planStatusChanged, in: actor.organizationID, by: actor.personID, about: actor.personID,
                                                          detail: "\(loaded.plan.schoolYear.label) plan: \(loaded.plan.status.label) → \(target.label)",
                                                          address: address))
        return moved
    }

    /// Coaches the owner may share with, and the current choice.
    public func coaches(_ actor: Actor) async throws -> [Person] {
        try await env.scope(actor).people.active(with: .coach).filter { $0.id != actor.personID }
    }

    /// Shares the plan with exactly these coaches, and with the school's leaders or not.
    /// `withPLC` shows the goals linked to PLC group goals to those PLCs (nil leaves that choice as it is).
    public func share(_ actor: Actor, _ id: GrowthPlan.ID, coaches: [String], withLeaders: Bool, withPLC: Bool? = nil) async throws {
        let allowed = Set(try await self.coaches(actor).map(\.id))
        let chosen = coaches.map(Person.ID.init)
        guard chosen.allSatisfy(allowed.contains) else { throw FieldErrors("coaches", "Choose coaches from the list.") }
        try await update(actor, id, allowWhenLocked: true) { plan in
            plan.sharing = PlanSharing(coachIDs: Array(Set(chosen)).sorted(), isSharedWithSchoolLeaders: withLeaders,
                                       isSharedWithPLC: withPLC ?? plan.sharing.isSharedWithPLC)
        }
    }
}

/// The plan cannot move yet; the reasons say what is missing.
public struct PlanNotReady: Error, Sendable, Hashable {
    public let reasons: [String]
}
