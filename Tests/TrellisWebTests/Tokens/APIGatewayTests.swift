import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
import TrellisCore
import TrellisServices
@testable import TrellisWeb

/// The gateway in front of /api/v1: bearer tokens (401 with `WWW-Authenticate`), scopes (403 naming the scope), the
/// rate limit (429 with `Retry-After`) and problem objects for every error, with no CSRF and no session involved.
@Suite struct APIGatewayTests {
    struct Problem: Decodable {
        struct Field: Decodable { let field: String; let message: String }
        let type: String
        let title: String
        let status: Int
        let detail: String?
        let instance: String?
        let errors: [Field]?
    }

    static func problem(_ response: TestResponse) throws -> Problem {
        #expect(response.headers[.contentType] == "application/problem+json")
        return try JSONDecoder().decode(Problem.self, from: Data(buffer: response.body))
    }

    static func bearer(_ secret: String) -> HTTPFields { [.authorization: "Bearer \(secret)"] }

    /// The whole app, with a rate limit of `ratePerMinute` (bursts of half).
    static func withApp(ratePerMinute: Int = 120, _ body: @Sendable (TestDistricts, any TestClientProtocol) async throws -> Void) async throws {
        try await TestDatabase.with { database in
            let districts = try await TestDistricts.make(database)
            var config = AppConfig(database: database.location, dataDirectory: FileManager.default.temporaryDirectory.path, bcryptCost: 4)
            config.apiRatePerMinute = ratePerMinute
            let app = try await buildApplication(config, environment: districts.environment)
            try await app.test(.router) { client in try await body(districts, client) }
        }
    }

    static func token(_ districts: TestDistricts, _ person: Person, _ scopes: [APIScope], kind: APIGrant.Kind = .personal) async throws -> String {
        try await APITokenService(districts.environment).create(
            Actor(person), kind: kind, form: .init(name: "test", scopes: scopes.map(\.rawValue), expiresInDays: "")).secret
    }

    @Test func meAnswersWhoTheTokenActsAsAndWithoutAGoodTokenIs401() async throws {
        try await Self.withApp { districts, client in
            // setup
            let leader = districts.north.leader
            let secret = try await Self.token(districts, leader, [.plansRead, .peopleRead])
            // run + check: the token's person and scopes
            let me = try await client.execute(uri: "/api/v1/me", method: .get, headers: Self.bearer(secret))
            #expect(me.status == .ok)
            struct Me: Decodable { let person_id: String; let organization_id: String; let roles: [String]; let token_kind: String; let scopes: [String] }
            let body = try JSONDecoder().decode(Me.self, from: Data(buffer: me.body))
            #expect(body.person_id == leader.id.rawValue && body.roles == ["leader"] && body.token_kind == "personal")
            #expect(body.scopes == ["people:read", "plans:read"])
            #expect(me.headers[.init("RateLimit-Limit")!] == "60")
            // run + check: no header, another scheme, an unknown token, a session cookie instead
            for headers: HTTPFields in [[:], [.authorization: "Basic dXNlcjpwYXNz"], Self.bearer("trl_unknown"),
                                        [.cookie: "trellis_session=whatever"]] {
                let refused = try await client.execute(uri: "/api/v1/me", method: .get, headers: headers)
                #expect(refused.status == .unauthorized)
                #expect(refused.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
                let problem = try Self.problem(refused)
                #expect(problem.status == 401 && problem.instance == "/api/v1/me" && problem.type == "/api#problem-unauthorized")
            }
            let unknown = try await client.execute(uri: "/api/v1/me", method: .get, headers: Self.bearer("trl_unknown"))
            #expect(unknown.headers[.wwwAuthenticate]?.contains("invalid_token") == true)
        }
    }

    @Test func aRevokedTokenOrADeactivatedOwnerIsRefusedOnTheNextCall() async throws {
        try await Self.withApp { districts, client in
            // setup
            let env = districts.environment, teacher = districts.north.educator
            let tokens = APITokenService(env)
            let created = try await tokens.create(Actor(teacher), kind: .personal, form: .init(name: "laptop", scopes: ["plans:read"]))
            #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: Self.bearer(created.secret)).status == .ok)
            // run: revoked; check
            try await tokens.revoke(Actor(teacher), kind: .personal, id: created.token.id)
            #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: Self.bearer(created.secret)).status == .unauthorized)
            // run: another token, then the owner deactivated; check
            let other = try await Self.token(districts, teacher, [.plansRead])
            #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: Self.bearer(other)).status == .ok)
            _ = try await PeopleService(env).setActive(Actor(districts.north.admin), teacher.id, active: false)
            #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: Self.bearer(other)).status == .unauthorized)
        }
    }

    @Test func afterTheBurstTheTokenGets429WithRetryAfterAndOtherTokensDoNot() async throws {
        try await Self.withApp(ratePerMinute: 6) { districts, client in
            // setup: 6 a minute, bursts of 3; the clock stands still
            let first = try await Self.token(districts, districts.north.educator, [.plansRead])
            let second = try await Self.token(districts, districts.north.coach, [.plansRead])
            // run
            var statuses: [HTTPResponse.Status] = []
            var last: TestResponse?
            for _ in 0..<4 {
                let response = try await client.execute(uri: "/api/v1/me", method: .get, headers: Self.bearer(first))
                statuses.append(response.status)
                last = response
            }
            // check
            #expect(statuses == [.ok, .ok, .ok, .tooManyRequests])
            let limited = try #require(last)
            #expect(limited.headers[.retryAfter] == "10")
            #expect(limited.headers[.init("RateLimit-Remaining")!] == "0")
            let problem = try Self.problem(limited)
            #expect(problem.status == 429 && problem.type == "/api#problem-rate-limited" && problem.detail?.contains("6 requests a minute") == true)
            #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: Self.bearer(second)).status == .ok)
            // Ten seconds later (one request's refill at 6 a minute) one is allowed again.
            districts.clock.advance(by: 10)
            #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: Self.bearer(first)).status == .ok)
        }
    }

