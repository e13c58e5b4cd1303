import Foundation
import TrellisCore
import TrellisStore

/// Coaching relationships: a coach invites an educator or an educator asks a coach, the other side accepts or
/// declines, and either side ends it. Each change is one transaction with its audit event (who and what happened,
/// never a word of the message) and a notification to the other side.
public struct CoachingService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    /// What a proposal form carries: the other person, a line for them, and (for an educator) whether the plan is shared.
    public struct Proposal: Sendable, Hashable {
        public var personID: String
        public var message: String
        public var sharePlan: Bool

        public init(personID: String = "", message: String = "", sharePlan: Bool = true) {
            self.personID = personID
            self.message = message
            self.sharePlan = sharePlan
        }
    }

    public static let messageLimit = 500

    /// What a person is told when their page was made from an older version of the relationship.
    public static let changedElsewhere = "This coaching relationship was changed in another window or by the other person since this page was opened, "
        + "so nothing is saved yet. Here is how it stands now: look it over and choose again."

    /// A coach invites an educator (form field `educator`).
    public func invite(_ actor: Actor, _ proposal: Proposal, address: String? = nil) async throws -> CoachingRelationship {
        guard actor.has(.coach) else { throw ServiceError.forbidden }
        return try await propose(actor, side: .coach, proposal, address: address)
    }

    /// An educator asks a coach (form field `coach`); `sharePlan` shares this year's plan with the coach at once.
    public func ask(_ actor: Actor, _ proposal: Proposal, address: String? = nil) async throws -> CoachingRelationship {
        try await propose(actor, side: .educator, proposal, address: address)
    }

    private func propose(_ actor: Actor, side: CoachingRelationship.Side, _ proposal: Proposal, address: String?) async throws -> CoachingRelationship {
        let field = side == .coach ? "educator" : "coach"
        var errors = FieldErrors()
        let message = proposal.message.trimmingWhitespace()
        if message.count > Self.messageLimit { errors["message"] = "Keep the message to \(Self.messageLimit) characters; there is room to say more when you meet." }
        let other = try await counterpart(actor, side: side, proposal.personID, field: field, errors: &errors)
        try errors.throwIfAny()
        guard let other else { throw FieldErrors(field, "Choose someone from the list.") }
        let (coach, educator) = side == .coach ? (actor.personID, other.id) : (other.id, actor.personID)
        let relationship = CoachingRelationship(id: env.ids.make(), organizationID: actor.organizationID, coachID: coach, educatorID: educator,
                                                proposedBy: side, message: message, proposedAt: env.clock.now())
        guard Policy.can(actor, .create, .coaching(CoachingAccess(relationship), .relationship)) else { throw ServiceError.forbidden }
        let actorName = try await env.scope(actor).people.names(of: [actor.personID])[actor.personID] ?? "Someone"
        do {
            try await write(actor.organizationID) { tx in
                try await tx.coachingRelationships.create(relationship)
                try await tx.audit.append(env.event(.coachingProposed, in: actor.organizationID, by: actor.personID, about: other.id,
                                                    detail: side == .coach ? "invited \(other.displayName) to coaching" : "asked \(other.displayName) for coaching",
                                                    address: address))
                if side == .educator, proposal.sharePlan { try await sharePlan(tx, of: actor.personID, with: coach) }
                try await notify(tx, other.id, .coachingProposed,
                                 side == .coach ? "\(actorName) invites you to work together as your coach." : "\(actorName) asks you to be their coach.",
                                 relationship.id)
            }
        } catch StoreError.duplicate {
            // Two proposals for the same pair at once: the other one got in first.
            let current = try await env.scope(actor).coachingRelationships.current(coach: coach, educator: educator)
            throw FieldErrors(field, Self.alreadyMessage(current?.relationship, otherName: other.displayName, actorSide: side))
        }
        return relationship
    }

    /// The person a proposal names, or a message at `field` saying why they cannot be proposed to.
    private func counterpart(_ actor: Actor, side: CoachingRelationship.Side, _ idText: String, field: String,
                             errors: inout FieldErrors) async throws -> Person? {
        let id = idText.trimmingWhitespace()
        let chooser = side == .coach ? "Choose an educator from the list." : "Choose a coach from the list."
        // Another district's id is simply not found in this one.
        guard !id.isEmpty, let person = try await env.scope(actor).people.find(Person.ID(id)), person.isActive else {
            errors[field] = chooser
            return nil
        }
        guard person.id != actor.personID else {
            errors[field] = "Choose someone else: nobody coaches themselves."
            return nil
        }
        if side == .educator, !person.has(.coach) {
            errors[field] = "\(person.displayName) is not a coach in Trellis. \(chooser)"
            return nil
        }
        let (coach, educator) = side == .coach ? (actor.personID, person.id) : (person.id, actor.personID)
        if let current = try await env.scope(actor).coachingRelationships.current(coach: coach, educator: educator) {
            errors[field] = Self.alreadyMessage(current.relationship, otherName: person.displayName, actorSide: side)
            return nil
        }
        return person
    }

    static func alreadyMessage(_ current: CoachingRelationship?, otherName: String, actorSide: CoachingRelationship.Side) -> String {
        guard let current, current.state == .proposed else {
            return actorSide == .coach ? "You already coach \(otherName)." : "\(otherName) already coaches you."
        }
        if current.proposedBy == actorSide {
            return actorSide == .coach ? "You already invited \(otherName); they have not answered yet."
                : "You already asked \(otherName); they have not answered yet."
        }
        return actorSide == .coach ? "\(otherName) has asked you to coach them: answer their request instead."
            : "\(otherName) has invited you already: answer their invitation instead."
    }

    /// Accepts or declines a proposal waiting for the actor. A second accept of one already active (a double click)
    /// changes nothing and is not an error; a page made from an older version is refused with `changedElsewhere`.
    @discardableResult
    public func answer(_ actor: Actor, _ id: CoachingRelationship.ID, accept: Bool, expecting version: Int?, sharePlan: Bool = true,
                       address: String? = nil) async throws -> CoachingRelationship {
        let stored = try await env.coachingRelationship(actor, id, may: .read, .relationship)
        var relationship = stored.relationship
        if relationship.state == (accept ? .active : .declined) { return relationship }
        guard relationship.state == .proposed else { throw ServiceError.conflict(Self.changedElsewhere) }
        guard relationship.awaitsAnswer(from: actor.personID),
              Policy.can(actor, .update, .coaching(CoachingAccess(relationship), .relationship)) else { throw ServiceError.forbidden }
        if let version, version != stored.version { throw ServiceError.conflict(Self.changedElsewhere) }
        let now = env.clock.now()
        relationship.state = accept ? .active : .declined
        if accept { relationship.startedAt = now } else { relationship.endedAt = now }
        let other = relationship.other(than: actor.personID)
        let names = try await env.scope(actor).people.names(of: [actor.personID, other])
        let isEducator = actor.personID == relationship.educatorID
        try await write(actor.organizationID) { [relationship] tx in
            try await tx.coachingRelationships.update(relationship, expecting: stored.version)
            try await tx.audit.append(env.event(.coachingAnswered, in: actor.organizationID, by: actor.personID, about: other,
                                                detail: (accept ? "accepted coaching with " : "declined coaching with ") + (names[other] ?? "someone"),
                                                address: address))
            if accept, isEducator, sharePlan { try await self.sharePlan(tx, of: actor.personID, with: relationship.coachID) }
            try await notify(tx, other, .coachingAnswered,
                             "\(names[actor.personID] ?? "Someone") \(accept ? "accepted" : "declined") working together.", relationship.id)
        }
        return relationship
    }

    /// Ends a relationship under way, or takes back a proposal; either side may. Its records stay with those who
    /// could see them. Ending one already ended (a double click) changes nothing.
    public func end(_ actor: Actor, _ id: CoachingRelationship.ID, expecting version: Int?, address: String? = nil) async throws {
        let stored = try await env.coachingRelationship(actor, id, may: .read, .relationship)
        var relationship = stored.relationship
        if relationship.state == .ended { return }
        guard relationship.isCurrent else { throw ServiceError.conflict(Self.changedElsewhere) }
        guard Policy.can(actor, .update, .coaching(CoachingAccess(relationship), .relationship)) else { throw ServiceError.forbidden }
        if let version, version != stored.version { throw ServiceError.conflict(Self.changedElsewhere) }
        let wasProposal = relationship.state == .proposed
        relationship.state = .ended
        relationship.endedAt = env.clock.now()
        let other = relationship.other(than: actor.personID)
        let names = try await env.scope(actor).people.names(of: [actor.personID, other])
        try await write(actor.organizationID) { [relationship] tx in
            try await tx.coachingRelationships.update(relationship, expecting: stored.version)
            try await tx.audit.append(env.event(.coachingEnded, in: actor.organizationID, by: actor.personID, about: other,
                                                detail: (wasProposal ? "withdrew the proposal to " : "ended coaching with ") + (names[other] ?? "someone"),
                                                address: address))
            try await notify(tx, other, .coachingEnded,
                             wasProposal ? "\(names[actor.personID] ?? "Someone") withdrew their proposal to work together."
                                 : "\(names[actor.personID] ?? "Someone") ended your coaching relationship. What you wrote together stays with you.",
                             relationship.id)
        }
    }

    /// Adds the coach to the sharing of the educator's plan for this school year, inside the transaction `tx`, as the
    /// sharing page would; nothing when there is no plan yet or it is shared already.
    private func sharePlan(_ tx: OrganizationScope, of educator: Person.ID, with coach: Person.ID) async throws {
        let year = SchoolYear.containing(date: env.today, start: try await tx.schoolYearStart())
        guard let summary = try await tx.plans.plans(ownedBy: educator).first(where: { $0.schoolYear == year.startYear }),
              let stored = try await tx.plans.find(summary.id, latest: true), !stored.plan.sharing.isShared(with: coach) else { return }
        var plan = stored.plan
        plan.sharing.share(with: coach)
        _ = try await tx.plans.save(plan, expecting: stored.version, at: env.clock.now())
    }

    /// Runs `body` in one transaction; a relationship or plan changed meanwhile is `changedElsewhere`.
    func write(_ organization: Organization.ID, _ body: @Sendable (OrganizationScope) async throws -> Void) async throws {
        do {
            try await env.database.transaction { tx in try await body(OrganizationScope(tx, organizationID: organization)) }
        } catch is CoachingRelationshipStore.Conflict {
            throw ServiceError.conflict(Self.changedElsewhere)
        } catch is PlanStore.Conflict {
            throw ServiceError.conflict(Self.changedElsewhere)
        }
    }

    func notify(_ scope: OrganizationScope, _ person: Person.ID, _ kind: PersonNotification.Kind, _ message: String,
                _ relationship: CoachingRelationship.ID) async throws {
        try await scope.notifications.add(PersonNotification(id: env.ids.make(), organizationID: scope.organizationID, personID: person,
                                                             kind: kind, message: message, link: "/coaching/relationships/\(relationship)",
                                                             createdAt: env.clock.now()))
    }
}
