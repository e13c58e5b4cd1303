import Foundation
import TrellisCore
import TrellisStore

/// Choosing tools together: the shortlist of a coaching cycle (its coach and educator, while they work together) or
/// of a plan's goal (its owner and the coaches it is shared with), with a rubric per tool. Shortlists are coaching
/// work, like a cycle's look-fors: they follow the cycle's or the plan's access, and their comments are never audited.
public struct ToolShortlistService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    /// What a person typed into a rubric: a rating and a comment per criterion, by the criterion's raw value.
    public struct RubricForm: Sendable, Hashable {
        public var ratings: [String: String] = [:]
        public var comments: [String: String] = [:]
        public var version: Int?

        public init() {}

        public init(_ rubric: ToolRubric) {
            for criterion in ToolRubric.Criterion.allCases {
                ratings[criterion.rawValue] = rubric[criterion].rating?.rawValue ?? ""
                comments[criterion.rawValue] = rubric[criterion].comment
            }
        }
    }

    /// A shortlist as its page shows it.
    public struct Shortlist: Sendable {
        public struct Item: Sendable {
            public let entry: ShortlistEntry
            public let version: Int
            public let tool: DigitalTool
        }

        /// What the shortlist is for, e.g. the cycle's focus or the goal's statement.
        public let title: String
        public let items: [Item]
        public let canWrite: Bool
        /// Approved tools not on the shortlist yet.
        public let choices: [DigitalTool]
    }

    public static let commentLimit = 1000

    /// The shortlist, if the actor may see the cycle's work or the plan.
    public func shortlist(_ actor: Actor, _ anchor: ShortlistAnchor) async throws -> Shortlist {
        let (title, canWrite) = try await access(actor, anchor)
        let scope = env.scope(actor)
        let entries = try await scope.toolShortlists.entries(anchor)
        let tools = try await scope.digitalTools.tools(Set(entries.map(\.entry.toolID)))
        let listed = Set(entries.map(\.entry.toolID))
        let choices = canWrite ? try await scope.digitalTools.all(approvals: [.approved]).map(\.tool).filter { !listed.contains($0.id) } : []
        return Shortlist(title: title, items: entries.compactMap { stored in
            tools[stored.entry.toolID].map { Shortlist.Item(entry: stored.entry, version: stored.version, tool: $0) }
        }, canWrite: canWrite, choices: choices)
    }

    /// Puts an approved tool on the shortlist (form field `tool`).
    public func add(_ actor: Actor, _ anchor: ShortlistAnchor, tool toolText: String) async throws -> ShortlistEntry.ID {
        guard try await access(actor, anchor).canWrite else { throw ServiceError.forbidden }
        let id = DigitalTool.ID(toolText.trimmingWhitespace())
        guard !toolText.trimmingWhitespace().isEmpty, let stored = try await env.scope(actor).digitalTools.find(id) else {
            throw FieldErrors("tool", "Choose a tool from the catalogue.")
        }
        guard stored.tool.approval == .approved else {
            throw FieldErrors("tool", "\(stored.tool.name) is not approved for use yet. Choose an approved tool.")
        }
        let entry = ShortlistEntry(id: env.ids.make(), organizationID: actor.organizationID, toolID: id, anchor: anchor,
                                   addedBy: actor.personID, addedAt: env.clock.now())
        do {
            try await env.scope(actor).toolShortlists.add(entry)
        } catch StoreError.duplicate {
            throw FieldErrors("tool", "\(stored.tool.name) is on this shortlist already.")
        }
        return entry.id
    }

    /// Saves the rubric of one entry. A page made from an older version is refused with the person's text kept.
    public func rate(_ actor: Actor, _ id: ShortlistEntry.ID, _ form: RubricForm) async throws {
        let stored = try await entry(actor, id, write: true)
        if let version = form.version, version != stored.version { throw ServiceError.conflict(Self.changedElsewhere) }
        var errors = FieldErrors()
        var rubric = ToolRubric()
        for criterion in ToolRubric.Criterion.allCases {
            let ratingText = form.ratings[criterion.rawValue] ?? ""
            let rating = ToolRubric.Rating(rawValue: ratingText)
            if !ratingText.isEmpty, rating == nil { errors["rating_\(criterion.rawValue)"] = "Choose a rating from the list." }
            let comment = (form.comments[criterion.rawValue] ?? "").trimmingWhitespace()
            if comment.count > Self.commentLimit {
                errors["comment_\(criterion.rawValue)"] = "Keep the comment under \(Self.commentLimit) characters; it has \(comment.count)."
            }
            rubric[criterion] = ToolRubric.Judgement(rating: rating, comment: comment)
        }
        try errors.throwIfAny()
        var entry = stored.entry
        entry.rubric = rubric
        do {
            try await env.scope(actor).toolShortlists.update(entry, expecting: stored.version)
        } catch is ToolShortlistStore.Conflict {
            throw ServiceError.conflict(Self.changedElsewhere)
        }
    }

    /// Takes a tool off the shortlist, with its rubric.
    public func remove(_ actor: Actor, _ id: ShortlistEntry.ID) async throws -> ShortlistAnchor {
        let stored = try await entry(actor, id, write: true)
        try await env.scope(actor).toolShortlists.remove(id)
        return stored.entry.anchor
    }

    /// One entry, if the actor may see its shortlist (and, for `write`, change it).
    public func entry(_ actor: Actor, _ id: ShortlistEntry.ID, write: Bool = false) async throws -> ToolShortlistStore.Stored {
        guard let stored = try await env.scope(actor).toolShortlists.find(id) else { throw ServiceError.notFound }
        let canWrite = try await access(actor, stored.entry.anchor).canWrite
        if write, !canWrite { throw ServiceError.forbidden }
        return stored
    }

    public static let changedElsewhere = "This rubric was changed by someone else since this page was opened, so nothing is saved yet. "
        + "Here is what you typed: look it over and save again."

    /// What the shortlist is for, and whether the actor may change it; `notFound` for anyone who may not see it.
    func access(_ actor: Actor, _ anchor: ShortlistAnchor) async throws -> (title: String, canWrite: Bool) {
        switch anchor {
        case .cycle(let cycleID):
            guard let cycle = try await env.scope(actor).coachingCycles.find(cycleID)?.cycle else { throw ServiceError.notFound }
            let relationship = try await env.coachingRelationship(actor, cycle.relationshipID, may: .read, .work).relationship
            // Both sides choose together, while they work together.
            return (cycle.focus, relationship.isActive && relationship.side(of: actor.personID) != nil)
        case .goal(let planID, let goalID):
            let loaded = try await PlanService(env, vault: nil).load(actor, planID)
            guard let goal = loaded.plan.goals.first(where: { $0.id == goalID }) else { throw ServiceError.notFound }
            let isSharedCoach = actor.has(.coach) && loaded.plan.sharing.coachIDs.contains(actor.personID)
            return (goal.statement.isEmpty ? "A goal without a statement yet" : goal.statement, loaded.isOwner || isSharedCoach)
        }
    }
}
