import Foundation
import Hummingbird
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

@Suite struct RosterPagesTests {
    static let file = """
        email,name,roles,school
        nia.new@north.example,"Nia ""Ni"" New",educator;coach,Cedar Middle
        teacher@north.example,Zoë Ångström-Berg,,

        """

    /// A multipart form of plain fields, the token first, as the dry run's apply form sends it.
    static func multipart(_ browser: TestBrowser, _ path: String, _ fields: [(String, String)], csrf: String? = nil) async throws -> TestBrowser.Page {
        let boundary = "----RosterTest\(UUID().uuidString)"
        var body = ""
        for (name, value) in [("csrf_token", csrf ?? browser.csrfToken)] + fields {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return try await browser.send(path, method: .post, body: Data(body.utf8), contentType: "multipart/form-data; boundary=\(boundary)")
    }

    /// A hidden field's value as a browser reads it from the page.
    static func hidden(_ name: String, in html: String) throws -> String {
        let marker = "name=\"\(name)\" value=\""
        let start = try #require(html.range(of: marker)).upperBound
        let end = try #require(html[start...].firstIndex(of: "\""))
        return String(html[start..<end]).replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    @Test func anAdminUploadsReadsTheDryRunAndApplies() async throws {
        try await withTrellis { districts, browser in
            // setup
            _ = try await browser.signIn("admin@north.example")
            let form = try await browser.get("/district/roster")
            #expect(form.status == .ok && form.body.contains("district_admin"))
            // run
            let dryRun = try await browser.upload("/district/roster", field: "file", filename: "hr.csv", data: Data(Self.file.utf8))
            // check
            #expect(dryRun.status == .ok)
            #expect(dryRun.body.contains("People to add") && dryRun.body.contains("Nia &quot;Ni&quot; New"))
            #expect(dryRun.body.contains("<del>Zoë Ångström</del>") && dryRun.body.contains("<ins>Zoë Ångström-Berg</ins>"))
            #expect(dryRun.body.contains("Apply these 3 changes"))
            let scope = OrganizationScope(districts.environment.database, organizationID: districts.north.organization.id)
            #expect(try await scope.people.count() == 5, "a dry run writes nothing")
            // run
            let applied = try await Self.multipart(browser, "/district/roster/apply", [
                ("digest", try Self.hidden("digest", in: dryRun.body)), ("source", try Self.hidden("source", in: dryRun.body)),
                ("csv", try Self.hidden("csv", in: dryRun.body)),
            ])
            // check
            #expect(applied.status == .seeOther && applied.location == "/admin/people")
            let people = try await browser.get("/admin/people")
            #expect(people.body.contains("The roster is imported: 1 added, 1 changed, 1 school added, 0 unchanged."))
            #expect(people.body.contains("Nia &quot;Ni&quot; New") && people.body.contains("Cedar Middle"))
            let audit = try await scope.audit.recent()
            #expect(audit.first { $0.kind == .rosterImported }?.detail.hasSuffix("from hr.csv") == true)
        }
    }

    @Test func onlyAdminsReachThePageAndFormsNeedTheirToken() async throws {
        try await withTrellis { districts, browser in
            // setup
            _ = try await browser.signIn("principal@north.example")
            // run + check
            #expect(try await browser.get("/district/roster").status == .forbidden)
            #expect(try await browser.upload("/district/roster", field: "file", filename: "hr.csv", data: Data(Self.file.utf8)).status == .forbidden)
            browser.forgetCookies()
            _ = try await browser.signIn("admin@north.example")
            let plan = try await RosterImportService(districts.environment).preview(Actor(districts.north.admin), csv: Self.file)
            let forged = try await Self.multipart(browser, "/district/roster/apply", [("digest", plan.digest), ("csv", Self.file)],
                                                  csrf: String(repeating: "x", count: 43))
            #expect(forged.status == .forbidden)
            let scope = OrganizationScope(districts.environment.database, organizationID: districts.north.organization.id)
            #expect(try await scope.people.count() == 5)
        }
    }

    @Test func mistakesComeBackWithTheTextKept() async throws {
        try await withTrellis { districts, browser in
            // setup
            _ = try await browser.signIn("admin@north.example")
            _ = try await browser.get("/district/roster")
            // run
            let badHeader = try await Self.multipart(browser, "/district/roster", [("csv", "email,employee_id\nana@north.example,42\n")])
            let badRows = try await Self.multipart(browser, "/district/roster", [("csv", "email,roles\nana@north.example,wizard\n")])
            let nothing = try await Self.multipart(browser, "/district/roster", [("csv", "  ")])
            // check
            #expect(badHeader.status == .unprocessableContent)
            #expect(badHeader.body.contains("Trellis does not know: “employee_id”"))
            #expect(badHeader.body.contains("ana@north.example,42\n</textarea>"), "the pasted text is kept")
            #expect(badHeader.body.contains("There is a problem"))
            #expect(badRows.status == .unprocessableContent)
            #expect(badRows.body.contains("“wizard” is not a role") && !badRows.body.contains("Apply these"))
            #expect(badRows.body.contains("ana@north.example,wizard\n</textarea>"))
            #expect(nothing.status == .unprocessableContent && nothing.body.contains("Choose a CSV file, or paste the rows"))
        }
    }

    @Test func aFileTooLargeOrNotCSVIsRefusedAtTheField() async throws {
        try await withTrellis { districts, browser in
            // setup
            _ = try await browser.signIn("admin@north.example")
            _ = try await browser.get("/district/roster")
            let large = Data(("email,name\n" + String(repeating: "someone@north.example,Some One\n", count: 200_000)).utf8)
            // run
            let tooLarge = try await browser.upload("/district/roster", field: "file", filename: "everyone.csv", data: large)
            let spreadsheet = try await browser.upload("/district/roster", field: "file", filename: "staff.xlsx", data: Data([0x50, 0x4B, 3, 4]))
            let latin1 = try await browser.upload("/district/roster", field: "file", filename: "staff.csv", data: Data([0x65, 0x6D, 0xE9, 0x0A]))
            // check
            #expect(large.count > 6_000_000)
            #expect(tooLarge.status == .unprocessableContent && tooLarge.body.contains("“everyone.csv” is larger than 5 MB"))
            #expect(spreadsheet.status == .unprocessableContent && spreadsheet.body.contains("is not a CSV file"))
            #expect(latin1.status == .unprocessableContent && latin1.body.contains("is not UTF-8 text"))
        }
    }

    @Test func applyingAStaleDryRunShowsItAgainAsItNowStands() async throws {
        try await withTrellis { districts, browser in
            // setup
            _ = try await browser.signIn("admin@north.example")
            let dryRun = try await browser.upload("/district/roster", field: "file", filename: "hr.csv", data: Data(Self.file.utf8))
            let fields = [("digest", try Self.hidden("digest", in: dryRun.body)), ("csv", try Self.hidden("csv", in: dryRun.body))]
            _ = try await Self.multipart(browser, "/district/roster/apply", fields)
            // run: the same button again
            let again = try await Self.multipart(browser, "/district/roster/apply", fields)
            // check
            #expect(again.status == .conflict)
            #expect(again.body.contains("changed since this dry run"))
            #expect(again.body.contains("Everyone in the file is already as it says"))
            let scope = OrganizationScope(districts.environment.database, organizationID: districts.north.organization.id)
            #expect(try await scope.people.count() == 6, "the person was added once")
        }
    }
}
