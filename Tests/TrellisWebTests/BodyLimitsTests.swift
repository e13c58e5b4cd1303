import Foundation
import Hummingbird
import HummingbirdTesting
import Prometheus
import Testing
import TestSupport
@testable import TrellisWeb

/// How much of a request body Trellis reads, from whom, and before which checks.
@Suite struct BodyLimitsTests {
    /// A data directory of the test's own, to look into afterwards.
    func withDataDirectory(_ body: (String) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-body-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try await body(directory.path)
    }

    /// Every file stored under the data directory's evidence folder.
    func evidenceFiles(_ dataDirectory: String) -> [String] {
        let root = URL(fileURLWithPath: dataDirectory).appendingPathComponent("evidence")
        return (FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? [])
            .filter { !$0.hasDirectoryPath }.map(\.lastPathComponent)
    }

    func startPlan(_ browser: TestBrowser) async throws -> String {
        _ = try await browser.get("/plans")
        let location = try #require(try await browser.post("/plans").location)
        return String(location.dropLast("/goals".count))
    }

    static let pdf = Data("%PDF-1.4\n%%EOF\n".utf8)

    @Test func aCoachThePlanIsSharedWithIsRefusedAnUploadAndNothingIsStored() async throws {
        try await withDataDirectory { data in
            try await withTrellis(dataDirectory: data) { districts, browser in
                // setup: the teacher's plan, shared with the coach
                _ = try await browser.signIn("teacher@north.example")
                let plan = try await startPlan(browser)
                _ = try await browser.post(plan + "/sharing", [("coaches", districts.north.coach.id.rawValue)])
                let coach = TestBrowser(client: browser.client)
                _ = try await coach.signIn("coach@north.example")
                // run
                let refused = try await coach.upload(plan + "/evidence", field: "file", filename: "notes.pdf", data: Self.pdf,
                                                     fields: [("kind", "file"), ("caption", "Notes from the coach")])
                // check
                #expect(refused.status == .forbidden)
                #expect(evidenceFiles(data).isEmpty)
                #expect(!(try await browser.get(plan + "/evidence").body.contains("Notes from the coach")))
            }
        }
    }

    @Test func anAnonymousFormOver1MBGetsThe413Page() async throws {
        try await withTrellis { _, browser in
            // setup: a token of the browser's own, as anyone can have
            _ = try await browser.get("/signin")
            // run
            let page = try await browser.post("/signin", [("email", "a@b.example"), ("password", String(repeating: "x", count: 2 * 1024 * 1024))])
            // check
            #expect(page.status == .contentTooLarge)
            #expect(page.body.contains("That was too much to send"))
        }
    }

    @Test func aSignedInFormOver1MBGetsThe413PageAndAFormUnderItIsRead() async throws {
        try await withTrellis { _, browser in
            // setup
            _ = try await browser.signIn("teacher@north.example")
            let plan = try await startPlan(browser)
            // run
            let large = try await browser.post(plan + "/goals", [("statement", String(repeating: "x", count: 1024 * 1024 + 1))])
            let ordinary = try await browser.post(plan + "/goals", [("statement", "Exit tickets every week")])
            // check
            #expect(large.status == .contentTooLarge)
            #expect(large.body.contains("That was too much to send"))
            #expect(ordinary.status == .seeOther)
        }
    }

