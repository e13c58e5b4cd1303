import Foundation
import Hummingbird
import Testing
import TestSupport

/// The error summary is one partial shared by the forms that show field messages, admin forms included.
@Suite struct ErrorSummaryTests {
    @Test func theAdminPersonFormSummarizesItsProblemsAtTheTop() async throws {
        try await withTrellis { _, browser in
            // setup
            _ = try await browser.signIn("admin@north.example")
            // run
            let page = try await browser.post("/admin/people", [("display_name", ""), ("email", "not an address")])
            // check: focused, first in the main content, linking to each field
            #expect(page.status == .unprocessableContent)
            let summary = try #require(page.body.firstMatch(of: /<div class="error-summary"[^>]*autofocus>(.|\n)*?<\/div>/)?.0)
            let links = summary.matches(of: /href="#([^"]+)"/).map { String($0.1) }
            #expect(links.first == "field-display_name" && links.contains("field-email"))
            #expect(page.body.firstRange(of: "error-summary")!.lowerBound < page.body.firstRange(of: "<h1>")!.lowerBound)
            // a page that is fine has none
            #expect(!(try await browser.get("/admin/people/new").body.contains("error-summary")))
        }
    }
}