    @Test func anAddressNoRouteAnswersIsAProblemAndNeedsNoFormToken() async throws {
        try await Self.withApp { districts, client in
            // setup
            let secret = try await Self.token(districts, districts.north.educator, [.plansRead])
            // run + check: unknown address, signed or not
            for headers: HTTPFields in [[:], Self.bearer(secret)] {
                let missing = try await client.execute(uri: "/api/v1/nowhere", method: .get, headers: headers)
                #expect(missing.status == .notFound)
                let problem = try Self.problem(missing)
                #expect(problem.status == 404)
            }
            // run + check: a POST with a token and no CSRF token is judged by the API (a problem), never the pages' CSRF 403
            let posted = try await client.execute(uri: "/api/v1/me", method: .post, headers: Self.bearer(secret), body: ByteBuffer(string: "{}"))
            #expect(posted.status != .forbidden && posted.status.code >= 400 && posted.status.code < 500)
            let postedProblem = try Self.problem(posted)
            #expect(postedProblem.status == Int(posted.status.code))
            // The pages keep theirs: a page address is still HTML.
            let page = try await client.execute(uri: "/nowhere", method: .get)
            #expect(page.status == .notFound && page.headers[.contentType]?.hasPrefix("text/html") == true)
        }
    }

    @Test func scopesFieldMistakesBadJSONAndSurprisesBecomeTheRightProblems() async throws {
        try await TestDatabase.with { database in
            // setup: the gateway on a router of its own, with routes that fail in each way
            let districts = try await TestDistricts.make(database)
            let config = AppConfig(database: database.location, bcryptCost: 4)
            let router = Router(context: TrellisRequestContext.self)
            let api = APIGateway.group(on: router, environment: districts.environment, config: config)
            struct Body: Decodable { let name: String }
            struct Surprise: Error {}
            api.get("plans") { _, _ in _ = try APIGateway.require(.plansRead); return "plans" }
            api.get("people") { _, _ in _ = try APIGateway.require(.peopleRead); return "people" }
            api.post("named") { request, context in try await request.decode(as: Body.self, context: context).name }
            api.post("checked") { _, _ -> String in throw FieldErrors("name", "Give it a name.") }
            api.get("refused") { _, _ -> String in throw ServiceError.forbidden }
            api.get("gone") { _, _ -> String in throw ServiceError.notFound }
            api.get("surprise") { _, _ -> String in throw Surprise() }
            let secret = try await Self.token(districts, districts.north.educator, [.plansRead])
            let app = Application(router: router)
            try await app.test(.router) { client in
                let auth = Self.bearer(secret)
                // run + check: the scope it has, and the one it lacks (403 naming it)
                #expect(try await client.execute(uri: "/api/v1/plans", method: .get, headers: auth).status == .ok)
                let lacking = try await client.execute(uri: "/api/v1/people", method: .get, headers: auth)
                #expect(lacking.status == .forbidden)
                let scopeProblem = try Self.problem(lacking)
                #expect(scopeProblem.type == "/api#problem-insufficient-scope" && scopeProblem.detail?.contains("people:read") == true)
                #expect(lacking.headers[.wwwAuthenticate]?.contains("insufficient_scope") == true)
                // Bad JSON and JSON without the field: 400, naming the field.
                var json = auth
                json[.contentType] = "application/json"
                let broken = try await client.execute(uri: "/api/v1/named", method: .post, headers: json, body: ByteBuffer(string: "{nope"))
                let brokenProblem = try Self.problem(broken)
                #expect(broken.status == .badRequest && brokenProblem.status == 400)
                let missing = try await client.execute(uri: "/api/v1/named", method: .post, headers: json, body: ByteBuffer(string: "{}"))
                #expect(missing.status == .badRequest)
                let missingProblem = try Self.problem(missing)
                #expect(missingProblem.detail?.contains("name") == true)
                #expect(try await client.execute(uri: "/api/v1/named", method: .post, headers: json,
                                                 body: ByteBuffer(string: #"{"name":"Ada"}"#)).status == .ok)
                // Field mistakes: 422 with each field.
                let checked = try await client.execute(uri: "/api/v1/checked", method: .post, headers: auth)
                #expect(checked.status == .unprocessableContent)
                let fields = try Self.problem(checked)
                #expect(fields.errors?.first?.field == "name" && fields.errors?.first?.message == "Give it a name.")
                #expect(try await client.execute(uri: "/api/v1/refused", method: .get, headers: auth).status == .forbidden)
                #expect(try await client.execute(uri: "/api/v1/gone", method: .get, headers: auth).status == .notFound)
                // The unexpected: a 500 problem that shows nothing of the error.
                let surprise = try await client.execute(uri: "/api/v1/surprise", method: .get, headers: auth)
                #expect(surprise.status == .internalServerError)
                let text = String(buffer: surprise.body)
                let surpriseProblem = try Self.problem(surprise)
                #expect(surpriseProblem.status == 500 && !text.contains("Surprise"))
            }
        }
    }
}
