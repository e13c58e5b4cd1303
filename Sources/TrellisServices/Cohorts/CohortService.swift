import Foundation
import TrellisCore
import TrellisStore

/// Cohorts: starting one, its members and their stakeholder roles, and reading it. Visioning, themes and the cohort
/// page are in the extensions beside this file; PLCs in `PLCService`.
///
/// Every change is one transaction with its audit event. Audit details name what changed, never what people wrote
/// (statements, notes), and nothing about an anonymous statement at all.
public struct CohortService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    /// A cohort as the person asking may see it.
    public struct Loaded: Sendable, Hashable {
        public let cohort: Cohort
        public let version: Int
        public var access: CohortAccess { CohortAccess(cohort) }
        public let isFacilitator: Bool
    }

    public var today: CalendarDate { env.today }

    /// The cohort, if the actor may do `action` to `part` of it. Someone outside the cohort is told it does not exist
    /// (404) so ids tell nothing; someone in it who may not do this is `forbidden`.
    /// `recent` (pages that only show) may answer from reads of the last two seconds.
    public func load(_ actor: Actor, _ id: Cohort.ID, may action: Action = .read, _ part: CohortPart = .overview,
                     recent: Bool = false) async throws -> Loaded {
        guard let stored = try await env.scope(actor).cohorts.find(id, recent: recent) else { throw ServiceError.notFound }
        let access = CohortAccess(stored.cohort)
        guard Policy.can(actor, .read, .cohort(access, .overview)) else { throw ServiceError.notFound }
        guard Policy.can(actor, action, .cohort(access, part)) else { throw ServiceError.forbidden }
        return Loaded(cohort: stored.cohort, version: stored.version, isFacilitator: actor.personID == stored.cohort.facilitatorID)
    }

    /// The cohorts the actor facilitates or belongs to.
    public func myCohorts(_ actor: Actor) async throws -> [Cohort] {
        try await env.scope(actor).cohorts.cohorts(of: actor.personID).map(\.cohort)
    }

    /// Whether to show "Cohorts" in the actor's navigation.
    public func isInAnyCohort(_ actor: Actor) async throws -> Bool {
        try await env.scope(actor).cohorts.isInAnyCohort(actor.personID)
    }

    public func canStart(_ actor: Actor) -> Bool { Policy.can(actor, .create, .cohorts(actor.organizationID)) }

    /// Starts a cohort the actor (a coach) facilitates, in the current school year.
    public func start(_ actor: Actor, name: String) async throws -> Cohort {
        guard canStart(actor) else { throw ServiceError.forbidden }
        let trimmed = name.trimmingWhitespace()
        guard !trimmed.isEmpty, trimmed.count <= 120 else {
            throw FieldErrors("name", "Name the cohort in at most 120 characters, e.g. “Digital Learning Cohort”.")
        }
        let year = SchoolYear.containing(date: today, start: try await env.scope(actor).schoolYearStart())
        let cohort = Cohort(id: env.ids.make(), organizationID: actor.organizationID, name: trimmed, facilitatorID: actor.personID,
                            schoolYear: year)
        try await write(actor) { tx in
            try await tx.cohorts.create(cohort, at: env.clock.now())
            try await tx.audit.append(event(actor, "started cohort \(cohort.id)"))
        }
        return cohort
    }

    /// Display names of the cohort's facilitator and members.
    public func names(_ actor: Actor, _ loaded: Loaded) async throws -> [Person.ID: String] {
        try await env.scope(actor).people.names(of: loaded.cohort.memberIDs.union([loaded.cohort.facilitatorID]))
    }

    /// The district's stakeholder roles, offered when adding a member.
    public func stakeholderRoles(_ actor: Actor) async throws -> [String] {
        try await env.scope(actor).cohorts.stakeholderRoles()
    }

    /// Replaces the district's list (one role a line); an empty text goes back to the defaults. District admins only.
    public func setStakeholderRoles(_ actor: Actor, _ text: String) async throws -> [String] {
        guard Policy.can(actor, .update, .settings(actor.organizationID)) else { throw ServiceError.forbidden }
        let roles = StakeholderRoles.parse(text)
        try await write(actor) { tx in
            try await tx.cohorts.setStakeholderRoles(roles.isEmpty ? nil : roles)
            try await tx.audit.append(event(actor, "stakeholder roles: \(roles.isEmpty ? "defaults" : roles.joined(separator: ", "))"))
        }
        return roles.isEmpty ? StakeholderRoles.defaults : roles
    }

    /// Adds a person of the district to the cohort with a stakeholder role, or changes their role; tells them.
    public func setMember(_ actor: Actor, _ id: Cohort.ID, person personID: String, role: String, expecting version: Int?) async throws {
        let loaded = try await load(actor, id, may: .update, .setup)
        var errors = FieldErrors()
        // The person is named by their email (the members form) or their id; either way, only in this district.
        let people = env.scope(actor).people
        var person: Person?
        if let email = EmailAddress(personID) {
            person = try await people.find(email: email)
        } else if !personID.isEmpty, !personID.contains("@") {
            person = try await people.find(Person.ID(personID))
        }
        if person?.isActive != true { errors["person"] = "Enter the email of someone in your district who uses Trellis." }
        if person?.id == loaded.cohort.facilitatorID { errors["person"] = "You facilitate this cohort; choose someone else to join it." }
        let roles = try await stakeholderRoles(actor)
        if !roles.contains(role) { errors["role"] = "Choose the part they play in the cohort from the list." }
        try errors.throwIfAny()
        guard let person else { return }
        var cohort = loaded.cohort
        let isNew = !cohort.isMember(person.id)
        cohort.setMember(person.id, role: role)
        try await write(actor, expecting: version, loaded) { [cohort] tx in
            try await tx.cohorts.update(cohort, expecting: loaded.version)
            try await tx.audit.append(event(actor, "\(isNew ? "added" : "changed") member of cohort \(id) as \(role)", about: person.id))
            if isNew {
                try await notify(tx, person.id, "You are invited to the cohort “\(cohort.name)”.", link: "/cohorts/\(id)")
            }
        }
    }

    /// Takes a person out of the cohort and out of its PLCs.
    public func removeMember(_ actor: Actor, _ id: Cohort.ID, person personID: Person.ID, expecting version: Int?) async throws {
        let loaded = try await load(actor, id, may: .update, .setup)
        guard loaded.cohort.isMember(personID) else { throw ServiceError.notFound }
        var cohort = loaded.cohort
        cohort.removeMember(personID)
        let plcs = try await env.scope(actor).plcs.plcs(of: id).filter { $0.plc.isMember(personID) }
        try await write(actor, expecting: version, loaded) { [cohort] tx in
            try await tx.cohorts.update(cohort, expecting: loaded.version)
            for stored in plcs {
                var plc = stored.plc
                plc.memberIDs.removeAll { $0 == personID }
                try await tx.plcs.update(plc, expecting: stored.version)
                try await tx.plcs.unlink(personID, from: plc.id)
            }
            try await tx.audit.append(event(actor, "removed member of cohort \(id)", about: personID))
        }
    }

    /// What a person is told when their page was made from an older version of the cohort or PLC than the one saved now.
    public static let changedElsewhere = "Someone else changed this since the page was opened, so this change is not saved yet. "
        + "What you wrote is kept here: look over the latest version and save again."

    /// Runs `body` in one transaction with the district's stores; a stale version (the form's, or one that raced this
    /// save) is a conflict with `changedElsewhere`.
    func write(_ actor: Actor, expecting version: Int? = nil, _ loaded: Loaded? = nil,
               _ body: @Sendable (OrganizationScope) async throws -> Void) async throws {
        if let version, let loaded, version != loaded.version { throw ServiceError.conflict(Self.changedElsewhere) }
        do {
            try await env.database.transaction { tx in try await body(OrganizationScope(tx, organizationID: actor.organizationID)) }
        } catch is CohortStore.Conflict {
            throw ServiceError.conflict(Self.changedElsewhere)
        } catch is PLCStore.Conflict {
            throw ServiceError.conflict(Self.changedElsewhere)
        }
    }

    func event(_ actor: Actor?, _ detail: String, about subject: Person.ID? = nil, in organization: Organization.ID? = nil) -> AuditEvent {
        env.event(.cohortChanged, in: organization ?? actor!.organizationID, by: actor?.personID, about: subject, detail: detail)
    }

    func notify(_ scope: OrganizationScope, _ person: Person.ID, _ message: String, link: String) async throws {
        try await scope.notifications.add(PersonNotification(id: env.ids.make(), organizationID: scope.organizationID, personID: person,
                                                             kind: .cohortInvited, message: message, link: link, createdAt: env.clock.now()))
    }
}
