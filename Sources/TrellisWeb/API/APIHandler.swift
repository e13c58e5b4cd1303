import Foundation
import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime
import TrellisCore
import TrellisServices

/// The API's operations (`APIProtocol`, generated from openapi.yaml) over the same services as the pages. Each handler
/// takes the call's grant, checks the token's scope, and asks a service as the grant's actor, so the policy decides
/// exactly as it does for a page; services refuse with `ServiceError`/`FieldErrors`, which the gateway turns into
/// problem objects. Handlers never reach the database themselves.
struct APIHandler: APIProtocol {
    let people: PeopleService
    let schools: SchoolService
    let standards: StandardsService
    let plans: PlanService
    let clockHours: ClockHourService
    let verifications: VerificationService
    let coachingCounts: CoachingCountsService
    let cohorts: CohortService
    let roster: RosterImportService

    init(environment: ServiceEnvironment, plans: PlanService) {
        people = PeopleService(environment)
        schools = SchoolService(environment)
        standards = StandardsService(environment)
        self.plans = plans
        clockHours = ClockHourService(environment)
        verifications = VerificationService(environment)
        coachingCounts = CoachingCountsService(environment)
        cohorts = CohortService(environment)
        roster = RosterImportService(environment)
    }

    /// The actor a call acts as, once its token is known to carry `scope`.
    func actor(_ scope: APIScope) throws -> Actor {
        try APIGateway.require(scope).actor
    }

    /// A page request from the query, refusing a bad limit or cursor as the client's mistake (400).
    func pageRequest(limit: Int?, cursor: String?) throws -> PageRequest {
        do {
            return try PageRequest(limit: limit, cursor: cursor)
        } catch let errors as FieldErrors {
            let fields = errors.messages.sorted { $0.key < $1.key }.map { APIProblem.FieldProblem(field: $0.key, message: $0.value) }
            throw APIProblem(.badRequest, kind: "bad-request", title: "The query is not valid",
                             detail: fields.map(\.message).joined(separator: " "), errors: fields)
        }
    }
}

/// Hangs the API on the gateway's group: the contract itself at /api/v1/openapi.json (no token: a client reads it before
/// it has one), then every operation of the contract.
enum APIRoutes {
    static func register(on router: Router<TrellisRequestContext>, api: RouterGroup<TrellisRequestContext>, handler: APIHandler) throws {
        router.get("api/v1/openapi.json") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-cache"],
                     body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json)))
        }
        try handler.registerHandlers(on: api.group().add(middleware: OpenAPIErrorUnwrapping()))
    }
}
