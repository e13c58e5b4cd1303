import Foundation
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import TrellisServices
@testable import TrellisWeb

/// Runs `body` against a fresh Trellis with two districts, through the router, as a browser would.
/// Evidence files go to `dataDirectory`, by default a temporary one of the test's own.
func withTrellis(baseURL: String = "http://127.0.0.1:8080", dataDirectory: String? = nil,
                 _ body: @Sendable (TestDistricts, TestBrowser) async throws -> Void) async throws {
    let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-web-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: temporary) }
    try await TestDatabase.with { database in
        let districts = try await TestDistricts.make(database)
        let config = AppConfig(database: database.location, dataDirectory: dataDirectory ?? temporary.path, baseURL: baseURL, bcryptCost: 4)
        let app = try await buildApplication(config, environment: districts.environment)
        try await app.test(.router) { client in
            try await body(districts, TestBrowser(client: client))
        }
    }
}

/// A tiny browser: keeps cookies, follows nothing by itself, and fills in the form token like a page would.
final class TestBrowser: @unchecked Sendable {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]

    init(client: any TestClientProtocol) {
        self.client = client
    }

    struct Page {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String
        var location: String? { headers[.location] }
        var setCookies: [String] { headers[values: .setCookie] }
    }

    var csrfToken: String { cookies["trellis_csrf"] ?? "" }

    @discardableResult
    func get(_ path: String) async throws -> Page {
        try await send(path, method: .get, body: nil)
    }

    /// Posts a form; the CSRF token is added unless `csrf` says otherwise.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)] = [], csrf: String? = nil, contentType: String = "application/x-www-form-urlencoded") async throws -> Page {
        var all = fields
        all.append(("csrf_token", csrf ?? csrfToken))
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(path, method: .post, body: Data(body.utf8), contentType: contentType)
    }

    /// Posts a form with a file, as a browser does for `enctype="multipart/form-data"`.
    @discardableResult
    func upload(_ path: String, field: String, filename: String, data: Data, fields: [(String, String)] = [], csrf: String? = nil) async throws -> Page {
        let boundary = "----TrellisTest\(UUID().uuidString)"
        var body = Data()
        // The token first, as Trellis's upload forms send it: it is compared before the rest is read.
        for (name, value) in [("csrf_token", csrf ?? csrfToken)] + fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\nContent-Type: application/json\r\n\r\n".utf8))
        body.append(data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        return try await send(path, method: .post, body: body, contentType: "multipart/form-data; boundary=\(boundary)")
    }

    func signIn(_ email: String, password: String = TestDistricts.password) async throws -> Page {
        if cookies["trellis_csrf"] == nil { try await get("/signin") }
        return try await post("/signin", [("email", email), ("password", password)])
    }

    func forgetCookies() {
        cookies = [:]
    }

    /// Forgets one cookie, e.g. the session's, as when a sign-in expires while a page stays open.
    func forgetCookie(_ name: String) {
        cookies[name] = nil
    }

    /// Sends any body, with the browser's cookies; for requests no Trellis page would make.
    func send(_ path: String, method: HTTPRequest.Method, body: Data?, contentType: String? = nil) async throws -> Page {
        var headers = HTTPFields()
        if !cookies.isEmpty {
            headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        if let contentType { headers[.contentType] = contentType }
        let response = try await client.execute(uri: path, method: method, headers: headers,
                                                body: body.map { ByteBuffer(bytes: $0) })
        for line in response.headers[values: .setCookie] {
            let pair = line.split(separator: ";")[0]
            guard let equals = pair.firstIndex(of: "=") else { continue }
            let name = String(pair[..<equals]), value = String(pair[pair.index(after: equals)...])
            if value.isEmpty || line.lowercased().contains("max-age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return Page(status: response.status, headers: response.headers, body: String(buffer: response.body))
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~"))) ?? text
    }
}
