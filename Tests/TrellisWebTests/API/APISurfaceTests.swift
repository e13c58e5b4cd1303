import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
import TrellisCore
import TrellisServices
@testable import TrellisWeb

/// The API's operations over the services: what each family answers, that a scope and the policy must both say yes,
/// and that the contract is served and names every operation the server has.
@Suite struct APISurfaceTests {
    typealias Gateway = APIGatewayTests

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    static func get(_ client: some TestClientProtocol, _ uri: String, _ secret: String) async throws -> TestResponse {
        try await client.execute(uri: uri, method: .get, headers: Gateway.bearer(secret))
    }

    @Test func theContractIsServedWithoutATokenAndNamesEveryOperation() async throws {
        try await Gateway.withApp { _, client in
            // run
            let response = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
            // check
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            let document = try Self.json(response)
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: Any])
            for path in ["/me", "/people", "/people/{person_id}", "/people/{person_id}/clock-hours", "/people/{person_id}/certificates",
                         "/schools", "/schools/{school_id}", "/frameworks", "/frameworks/{framework_id}/standards", "/plans",
                         "/plans/{plan_id}", "/verifications", "/coaching-counts", "/cohorts", "/cohorts/{cohort_id}"] {
                #expect(paths[path] != nil, "\(path) is in the contract")
            }
        }
    }

    @Test func theAPIPageExplainsTokensPagingAndEachProblemType() async throws {
        try await Gateway.withApp { _, client in
            // run
            let page = try await client.execute(uri: "/api", method: .get)
            // check: open without signing in, and every problem type a response can name has its anchor
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            for anchor in ["problem-unauthorized", "problem-insufficient-scope", "problem-invalid-fields", "problem-not-found",
                           "problem-conflict", "problem-rate-limited", "problem-bad-request", "problem-server-error"] {
                #expect(html.contains("id=\"\(anchor)\""), "\(anchor)")
            }
            #expect(html.contains("/account/tokens") && html.contains("/api/v1/openapi.json") && html.contains("next_cursor"))
        }
    }

    @Test func peopleAreForAdminsAndPageWithACursorThatVisitsEachPersonOnce() async throws {
        try await Gateway.withApp { districts, client in
            // setup
            let north = districts.north
            let admin = try await Gateway.token(districts, north.admin, [.peopleRead])
            // A leader may hold people:read (their school's people) but is not the district's directory.
            let leader = try await Gateway.token(districts, north.leader, [.peopleRead])
            // run: walk the pages two at a time
            var seen: [String] = [], cursor: String? = nil, pages = 0
            repeat {
                let uri = "/api/v1/people?limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
                let page = try await Self.get(client, uri, admin)
                #expect(page.status == .ok)
                let body = try Self.json(page)
                seen += (body["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
                cursor = body["next_cursor"] as? String
                pages += 1
            } while cursor != nil && pages < 10
            // check: everyone of the district once, no one of the other district
            let everyone = [north.admin, north.educator, north.leader, north.coach, north.colleague].map(\.id.rawValue)
            #expect(seen.sorted() == everyone.sorted())
            #expect(pages == 3)
            // check: a filter; the leader refused the directory, allowed their school's teacher, not the other school's
            let coaches = try Self.json(try await Self.get(client, "/api/v1/people?role=coach", admin))
            #expect((coaches["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [north.coach.id.rawValue])
            #expect(try await Self.get(client, "/api/v1/people", leader).status == .forbidden)
            #expect(try await Self.get(client, "/api/v1/people/\(north.educator.id)", leader).status == .ok)
            #expect(try await Self.get(client, "/api/v1/people/\(north.colleague.id)", leader).status == .forbidden)
            #expect(try await Self.get(client, "/api/v1/people/\(districts.south.educator.id)", admin).status == .notFound)
        }
    }

    @Test func aBadLimitOrCursorIsA400ProblemNamingTheParameter() async throws {
        try await Gateway.withApp { districts, client in
            // setup
            let admin = try await Gateway.token(districts, districts.north.admin, [.peopleRead, .schoolsRead])
            for (uri, field) in [("/api/v1/people?limit=0", "limit"), ("/api/v1/schools?limit=201", "limit"),
                                 ("/api/v1/people?cursor=not-ours!", "cursor"), ("/api/v1/people?cursor=Zm9v", "cursor")] {
                // run
                let response = try await Self.get(client, uri, admin)
                // check
                #expect(response.status == .badRequest, "\(uri)")
                let problem = try Gateway.problem(response)
                #expect(problem.errors?.map(\.field) == [field], "\(uri)")
            }
            let notANumber = try await Self.get(client, "/api/v1/people?limit=many", admin)
            #expect(notANumber.status == .badRequest)
            #expect(try Gateway.problem(notANumber).status == 400)
        }
    }

    @Test func schoolsFrameworksAndStandardsAreReadWithTheirScopes() async throws {
        try await Gateway.withApp { districts, client in
            // setup
            let teacher = try await Gateway.token(districts, districts.north.educator, [.schoolsRead, .standardsRead])
            // run + check
            let schools = try Self.json(try await Self.get(client, "/api/v1/schools", teacher))
            #expect((schools["items"] as? [[String: Any]])?.count == 2)
            #expect(try await Self.get(client, "/api/v1/schools/\(districts.north.school.id)", teacher).status == .ok)
            #expect(try await Self.get(client, "/api/v1/schools/\(districts.south.school.id)", teacher).status == .notFound)
            let frameworks = try Self.json(try await Self.get(client, "/api/v1/frameworks", teacher))
            let ids = (frameworks["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
            #expect(ids.contains("wa-teacher-criteria"))
            let standards = try Self.json(try await Self.get(client, "/api/v1/frameworks/wa-teacher-criteria/standards", teacher))
            #expect((standards["items"] as? [[String: Any]])?.count ?? 0 >= 8)
            #expect(try await Self.get(client, "/api/v1/frameworks/no-such-framework/standards", teacher).status == .notFound)
            // check: without the scope
            let plansOnly = try await Gateway.token(districts, districts.north.educator, [.plansRead])
            let refused = try await Self.get(client, "/api/v1/schools", plansOnly)
            #expect(refused.status == .forbidden)
            #expect(try Gateway.problem(refused).type == "/api#problem-insufficient-scope")
        }
    }

    @Test func coachingCountsCountAndNeverCarryANote() async throws {
        try await Gateway.withApp { districts, client in
            // setup: a session with a private note
            let north = districts.north, database = districts.environment.database
            let relationship = try await CaseloadFixtures.relationship(database, coach: north.coach, educator: north.educator,
                                                                       startedAt: districts.clock.now().addingTimeInterval(-30 * 86400))
            try await CaseloadFixtures.session(database, relationship, on: "2026-10-05", minutes: 50, school: north.school.id,
                                               note: "Private worry about the lesson")
            let leader = try await Gateway.token(districts, north.leader, [.coachingCountsRead])
            // run
            let response = try await Self.get(client, "/api/v1/coaching-counts", leader)
            // check
            #expect(response.status == .ok)
            let text = String(buffer: response.body)
            #expect(!text.contains("Private worry"))
            let body = try Self.json(response)
            let schools = body["schools"] as? [[String: Any]] ?? []
            #expect(schools.first?["sessions"] as? Int == 1 && schools.first?["minutes"] as? Int == 50)
            #expect(Set(schools.first?.keys.map { $0 } ?? []) == ["name", "sessions", "minutes", "people"])
            #expect(body["school"] as? String == north.school.name)
        }
    }
}
