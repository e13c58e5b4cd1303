import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices
@testable import TrellisWeb

@Suite struct DocumentPagesTests {
    /// The headers every download carries.
    static func expectDownload(_ page: TestBrowser.Page, type: String, filename: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(page.status == .ok, sourceLocation: sourceLocation)
        #expect(page.headers[.contentType] == type, sourceLocation: sourceLocation)
        #expect(page.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"\(filename)\"") == true, sourceLocation: sourceLocation)
        #expect(page.headers[.cacheControl] == "private, no-store", sourceLocation: sourceLocation)
        #expect(page.headers[.xContentTypeOptions] == "nosniff", sourceLocation: sourceLocation)
    }

    @Test func theOwnerDownloadsThePlanAndOnceVerifiedTheForm() async throws {
        try await withTrellis { districts, browser in
            // setup: a signed plan
            let north = districts.north, env = districts.environment
            let plan = try await SignedPlans.signed(env, owner: north.educator, reviewer: north.leader)
            _ = try await browser.signIn("teacher@north.example")
            // run / check: the overview links the plan's PDF, not yet a form
            let overview = try await browser.get("/plans/\(plan.id)")
            #expect(overview.body.contains("href=\"/plans/\(plan.id)/plan.pdf\" download>Download the plan (PDF)</a>"))
            #expect(!overview.body.contains("verification-form.pdf"))
            let pdf = try await browser.get("/plans/\(plan.id)/plan.pdf")
            Self.expectDownload(pdf, type: "application/pdf", filename: "growth-plan-2026-27-zoe-angstrom.pdf")
            #expect(pdf.body.hasPrefix("%PDF-"))
            #expect(try await browser.get("/plans/\(plan.id)/verification-form.pdf").status == .notFound)
            // run: the district verifies
            let verification = VerificationService(env), admin = Actor(north.admin)
            _ = try await verification.verify(admin, plan.id, expecting: try await verification.detail(admin, plan.id).version)
            // check
            #expect(try await browser.get("/plans/\(plan.id)").body.contains("href=\"/plans/\(plan.id)/verification-form.pdf\" download>"))
            let form = try await browser.get("/plans/\(plan.id)/verification-form.pdf")
            Self.expectDownload(form, type: "application/pdf", filename: "verification-form-2026-27-zoe-angstrom.pdf")
            // a colleague, and another district, find nothing
            browser.forgetCookies()
            _ = try await browser.signIn("colleague@north.example")
            #expect(try await browser.get("/plans/\(plan.id)/plan.pdf").status == .notFound)
            #expect(try await browser.get("/plans/\(plan.id)/verification-form.pdf").status == .notFound)
            browser.forgetCookies()
            _ = try await browser.signIn("teacher@south.example")
            #expect(try await browser.get("/plans/\(plan.id)/plan.pdf").status == .notFound)
        }
    }

    @Test func anAdminExportsFormsAndClockHours() async throws {
        try await withTrellis { districts, browser in
            // setup: one verified plan
            let north = districts.north, env = districts.environment
            let plan = try await SignedPlans.signed(env, owner: north.educator, reviewer: north.leader)
            let verification = VerificationService(env), admin = Actor(north.admin)
            _ = try await verification.verify(admin, plan.id, expecting: try await verification.detail(admin, plan.id).version)
            _ = try await browser.signIn("admin@north.example")
            // run / check: the page, linked from the district's page
            #expect(try await browser.get("/admin").body.contains("href=\"/admin/exports\""))
            let page = try await browser.get("/admin/exports")
            #expect(page.status == .ok && page.body.contains("<h1>Exports</h1>"))
            #expect(page.body.contains("action=\"/admin/exports/verification-forms.zip\"") && page.body.contains("action=\"/admin/exports/clock-hours.csv\""))
            #expect(page.body.contains("id=\"forms-from\"") && page.body.contains("value=\"2026-07-01\""))
            let zip = try await browser.get("/admin/exports/verification-forms.zip?from=2026-07-01&to=2027-06-30")
            Self.expectDownload(zip, type: "application/zip", filename: "verification-forms-2026-07-01-2027-06-30.zip")
            let csv = try await browser.get("/admin/exports/clock-hours.csv?from=2026-07-01&to=2027-06-30&excel=yes")
            Self.expectDownload(csv, type: "text/csv; charset=utf-8", filename: "clock-hours-2026-07-01-2027-06-30.csv")
            #expect(csv.body.hasPrefix("\u{FEFF}educator_name,") && csv.body.contains("Zoë Ångström"))
            // an empty range says so rather than handing over an empty ZIP
            let empty = try await browser.get("/admin/exports/verification-forms.zip?from=2020-07-01&to=2021-06-30")
            #expect(empty.status == .ok && empty.body.contains("No plan was verified from 2020-07-01 to 2021-06-30"))
        }
    }

    @Test func badDatesComeBackAtTheFieldWithWhatWasTyped() async throws {
        try await withTrellis { districts, browser in
            // setup
            _ = try await browser.signIn("admin@north.example")
            // run
            let backwards = try await browser.get("/admin/exports/clock-hours.csv?from=2027-06-30&to=2026-07-01&excel=yes")
            let garbled = try await browser.get("/admin/exports/verification-forms.zip?from=June+1&to=2027-06-30")
            // check
            #expect(backwards.status == .unprocessableContent && backwards.headers[.contentType] == "text/html; charset=utf-8")
            #expect(backwards.body.contains("href=\"#hours-to\"") && backwards.body.contains("The end date must be on or after the start date (June 30, 2027)."))
            #expect(backwards.body.contains("id=\"hours-to\" name=\"to\" type=\"date\" value=\"2026-07-01\""))
            #expect(backwards.body.contains("name=\"excel\" value=\"yes\" checked"))
            #expect(garbled.status == .unprocessableContent && garbled.body.contains("href=\"#forms-from\""))
            #expect(garbled.body.contains("value=\"June 1\""))
        }
    }

    @Test func exportsAreForAdminsOnly() async throws {
        try await withTrellis { districts, browser in
            // setup
            _ = try await browser.signIn("principal@north.example")
            // run / check
            #expect(try await browser.get("/admin/exports").status == .forbidden)
            #expect(try await browser.get("/admin/exports/verification-forms.zip?from=2026-07-01&to=2027-06-30").status == .forbidden)
            #expect(try await browser.get("/admin/exports/clock-hours.csv?from=2027-06-30&to=2026-07-01").status == .forbidden)
            #expect(!(try await browser.get("/").body.contains("/admin/exports")))
        }
    }
}
