import Foundation
import Hummingbird
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

@Suite struct FrameworkPagesTests {
    @Test func anAdminImportsACASEPackageAndFindsAStandardBySearch() async throws {
        try await withTrellis { districts, browser in
            // setup
            _ = try await browser.signIn("admin@north.example")
            _ = try await browser.get("/frameworks")
            // run
            let imported = try await browser.upload("/frameworks/import", field: "file", filename: "literacy.json", data: CASEFixtures.small())
            // check
            let location = try #require(imported.location)
            #expect(location == "/frameworks/11111111-0000-0000-0000-000000000000")
            let page = try await browser.get(location)
            #expect(page.body.contains("Literacy Coaching Standards is imported: 3 standards added"))
            #expect(page.body.contains("Use data from running records to group readers 𝑑"))
            let search = try await browser.get(location + "?q=running+RECORDS")
            #expect(search.body.contains("1 standard matches"))
            #expect(search.body.contains("<strong class=\"code\">LIT-2</strong> Use data from running records"))
            let none = try await browser.get(location + "?q=zebra")
            #expect(none.body.contains("0 standards match"))
        }
    }

    @Test func anImportThatAppliesToNoRoleSaysSoAndLinksToTheRoles() async throws {
        try await withTrellis { districts, browser in
            // setup
            _ = try await browser.signIn("admin@north.example")
            _ = try await browser.get("/frameworks")
            let oneItem = Data(#"""
                {"CFDocument":{"identifier":"doc-1","title":"Writing 7","creator":"State","CFPackageURI":"https://case.example.gov/CFPackages/doc-1"},
                 "CFItems":[{"identifier":"w-1","fullStatement":"Write arguments to support claims.","humanCodingScheme":"W.7.1"}]}
                """#.utf8)
            // run
            let imported = try await browser.upload("/frameworks/import", field: "file", filename: "w7.json", data: oneItem)
            let page = try await browser.get(try #require(imported.location))
            // check: one standard (not "1 standards"), what was tolerated, and where roles are chosen
            #expect(page.body.contains("Writing 7 is imported: 1 standard added, 0 updated, 0 unchanged."))
            #expect(page.body.contains("CFPackageURI given as plain text; accepted."))
            #expect(page.body.contains("It applies to no role yet"))
            #expect(page.body.contains("href=\"/frameworks/roles\""))
            // once a role uses it, the page stops saying so
            try await StandardsService(districts.environment).setRoleAssignments(Actor(districts.north.admin), [.educator: ["doc-1"]])
            #expect(!(try await browser.get("/frameworks/doc-1").body.contains("applies to no role")))
        }
    }

    @Test func aBadUploadSaysWhatIsWrongAndWritesNothing() async throws {
        try await withTrellis { districts, browser in
            _ = try await browser.signIn("admin@north.example")
            _ = try await browser.get("/frameworks")
            let page = try await browser.upload("/frameworks/import", field: "file", filename: "notes.json", data: Data("{\"CFItems\": []}".utf8))
            #expect(page.status == .unprocessableContent)
            #expect(page.body.contains("notes.json was not imported."))
            #expect(page.body.contains("CFDocument"))
            #expect(try await OrganizationScope(districts.environment.database, organizationID: districts.north.organization.id).frameworks.all().isEmpty)
            let forged = try await browser.upload("/frameworks/import", field: "file", filename: "x.json", data: CASEFixtures.small(), csrf: "")
            #expect(forged.status == .forbidden)
        }
    }

    @Test func frameworksDownloadAsCASEJSON() async throws {
        try await withTrellis { _, browser in
            _ = try await browser.signIn("teacher@north.example")
            let download = try await browser.get("/frameworks/iste-coaches/case.json")
            #expect(download.status == .ok)
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(download.body.contains("\"CFDocument\""))
            #expect(download.body.contains("Personalize support for educators by planning and modeling the effective use of technology to improve student learning."))
        }
    }

    @Test func teachersBrowseButDoNotCurate() async throws {
        try await withTrellis { districts, browser in
            _ = try await browser.signIn("teacher@north.example")
            let list = try await browser.get("/frameworks")
            #expect(list.body.contains("Washington"))
            #expect(!list.body.contains("Import a CASE package"))
            let tree = try await browser.get("/frameworks/wa-teacher-criteria")
            #expect(tree.body.contains("Using multiple student data elements to modify instruction and improve student learning"))
            #expect(try await browser.upload("/frameworks/import", field: "file", filename: "x.json", data: CASEFixtures.small()).status == .forbidden)
            #expect(try await browser.get("/frameworks/roles").status == .forbidden)
            #expect(try await browser.get("/frameworks/no-such-framework").status == .notFound)
        }
    }

    @Test func anAdminBuildsAFrameworkByHand() async throws {
        try await withTrellis { districts, browser in
            _ = try await browser.signIn("admin@north.example")
            _ = try await browser.get("/frameworks")
            let empty = try await browser.post("/frameworks", [("title", ""), ("description", "kept")])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.body.contains("Give the framework a title."))
            let created = try await browser.post("/frameworks", [("title", "North <b>Priorities</b>"), ("description", "")])
            let path = try #require(created.location)
            #expect(try await browser.post(path + "/standards", [("code", "NP-1"), ("title", "Belonging")]).status == .seeOther)
            let duplicate = try await browser.post(path + "/standards", [("code", "NP-1"), ("title", "Again")])
            #expect(duplicate.status == .unprocessableContent)
            #expect(duplicate.body.contains("Another standard in this framework already uses NP-1."))
            #expect(duplicate.body.contains("value=\"Again\""))
            let page = try await browser.get(path)
            #expect(page.body.contains("North &lt;b&gt;Priorities&lt;/b&gt;"))
            #expect(page.body.contains("Retire<span class=\"visually-hidden\"> NP-1</span>"))
        }
    }
}
