import Foundation
import TrellisCore
import TrellisServices

/// Who the token is, the district's people and its schools.
extension APIHandler {
    func getMe(_ input: Operations.GetMe.Input) async throws -> Operations.GetMe.Output {
        guard let grant = APIGateway.grant else { throw APIProblem.unauthorized("Send an API token: Authorization: Bearer trl_…") }
        return .ok(.init(body: .json(.init(
            personId: grant.actor.personID.rawValue, organizationId: grant.actor.organizationID.rawValue,
            roles: grant.actor.roles.sorted().compactMap { Components.Schemas.Role(rawValue: $0.rawValue) },
            tokenKind: grant.kind == .service ? .service : .personal,
            scopes: grant.scopes.sorted().compactMap { Components.Schemas.Scope(rawValue: $0.rawValue) }))))
    }

    func listPeople(_ input: Operations.ListPeople.Input) async throws -> Operations.ListPeople.Output {
        let actor = try actor(.peopleRead)
        let request = try pageRequest(limit: input.query.limit, cursor: input.query.cursor)
        let page = try await people.page(actor, school: input.query.school.map(School.ID.init),
                                         role: input.query.role.flatMap { Role(rawValue: $0.rawValue) }, request)
        return .ok(.init(body: .json(.init(items: page.items.map(APIShapes.person), nextCursor: page.nextCursor))))
    }

    func getPerson(_ input: Operations.GetPerson.Input) async throws -> Operations.GetPerson.Output {
        let actor = try actor(.peopleRead)
        return .ok(.init(body: .json(APIShapes.person(try await people.find(actor, Person.ID(input.path.personId))))))
    }

    func listSchools(_ input: Operations.ListSchools.Input) async throws -> Operations.ListSchools.Output {
        let actor = try actor(.schoolsRead)
        let page = try await schools.page(actor, try pageRequest(limit: input.query.limit, cursor: input.query.cursor))
        return .ok(.init(body: .json(.init(items: page.items.map(APIShapes.school), nextCursor: page.nextCursor))))
    }

    func getSchool(_ input: Operations.GetSchool.Input) async throws -> Operations.GetSchool.Output {
        let actor = try actor(.schoolsRead)
        return .ok(.init(body: .json(APIShapes.school(try await schools.find(actor, School.ID(input.path.schoolId))))))
    }
}
