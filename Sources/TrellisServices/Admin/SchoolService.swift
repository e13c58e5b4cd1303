import Foundation
import TrellisCore
import TrellisStore

/// The schools of a district.
public struct SchoolService: Sendable {
    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    public func list(_ actor: Actor) async throws -> [School] {
        guard Policy.can(actor, .read, .schools(actor.organizationID)) else { throw ServiceError.forbidden }
        return try await env.scope(actor).schools.all()
    }

    public func headcounts(_ actor: Actor) async throws -> [School.ID: Int] {
        guard Policy.can(actor, .read, .schools(actor.organizationID)) else { throw ServiceError.forbidden }
        return try await env.scope(actor).schools.headcounts()
    }

    public func create(_ actor: Actor, name text: String) async throws -> School {
        guard Policy.can(actor, .create, .schools(actor.organizationID)) else { throw ServiceError.forbidden }
        let name = try Self.validName(text)
        let school = School(id: env.ids.make(), organizationID: actor.organizationID, name: name)
        do {
            try await env.database.transaction { tx in
                let scope = OrganizationScope(tx, organizationID: actor.organizationID)
                try await scope.schools.create(school, at: env.clock.now())
                try await scope.audit.append(env.event(.schoolCreated, in: actor.organizationID, by: actor.personID, about: nil, detail: name))
            }
        } catch StoreError.duplicate {
            throw FieldErrors("name", "There is already a school called \(name).")
        }
        return school
    }

    public func rename(_ actor: Actor, school id: School.ID, to text: String) async throws {
        guard Policy.can(actor, .update, .schools(actor.organizationID)) else { throw ServiceError.forbidden }
        let name = try Self.validName(text)
        guard let school = try await env.scope(actor).schools.find(id) else { throw ServiceError.notFound }
        do {
            try await env.database.transaction { tx in
                let scope = OrganizationScope(tx, organizationID: actor.organizationID)
                try await scope.schools.rename(id, to: name)
                try await scope.audit.append(env.event(.schoolRenamed, in: actor.organizationID, by: actor.personID, about: nil,
                                                       detail: "\(school.name) → \(name)"))
            }
        } catch StoreError.duplicate {
            throw FieldErrors("name", "There is already a school called \(name).")
        }
    }

    static func validName(_ text: String) throws -> String {
        let name = text.trimmingWhitespace()
        if name.isEmpty { throw FieldErrors("name", "Enter the school's name.") }
        if name.count > 120 { throw FieldErrors("name", "Use at most 120 characters.") }
        return name
    }
}