    @Test func anAnonymousUploadIsSentToSignInUnreadWhateverTokenItCarries() async throws {
        try await withDataDirectory { data in
            try await withTrellis(dataDirectory: data) { _, browser in
                // setup: the teacher's plan; then someone with a cookie and token they made up themselves
                _ = try await browser.signIn("teacher@north.example")
                let plan = try await startPlan(browser)
                let madeUp = String(repeating: "a", count: 43)
                let boundary = "----MadeUp"
                let fields = [("csrf_token", madeUp), ("kind", "file"), ("caption", "X")]
                var body = Data()
                for (name, value) in fields {
                    body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
                }
                body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.pdf\"\r\n\r\n".utf8))
                body.append(Self.pdf + Data(count: 3 * 1024 * 1024))
                body.append(Data("\r\n--\(boundary)--\r\n".utf8))
                var headers = HTTPFields()
                headers[.cookie] = "trellis_csrf=\(madeUp)"
                headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
                // run: on an upload route, and on a form that takes no files
                let upload = try await browser.client.execute(uri: plan + "/evidence", method: .post, headers: headers, body: ByteBuffer(bytes: body))
                let signIn = try await browser.client.execute(uri: "/signin", method: .post, headers: headers, body: ByteBuffer(bytes: body))
                // check
                #expect(upload.status == .seeOther)
                #expect(upload.headers[.location]?.hasPrefix("/signin") == true)
                #expect(signIn.status == .unsupportedMediaType)
                #expect(evidenceFiles(data).isEmpty)
            }
        }
    }

    @Test func anUploadWithAWrongTokenIsRefusedBeforeItsFileIsRead() async throws {
        try await withDataDirectory { data in
            try await withTrellis(dataDirectory: data) { _, browser in
                // setup
                _ = try await browser.signIn("teacher@north.example")
                let plan = try await startPlan(browser)
                // run: a wrong token first; the right token, but after the file
                let wrong = try await browser.upload(plan + "/evidence", field: "file", filename: "a.pdf", data: Self.pdf,
                                                     fields: [("kind", "file"), ("caption", "A")], csrf: String(repeating: "b", count: 43))
                let late = try await browser.send(plan + "/evidence", method: .post,
                                                  body: Data("--B\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nnote\r\n--B\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n\(browser.csrfToken)\r\n--B--\r\n".utf8),
                                                  contentType: "multipart/form-data; boundary=B")
                // check
                #expect(wrong.status == .forbidden)
                #expect(wrong.body.contains("This form has expired"))
                #expect(late.status == .forbidden)
                #expect(evidenceFiles(data).isEmpty)
            }
        }
    }

    @Test func multipartOnARouteThatTakesNoFilesIsRefused() async throws {
        try await withTrellis { _, browser in
            // setup
            _ = try await browser.signIn("teacher@north.example")
            let plan = try await startPlan(browser)
            // run
            let page = try await browser.upload(plan + "/goals", field: "file", filename: "a.pdf", data: Self.pdf,
                                                fields: [("statement", "A goal sent as an upload")])
            // check
            #expect(page.status == .unsupportedMediaType)
            #expect(!(try await browser.get(plan + "/goals").body.contains("A goal sent as an upload")))
        }
    }

    @Test func anUploadOverTheLimitGetsThe413PageThatNamesTheLimitAndOneUnderItIsStored() async throws {
        try await withDataDirectory { data in
            try await withTrellis(dataDirectory: data) { _, browser in
                // setup
                _ = try await browser.signIn("teacher@north.example")
                let plan = try await startPlan(browser)
                let limit = AppConfig(database: .sqlite(path: "unused")).maximumUploadBytes + RequestBodyLimitMiddleware.uploadFormRoom
                // run
                let large = try await browser.upload(plan + "/evidence", field: "file", filename: "scan.pdf", data: Self.pdf + Data(count: limit),
                                                     fields: [("kind", "file"), ("caption", "Big scan")])
                let ordinary = try await browser.upload(plan + "/evidence", field: "file", filename: "exit-tickets.pdf", data: Self.pdf,
                                                        fields: [("kind", "file"), ("caption", "Exit tickets")])
                // check
                #expect(large.status == .contentTooLarge)
                #expect(large.body.contains("Trellis accepts files up to 20 MB."))
                #expect(ordinary.status == .seeOther)
                #expect(evidenceFiles(data).count == 1)
                #expect(try await browser.get(plan + "/evidence").body.contains("Exit tickets"))
            }
        }
    }

    @Test func everyUploadFormSendsItsTokenFirst() throws {
        // setup: the templates, as shipped
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/TrellisWeb/Resources/Templates")
        var forms = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: templates.path) where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: templates.appendingPathComponent(name), encoding: .utf8)
            // run + check: the first field after each multipart form's start is the token, which is all the CSRF check reads
            for match in text.matches(of: /enctype="multipart\/form-data"[^>]*>\s*<(input|select|textarea|fieldset|div)[^>]*/) {
                forms += 1
                #expect(match.output.0.contains("name=\"csrf_token\""), "\(name): \(match.output.0)")
            }
        }
        #expect(forms >= 2)
    }

    @Test func aBodyFoundTooLongAsItIsReadGetsThe413Page() async throws {
        // setup: a route that reads at most 16 bytes with no look at the declared length first, as with a body sent in chunks
        let router = Router(context: TrellisRequestContext.self)
        router.add(middleware: ErrorPageMiddleware(renderer: try await PageRenderer.bundled(registry: PrometheusCollectorRegistry())))
        router.post("/form") { request, _ in
            _ = try await FormData.from(request, limit: 16)
            return "read"
        }
        try await Application(router: router).test(.router) { client in
            // run
            let response = try await client.execute(uri: "/form", method: .post, body: ByteBuffer(string: String(repeating: "x", count: 17)))
            // check
            #expect(response.status == .contentTooLarge)
            #expect(String(buffer: response.body).contains("That was too much to send"))
        }
    }
}
