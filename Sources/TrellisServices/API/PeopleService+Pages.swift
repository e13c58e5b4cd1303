import Foundation
import TrellisCore
import TrellisStore

extension PeopleService {
    /// One page of the district's people in id order, for an integration's sync (district admins, as the directory page).
    public func page(_ actor: Actor, school: School.ID? = nil, role: Role? = nil, _ request: PageRequest) async throws -> Page<Person> {
        guard Policy.can(actor, .read, .people(actor.organizationID)) else { throw ServiceError.forbidden }
        let fetched = try await env.scope(actor).people.page(after: request.after, school: school, role: role, limit: request.limit + 1)
        return Page(fetched, limit: request.limit) { KeysetPosition(value: 0, id: $0.id.rawValue) }
    }
}

extension SchoolService {
    /// One school of the actor's district; another district's is not found.
    public func find(_ actor: Actor, _ id: School.ID) async throws -> School {
        guard Policy.can(actor, .read, .schools(actor.organizationID)) else { throw ServiceError.forbidden }
        guard let school = try await env.scope(actor).schools.find(id) else { throw ServiceError.notFound }
        return school
    }

    /// One page of the district's schools in id order.
    public func page(_ actor: Actor, _ request: PageRequest) async throws -> Page<School> {
        Page(all: try await list(actor), request) { $0.id.rawValue }
    }
}
