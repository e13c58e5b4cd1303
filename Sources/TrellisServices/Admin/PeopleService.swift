import Foundation
import TrellisCore
import TrellisStore

/// The people of a district, as a district admin manages them.
public struct PeopleService: Sendable {
    let env: ServiceEnvironment
    /// How long a one-time set-password link stays usable.
    public let resetLinkLifetime: TimeInterval

    public init(_ env: ServiceEnvironment, resetLinkLifetime: TimeInterval = 3 * 24 * 3600) {
        self.env = env
        self.resetLinkLifetime = resetLinkLifetime
    }

    /// A one-time link's secret part and when it stops working.
    public struct ResetLink: Sendable, Hashable {
        public let token: String
        public let expiresAt: Date
    }

    public func list(_ actor: Actor, school: School.ID? = nil) async throws -> [Person] {
        guard Policy.can(actor, .read, .people(actor.organizationID)) else { throw ServiceError.forbidden }
        return try await env.scope(actor).people.all(school: school)
    }

    /// One person, if the actor may see them. Another district's person is simply not found.
    public func find(_ actor: Actor, _ id: Person.ID) async throws -> Person {
        guard let person = try await env.scope(actor).people.find(id) else { throw ServiceError.notFound }
        guard Policy.can(actor, .read, .person(person)) else { throw ServiceError.forbidden }
        return person
    }

    /// Adds a person without a password and returns a one-time link for them to choose one.
    public func create(_ actor: Actor, _ form: PersonForm, address: String? = nil) async throws -> (Person, ResetLink) {
        guard Policy.can(actor, .create, .people(actor.organizationID)) else { throw ServiceError.forbidden }
        let scope = env.scope(actor)
        let valid = try form.validated(schools: try await scope.schools.all())
        let person = Person(id: env.ids.make(), organizationID: actor.organizationID, email: valid.email,
                            displayName: valid.name, schoolID: valid.school, roles: valid.roles)
        let link = ResetLink(token: OneTimeToken.make(), expiresAt: env.clock.now().addingTimeInterval(resetLinkLifetime))
        do {
            try await env.database.transaction { tx in
                let scope = OrganizationScope(tx, organizationID: actor.organizationID)
                try await scope.people.create(person, passwordHash: nil, at: env.clock.now())
                try await scope.passwordResets.issue(token: link.token, for: person.id, by: actor.personID, at: env.clock.now(), expiresAt: link.expiresAt)
                try await scope.audit.append(env.event(.personCreated, in: actor.organizationID, by: actor.personID, about: person.id,
                                                       detail: "\(person.displayName) <\(person.email)> as \(Self.describe(person.roles))", address: address))
            }
        } catch StoreError.duplicate {
            throw FieldErrors("email", "Someone already uses \(valid.email). Each person needs their own email address.")
        }
        return (person, link)
    }

    /// Saves name, email, school and roles. An admin cannot change their own roles, so a district never loses its last admin by accident.
    public func update(_ actor: Actor, _ id: Person.ID, _ form: PersonForm, address: String? = nil) async throws -> Person {
        let current = try await find(actor, id)
        guard Policy.can(actor, .update, .person(current)) else { throw ServiceError.forbidden }
        let valid = try form.validated(schools: try await env.scope(actor).schools.all())
        let rolesChanged = valid.roles != current.roles
        if rolesChanged, !Policy.can(actor, .changeRoles, .person(current)) {
            throw FieldErrors("roles", "You cannot change your own roles. Ask another district admin.")
        }
        var updated = current
        updated.displayName = valid.name
        updated.email = valid.email
        updated.schoolID = valid.school
        updated.roles = valid.roles
        do {
            try await env.database.transaction { [updated] tx in
                let scope = OrganizationScope(tx, organizationID: actor.organizationID)
                try await scope.people.update(updated)
                if updated.displayName != current.displayName || updated.email != current.email || updated.schoolID != current.schoolID {
                    try await scope.audit.append(env.event(.personUpdated, in: actor.organizationID, by: actor.personID, about: id,
                                                           detail: "\(updated.displayName) <\(updated.email)>", address: address))
                }
                if rolesChanged {
                    try await scope.people.setRoles(updated.roles, of: id)
                    try await scope.audit.append(env.event(.rolesChanged, in: actor.organizationID, by: actor.personID, about: id,
                                                           detail: "\(Self.describe(current.roles)) → \(Self.describe(updated.roles))", address: address))
                }
            }
        } catch StoreError.duplicate {
            throw FieldErrors("email", "Someone already uses \(valid.email). Each person needs their own email address.")
        }
        return updated
    }

    /// Stops a person from signing in. Nothing of theirs is deleted.
    public func setActive(_ actor: Actor, _ id: Person.ID, active: Bool, address: String? = nil) async throws -> Person {
        var person = try await find(actor, id)
        guard Policy.can(actor, .deactivate, .person(person)) else { throw ServiceError.forbidden }
        guard person.isActive != active else { return person }
        person.isActive = active
        try await env.database.transaction { [person] tx in
            let scope = OrganizationScope(tx, organizationID: actor.organizationID)
            try await scope.people.update(person)
            try await scope.audit.append(env.event(active ? .personReactivated : .personDeactivated, in: actor.organizationID,
                                                   by: actor.personID, about: id, detail: person.displayName, address: address))
        }
        return person
    }

    /// A new one-time link for the person to choose a password; any earlier link stops working.
    public func issuePasswordReset(_ actor: Actor, _ id: Person.ID, address: String? = nil) async throws -> ResetLink {
        let person = try await find(actor, id)
        guard Policy.can(actor, .resetPassword, .person(person)) else { throw ServiceError.forbidden }
        if !person.isActive { throw ServiceError.conflict("\(person.displayName) is deactivated. Reactivate them first.") }
        let link = ResetLink(token: OneTimeToken.make(), expiresAt: env.clock.now().addingTimeInterval(resetLinkLifetime))
        try await env.database.transaction { tx in
            let scope = OrganizationScope(tx, organizationID: actor.organizationID)
            try await scope.passwordResets.issue(token: link.token, for: id, by: actor.personID, at: env.clock.now(), expiresAt: link.expiresAt)
            try await scope.audit.append(env.event(.passwordResetIssued, in: actor.organizationID, by: actor.personID, about: id,
                                                   detail: person.displayName, address: address))
        }
        return link
    }

    static func describe(_ roles: Set<Role>) -> String {
        roles.isEmpty ? "no role" : roles.sorted().map(\.label).joined(separator: ", ")
    }
}
