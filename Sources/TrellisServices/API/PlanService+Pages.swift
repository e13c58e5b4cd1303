import Foundation
import TrellisCore
import TrellisStore

extension PlanService {
    /// What a list of plans filters by.
    public typealias PageFilter = PlanStore.PageFilter

    /// One page of the plans the actor may read (their own, and those shared with them), oldest change first, for an
    /// integration's sync by `updatedSince` and cursor. The query narrows to plans that could be shared with the actor;
    /// the policy decides each one, exactly as when the plan's page is opened.
    public func page(_ actor: Actor, _ filter: PlanStore.PageFilter, _ request: PageRequest) async throws -> Page<Loaded> {
        let scope = env.scope(actor)
        let readers = PlanStore.Readers(personID: actor.personID, asCoach: actor.has(.coach),
                                        leaderOf: actor.has(.leader) ? actor.schoolID : nil)
        let fetched = try await scope.plans.page(readableBy: readers, filter, after: request.after, limit: request.limit + 1)
        let owners = Dictionary(uniqueKeysWithValues: try await scope.people.find(ids: Set(fetched.map(\.plan.ownerID))).map { ($0.id, $0) })
        // The cursor follows what was read, not what is shown, so a plan the policy hides never stalls the walk.
        let next = Page(fetched, limit: request.limit) { KeysetPosition(time: $0.updatedAt, id: $0.plan.id.rawValue) }
        let shown: [Loaded] = next.items.compactMap { stored in
            guard let owner = owners[stored.plan.ownerID] else { return nil }
            let access = PlanAccess(stored.plan, ownerSchoolID: owner.schoolID)
            guard Policy.can(actor, .read, .plan(access)) else { return nil }
            let isOwner = Policy.can(actor, .update, .plan(access))
            return Loaded(plan: stored.plan, version: stored.version, owner: owner, canEdit: isOwner && stored.plan.canEdit,
                          isOwner: isOwner, updatedAt: stored.updatedAt)
        }
        return Page(shown, nextCursor: next.nextCursor)
    }
}

extension Page {
    init(_ items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }
}
