import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices
@testable import TrellisWeb

@Suite struct ClockHoursPagesTests {
    @Test func anAdminVerifiesFromTheQueueAndTheEducatorSeesTheHoursAndTheSentence() async throws {
        try await withTrellis { districts, browser in
            // setup: a signed plan, and the educator's certificate
            let north = districts.north
            let plan = try await SignedPlans.signed(districts.environment, owner: north.educator, reviewer: north.leader)
            try await ReadyPlans.certify(districts.environment.database, north.educator, number: "412345F")
            _ = try await browser.signIn("admin@north.example")
            // run: the queue, filtered, and the detail
            let queue = try await browser.get("/verification")
            #expect(queue.body.contains("href=\"/verification/\(plan.id)\">Zoë Ångström</a>"))
            #expect(try await browser.get("/verification?school=\(north.otherSchool.id)").body.contains("No signed plans are waiting at this school"))
            let detail = try await browser.get("/verification/\(plan.id)")
            #expect(detail.body.contains("<strong>Intact:</strong>") && detail.body.contains("512345"))
            // a refusal without a reason comes back at the field
            let refused = try await browser.post("/verification/\(plan.id)/refuse", [("version", "3"), ("reason", " ")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("href=\"#field-reason\"") && refused.body.contains("aria-invalid=\"true\""))
            let version = try #require(detail.body.firstMatch(of: /name="version" value="(\d+)"/)).1
            let verified = try await browser.post("/verification/\(plan.id)/verify", [("version", String(version))])
            #expect(verified.status == .seeOther)
            // the same click again: a clear conflict, no second entry
            let again = try await browser.post("/verification/\(plan.id)/verify", [("version", String(version))])
            #expect(again.status == .conflict && again.body.contains("already verified by Ada Admin"))
            // check: the educator's page
            browser.forgetCookies()
            _ = try await browser.signIn("teacher@north.example")
            let page = try await browser.get("/clock-hours")
            #expect(page.body.contains("25 of 100 clock hours"))
            #expect(page.body.contains("<progress class=\"renewal__bar\" max=\"100\" value=\"25\""))
            #expect(page.body.contains("<li>75 more clock hours before June 30, 2027</li>"))
            #expect(page.body.contains("Growth plan 2026–27, verified"))
            #expect(!page.body.contains("Record other learning"))
            #expect(try await browser.get("/verification").status == .forbidden)
            #expect(try await browser.get("/admin/people/\(north.colleague.id)/clock-hours").status == .forbidden)
        }
    }

    @Test func removingACertificateAsksFirst() async throws {
        try await withTrellis { districts, browser in
            // setup: the teacher adds a certificate
            _ = try await browser.signIn("teacher@north.example")
            let added = try await browser.post("/clock-hours/certificates", [("type", "professional_teacher"), ("number", "512345"),
                                                                           ("issued_on", "2024-07-01"), ("expires_on", "2029-06-30")])
            #expect(added.status == .seeOther)
            let page = try await browser.get("/clock-hours").body
            let edit = try #require(page.range(of: "/clock-hours/certificates/[^\"/]+", options: .regularExpression).map { String(page[$0]) })
            // run: the edit page's remove button only leads to a question
            #expect(try await browser.get(edit).body.contains("href=\"\(edit)/remove\""))
            let question = try await browser.get(edit + "/remove")
            // check: asking changed nothing; removing does
            #expect(question.status == .ok && question.body.contains("Remove the professional teacher certificate 512345?"))
            #expect(question.body.contains("action=\"\(edit)/remove\"") && question.body.contains("Keep it"))
            #expect(try await browser.get("/clock-hours").body.contains("512345"))
            #expect(try await browser.post(edit + "/remove").status == .seeOther)
            #expect(!(try await browser.get("/clock-hours").body.contains("512345")))
        }
    }

    @Test func badInputKeepsWhatWasTyped() async throws {
        try await withTrellis { districts, browser in
            // setup
            let north = districts.north
            _ = try await browser.signIn("admin@north.example")
            // run: other learning with absurd hours
            let path = "/admin/people/\(north.educator.id)/clock-hours"
            let learning = try await browser.post(path, [("date", "2026-10-01"), ("activity", "Equity institute <b>"), ("provider", "ESD 113"),
                                                         ("hours", "1000"), ("categories", "equity_based_practice")])
            // check
            #expect(learning.status == .unprocessableContent)
            #expect(learning.body.contains("One entry can hold at most 200 hours"))
            #expect(learning.body.contains("value=\"Equity institute &lt;b&gt;\"") && learning.body.contains("value=\"1000\""))
            #expect(learning.body.contains("value=\"equity_based_practice\" checked"))
            // a certificate with a malformed number
            let certificate = try await browser.post(path + "/certificates", [("type", "administrator"), ("number", "12-AB"),
                                                                              ("issued_on", "2024-07-01"), ("expires_on", "2029-06-30"),
                                                                              ("endorsement_0", "Principal"), ("endorsement_1", "")])
            #expect(certificate.status == .unprocessableContent && certificate.body.contains(CertificateNumber.formatMessage))
            #expect(certificate.body.contains("value=\"12-AB\"") && certificate.body.contains("value=\"Principal\""))
            // rule sets: a zero cycle at its field, the text kept
            let rules = try await browser.post("/admin/settings/renewal/professional_teacher", [
                ("version", "0"), ("name", "Our rules"), ("cycle_years", "0"), ("required_hours", "80"), ("pgp_hours", ""), ("pgp_maximum", ""),
                ("focus_0_category", "stem"), ("focus_0_amount", "abc"), ("focus_0_unit", "hours"),
            ])
            #expect(rules.status == .unprocessableContent)
            #expect(rules.body.contains("Enter the hours as a number, such as 15.") && rules.body.contains("value=\"Our rules\""))
            let zero = try await browser.post("/admin/settings/renewal/professional_teacher", [
                ("version", "0"), ("name", "Our rules"), ("cycle_years", "0"), ("required_hours", "80"), ("pgp_hours", ""), ("pgp_maximum", ""),
            ])
            #expect(zero.body.contains("The cycle must be 1 to 20 years.") && zero.body.contains("href=\"#field-cycle_years\""))
            let saved = try await browser.post("/admin/settings/renewal/professional_teacher", [
                ("version", "0"), ("name", "Our rules"), ("cycle_years", "4"), ("required_hours", "80"), ("pgp_hours", "20"), ("pgp_maximum", "4"),
            ])
            #expect(saved.status == .seeOther)
            #expect(try await browser.get("/admin/settings/renewal").body.contains("80 clock hours in 4 years"))
            #expect(try await browser.get("/admin/settings/renewal/not_a_type").status == .notFound)
        }
    }
}
