import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import TestSupport
import TrellisCore
import TrellisServices
@testable import TrellisWeb

/// POST /api/v1/roster-imports: a dry run lists what would change and writes nothing; without it the file is applied;
/// rows with mistakes are a 422 naming each, and only admins' tokens with people:write may import.
@Suite struct APIRosterImportTests {
    typealias Gateway = APIGatewayTests

    static func post(_ client: some TestClientProtocol, _ uri: String, _ secret: String, _ csv: String) async throws -> TestResponse {
        var headers = Gateway.bearer(secret)
        headers[.contentType] = "text/csv"
        return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: csv))
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test func aDryRunListsTheChangesAndApplyingMakesThem() async throws {
        try await Gateway.withApp { districts, client in
            // setup
            let north = districts.north
            let admin = try await Gateway.token(districts, north.admin, [.peopleWrite, .peopleRead])
            let csv = "email,name,roles,school\r\nnew.teacher@north.example,New Teacher,educator,\(north.school.name)\r\n"
            // run: the dry run
            let dry = try await Self.post(client, "/api/v1/roster-imports?dry_run=true", admin, csv)
            // check: listed, not written
            #expect(dry.status == .ok)
            let preview = try Self.json(dry)
            #expect(preview["dry_run"] as? Bool == true && preview["applied"] as? Bool == false)
            #expect((preview["creates"] as? [[String: Any]])?.first?["email"] as? String == "new.teacher@north.example")
            let before = try Self.json(try await client.execute(uri: "/api/v1/people?limit=200", method: .get, headers: Gateway.bearer(admin)))
            #expect((before["items"] as? [Any])?.count == 5)
            // run: apply
            let applied = try await Self.post(client, "/api/v1/roster-imports", admin, csv)
            // check
            #expect(applied.status == .ok)
            #expect(try Self.json(applied)["applied"] as? Bool == true)
            let after = try Self.json(try await client.execute(uri: "/api/v1/people?limit=200", method: .get, headers: Gateway.bearer(admin)))
            #expect((after["items"] as? [[String: Any]])?.contains { $0["email"] as? String == "new.teacher@north.example" } == true)
        }
    }

    @Test func rowsWithMistakesAre422AndOnlyAdminsImport() async throws {
        try await Gateway.withApp { districts, client in
            // setup
            let admin = try await Gateway.token(districts, districts.north.admin, [.peopleWrite])
            let leader = try await Gateway.token(districts, districts.north.leader, [.peopleRead])
            // run
            let refused = try await Self.post(client, "/api/v1/roster-imports", admin, "email,name,roles\r\nnot-an-email,X,educator\r\n")
            // check
            #expect(refused.status == .unprocessableContent)
            let problem = try Gateway.problem(refused)
            #expect(problem.errors?.first?.field.hasPrefix("csv[row 2]") == true)
            // run + check: a file that is not a roster at all, and a token without people:write
            let unreadable = try await Self.post(client, "/api/v1/roster-imports?dry_run=true", admin, "name\r\nX\r\n")
            #expect(unreadable.status == .unprocessableContent)
            #expect(try Gateway.problem(unreadable).errors?.map(\.field) == ["csv"])
            #expect(try await Self.post(client, "/api/v1/roster-imports", leader, "email\r\n").status == .forbidden)
        }
    }
}
