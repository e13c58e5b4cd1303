import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
import TrellisCore
import TrellisServices
@testable import TrellisWeb

/// Plans through the API: the owner starts and changes their own (with a version, so a stale change is a 409), nobody
/// reads another's unless it is shared with them (404 otherwise), and lists sync by `updated_since` and cursor.
@Suite struct APIPlansTests {
    typealias Gateway = APIGatewayTests

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    static func send(_ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, _ secret: String,
                     _ body: String? = nil) async throws -> TestResponse {
        var headers = Gateway.bearer(secret)
        if body != nil { headers[.contentType] = "application/json" }
        return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    @Test func theOwnerStartsAndChangesTheirPlanAndAStaleVersionIs409() async throws {
        try await Gateway.withApp { districts, client in
            // setup
            let teacher = try await Gateway.token(districts, districts.north.educator, [.plansRead, .plansWrite])
            // run: start
            let created = try await Self.send(client, .post, "/api/v1/plans", teacher)
            #expect(created.status == .created)
            let plan = try Self.json(created)
            let id = try #require(plan["id"] as? String)
            #expect(plan["status"] as? String == "draft" && plan["version"] as? Int == 1)
            // run: a goal with a step, in one save
            let changed = try await Self.send(client, .patch, "/api/v1/plans/\(id)", teacher, """
                {"version": 1, "goals": [{"statement": "Students explain their reasoning in writing", "target": "80%",
                  "action_steps": [{"what": "Weekly exit ticket", "status": "in_progress"}]}]}
                """)
            // check
            #expect(changed.status == .ok)
            let saved = try Self.json(changed)
            #expect(saved["version"] as? Int == 2)
            let goals = saved["goals"] as? [[String: Any]] ?? []
            #expect(goals.first?["statement"] as? String == "Students explain their reasoning in writing")
            #expect((goals.first?["action_steps"] as? [[String: Any]])?.first?["status"] as? String == "in_progress")
            // run + check: the same change again from version 1 is refused, and nothing is saved
            let stale = try await Self.send(client, .patch, "/api/v1/plans/\(id)", teacher, #"{"version": 1, "goals": [{"statement": "Other"}]}"#)
            #expect(stale.status == .conflict)
            #expect(try Gateway.problem(stale).detail == PlanService.changedElsewhere)
            let again = try Self.json(try await Self.send(client, .get, "/api/v1/plans/\(id)", teacher))
            #expect(again["version"] as? Int == 2 && (again["goals"] as? [[String: Any]])?.count == 1)
            // run + check: a second plan for the year is a conflict too
            #expect(try await Self.send(client, .post, "/api/v1/plans", teacher).status == .conflict)
        }
    }

    @Test func badFieldsAre422WithEachFieldNamedAndNothingSaved() async throws {
        try await Gateway.withApp { districts, client in
            // setup
            let teacher = try await Gateway.token(districts, districts.north.educator, [.plansRead, .plansWrite])
            let id = try #require(try Self.json(try await Self.send(client, .post, "/api/v1/plans", teacher))["id"] as? String)
            // run
            let refused = try await Self.send(client, .patch, "/api/v1/plans/\(id)", teacher, """
                {"version": 1, "goals": [{"statement": "  ", "target_date": "2031-01-01",
                  "action_steps": [{"what": "Step", "due_date": "soon"}]}]}
                """)
            // check
            #expect(refused.status == .unprocessableContent)
            let problem = try Gateway.problem(refused)
            #expect(problem.type == "/api#problem-invalid-fields")
            #expect(Set(problem.errors?.map(\.field) ?? []) == ["goals[0].statement", "goals[0].target_date", "goals[0].action_steps[0].due_date"])
            let plan = try Self.json(try await Self.send(client, .get, "/api/v1/plans/\(id)", teacher))
            #expect(plan["version"] as? Int == 1 && (plan["goals"] as? [Any])?.isEmpty == true)
            // run + check: a body the contract does not allow is a 400, not a 500
            for body in [#"{"goals": []}"#, #"{"version": 1, "colour": "red"}"#, "not json", #"{"version": "one"}"#] {
                let response = try await Self.send(client, .patch, "/api/v1/plans/\(id)", teacher, body)
                #expect(response.status == .badRequest, "\(body)")
                #expect(try Gateway.problem(response).status == 400)
            }
        }
    }

    @Test func anotherTeachersPlanIsNotFoundAndAWriteNeedsItsScope() async throws {
        try await Gateway.withApp { districts, client in
            // setup
            let north = districts.north
            let owner = try await Gateway.token(districts, north.educator, [.plansRead, .plansWrite])
            let id = try #require(try Self.json(try await Self.send(client, .post, "/api/v1/plans", owner))["id"] as? String)
            let colleague = try await Gateway.token(districts, north.colleague, [.plansRead, .plansWrite])
            let admin = try await Gateway.token(districts, north.admin, [.plansRead])
            let readOnly = try await Gateway.token(districts, north.educator, [.plansRead])
            // run + check: not theirs, not shared: not found, for reading and for writing
            #expect(try await Self.send(client, .get, "/api/v1/plans/\(id)", colleague).status == .notFound)
            #expect(try await Self.send(client, .patch, "/api/v1/plans/\(id)", colleague, #"{"version": 1}"#).status == .notFound)
            #expect(try await Self.send(client, .get, "/api/v1/plans/\(id)", admin).status == .notFound)
            let listed = try Self.json(try await Self.send(client, .get, "/api/v1/plans", colleague))
            #expect((listed["items"] as? [Any])?.isEmpty == true)
            // run + check: the owner's token without plans:write
            let refused = try await Self.send(client, .patch, "/api/v1/plans/\(id)", readOnly, #"{"version": 1}"#)
            #expect(refused.status == .forbidden)
            #expect(try Gateway.problem(refused).type == "/api#problem-insufficient-scope")
        }
    }

    @Test func aSharedPlanIsListedToItsCoachAndSyncsByUpdatedSinceAndCursor() async throws {
        try await Gateway.withApp { districts, client in
            // setup: two plans shared with the coach, the second saved later
            let north = districts.north, env = districts.environment
            let plans = PlanService(env, vault: nil)
            let first = try await plans.start(Actor(north.educator))
            try await plans.share(Actor(north.educator), first.id, coaches: [north.coach.id.rawValue], withLeaders: false)
            districts.clock.advance(by: 3600)
            let since = districts.clock.now()
            let second = try await plans.start(Actor(north.colleague))
            try await plans.share(Actor(north.colleague), second.id, coaches: [north.coach.id.rawValue], withLeaders: false)
            let coach = try await Gateway.token(districts, north.coach, [.plansRead])
            // run: one a page
            let page1 = try Self.json(try await Self.send(client, .get, "/api/v1/plans?limit=1", coach))
            let cursor = try #require(page1["next_cursor"] as? String)
            let page2 = try Self.json(try await Self.send(client, .get, "/api/v1/plans?limit=1&cursor=\(cursor)", coach))
            // check: oldest change first, each once, then the end
            #expect((page1["items"] as? [[String: Any]])?.first?["id"] as? String == first.id.rawValue)
            #expect((page2["items"] as? [[String: Any]])?.first?["id"] as? String == second.id.rawValue)
            #expect(page2["next_cursor"] == nil || page2["next_cursor"] is NSNull)
            // run + check: only what changed since
            let stamp = ISO8601DateFormatter().string(from: since)
            let recent = try Self.json(try await Self.send(client, .get, "/api/v1/plans?updated_since=\(stamp)", coach))
            #expect((recent["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [second.id.rawValue])
            // run + check: filters
            let school = try Self.json(try await Self.send(client, .get, "/api/v1/plans?school=\(north.otherSchool.id)", coach))
            #expect((school["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [second.id.rawValue])
            let signed = try Self.json(try await Self.send(client, .get, "/api/v1/plans?status=signed", coach))
            #expect((signed["items"] as? [Any])?.isEmpty == true)
            #expect(try await Self.send(client, .get, "/api/v1/plans?status=nonsense", coach).status == .badRequest)
        }
    }

    @Test func clockHoursAndVerificationsFollowThePolicy() async throws {
        try await Gateway.withApp { districts, client in
            // setup
            let north = districts.north
            let teacher = try await Gateway.token(districts, north.educator, [.clockHoursRead])
            let admin = try await Gateway.token(districts, north.admin, [.clockHoursRead, .verificationsRead])
            // run + check: their own ledger; not a colleague's; an admin reads any and the records
            let own = try await Self.send(client, .get, "/api/v1/people/\(north.educator.id)/clock-hours", teacher)
            #expect(own.status == .ok)
            #expect(try Self.json(own)["total_hours"] as? Double == 0)
            #expect(try await Self.send(client, .get, "/api/v1/people/\(north.colleague.id)/clock-hours", teacher).status == .forbidden)
            #expect(try await Self.send(client, .get, "/api/v1/people/\(north.colleague.id)/certificates", admin).status == .ok)
            // A teacher's token cannot even hold verifications:read.
            #expect(try await Self.send(client, .get, "/api/v1/verifications", teacher).status == .forbidden)
            let records = try Self.json(try await Self.send(client, .get, "/api/v1/verifications", admin))
            #expect((records["items"] as? [Any])?.isEmpty == true)
        }
    }
}
