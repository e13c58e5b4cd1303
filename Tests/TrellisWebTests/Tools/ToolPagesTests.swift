import Foundation
import Hummingbird
import Testing
import TestSupport
import TrellisCore
import TrellisStore

/// The tools pages through the router: propose, approve, filter, trials, shortlists and the adoption view, with bad
/// input at its field and the text kept, and 404s for everyone a page is not for.
@Suite struct ToolPagesTests {
    static let toolFields: [(String, String)] = [
        ("name", "Number Line Studio"), ("link", "https://numberline.example/"), ("kind", "app"), ("subjects", "Mathematics"),
        ("grade_bands", "3-5"), ("privacy_status", "on_file"), ("privacy_expires_on", "2026-01-31"), ("licence_status", "licensed"),
        ("licence_renews_on", "2026-12-15"), ("cost_per_seat", "4.35"),
    ]

    /// Proposes the tool as the educator and approves it as the admin; returns the tool's address.
    static func approvedTool(_ districts: TestDistricts, _ browser: TestBrowser) async throws -> String {
        let educator = TestBrowser(client: browser.client)
        _ = try await educator.signIn("teacher@north.example")
        let proposed = try await educator.post("/tools", toolFields)
        let path = try #require(proposed.location)
        let admin = TestBrowser(client: browser.client)
        _ = try await admin.signIn("admin@north.example")
        #expect(try await admin.post(path + "/approval", [("approval", "approved"), ("version", "1")]).status == .seeOther)
        return path
    }

    @Test func aProposalWithAnHTTPLinkComesBackWithTheTextKeptAndAnExpiredAgreementIsAWarning() async throws {
        try await withTrellis { districts, browser in
            // setup
            _ = try await browser.signIn("teacher@north.example")
            // run
            let refused = try await browser.post("/tools", Self.toolFields.map { $0.0 == "link" ? ($0.0, "http://numberline.example/") : $0 })
            let proposed = try await browser.post("/tools", Self.toolFields)
            let page = try await browser.get(try #require(proposed.location))
            // check
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("Plain http is not accepted") && refused.body.contains("value=\"Number Line Studio\""))
            #expect(refused.body.contains("value=\"http://numberline.example/\""))
            #expect(proposed.status == .seeOther && page.status == .ok)
            #expect(page.body.contains("Warning:") && page.body.contains("expired on January 31, 2026"))
            #expect(page.body.contains("Waiting for approval"))
            // nobody but the proposer and admins finds a proposal
            let colleague = TestBrowser(client: browser.client)
            _ = try await colleague.signIn("colleague@north.example")
            #expect(try await colleague.get(proposed.location!).status == .notFound)
            #expect(!(try await colleague.get("/tools")).body.contains("Number Line Studio"))
        }
    }

    @Test func anAdminApprovesAndTheCatalogueFiltersByGetParameters() async throws {
        try await withTrellis { districts, browser in
            // setup
            let path = try await Self.approvedTool(districts, browser)
            _ = try await browser.signIn("colleague@north.example")
            // run
            let all = try await browser.get("/tools")
            let math = try await browser.get("/tools?q=number&kind=app&subject=Mathematics&grade=3-5")
            let devices = try await browser.get("/tools?kind=device")
            let highSchool = try await browser.get("/tools?grade=9-12")
            // check
            #expect(all.status == .ok && all.body.contains("Number Line Studio") && all.body.contains(">Tools<"))
            #expect(math.body.contains("Number Line Studio") && math.body.contains("1 tool"))
            #expect(!devices.body.contains("Number Line Studio") && !highSchool.body.contains("Number Line Studio"))
            // an educator may not approve, and another district does not find the tool
            #expect(try await browser.post(path + "/approval", [("approval", "retired")]).status == .forbidden)
            let south = TestBrowser(client: browser.client)
            _ = try await south.signIn("admin@south.example")
            #expect(try await south.get(path).status == .notFound)
            #expect(try await south.post(path + "/approval", [("approval", "retired")]).status == .notFound)
            #expect(try await south.get("/tools/not-a-tool").status == .notFound)
        }
    }

    @Test func aCoachRunsATrialWithAnEducatorAndTheLeaderFindsItsSharedVerdictInTheAdoptionView() async throws {
        try await withTrellis { districts, browser in
            // setup
            let north = districts.north
            try await CaseloadFixtures.relationship(districts.environment.database, coach: north.coach, educator: north.educator,
                                                    startedAt: districts.clock.now())
            let toolPath = try await Self.approvedTool(districts, browser)
            let toolID = String(toolPath.split(separator: "/").last!)
            _ = try await browser.signIn("coach@north.example")
            let fields: [(String, String)] = [("tool", toolID), ("educators", north.educator.id.rawValue), ("goal", "Fractions on a number line"),
                                              ("question", "Do warm-ups raise exit-ticket scores?"), ("measure", ""), ("result", "70"),
                                              ("result_unit", "%"), ("starts_on", "2026-10-01"), ("ends_on", "2026-09-01"),
                                              ("notes", "Private: login trouble"), ("visibility", "coach_only")]
            // run
            let refused = try await browser.post("/trials", fields)
            let fixed = fields.map { $0.0 == "measure" ? ($0.0, "Exit-ticket score") : $0.0 == "ends_on" ? ($0.0, "2026-11-30") : $0 }
            let started = try await browser.post("/trials", fixed + [("baseline", "61.5"), ("baseline_unit", "%")])
            let trialPath = try #require(started.location)
            let leader = TestBrowser(client: browser.client)
            _ = try await leader.signIn("principal@north.example")
            let beforeSharing = try await leader.get("/tools/adoption")
            let educator = TestBrowser(client: browser.client)
            _ = try await educator.signIn("teacher@north.example")
            let seen = try await educator.get(trialPath)
            let saved = try await educator.post(trialPath + "/edit", fixed.filter { $0.0 != "visibility" } + [("baseline", "61.5"), ("baseline_unit", "%"), ("verdict", "expand"),
                                                                             ("visibility", "shared_summary"), ("version", "1")])
            let adoption = try await leader.get("/tools/adoption?subject=Mathematics&renewal=soon")
            let csv = try await leader.get("/tools/adoption.csv")
            // check
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("result without a measure") && refused.body.contains("ends before it starts"))
            #expect(refused.body.contains("Do warm-ups raise exit-ticket scores?"))
            #expect(started.status == .seeOther && seen.status == .ok && seen.body.contains("Private: login trouble"))
            #expect(saved.status == .seeOther)
            #expect(!beforeSharing.body.contains("Do warm-ups raise"))
            #expect(adoption.status == .ok && adoption.body.contains("Expand") && adoption.body.contains("+8.5 %"))
            #expect(!adoption.body.contains("Private: login trouble"))
            #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true && csv.body.contains("Expand"))
            #expect(!csv.body.contains("Private"))
            // a leader, a colleague and another district find nothing of the trial itself; an educator has no adoption view
            for email in ["principal@north.example", "colleague@north.example", "admin@south.example"] {
                let outsider = TestBrowser(client: browser.client)
                _ = try await outsider.signIn(email)
                #expect(try await outsider.get(trialPath).status == .notFound, "\(email)")
                #expect(try await outsider.post(trialPath + "/edit", fixed).status == .notFound, "\(email)")
            }
            #expect(try await educator.get("/tools/adoption").status == .notFound)
            #expect(try await educator.get("/tools/adoption.csv").status == .notFound)
        }
    }

    @Test func theCoachAndEducatorShortlistAndRateOnACycleAndALeaderFindsNothing() async throws {
        try await withTrellis { districts, browser in
            // setup
            let north = districts.north
            let relationship = try await CaseloadFixtures.relationship(districts.environment.database, coach: north.coach, educator: north.educator,
                                                                       startedAt: districts.clock.now())
            let cycle = CoachingCycle(id: .init("cycle-1"), organizationID: north.organization.id, relationshipID: relationship.id,
                                      focus: "Fractions on a number line", startsOn: CalendarDate(iso: "2026-10-01")!)
            try await OrganizationScope(districts.environment.database, organizationID: north.organization.id).coachingCycles.create(cycle)
            let toolID = String(try await Self.approvedTool(districts, browser).split(separator: "/").last!)
            _ = try await browser.signIn("teacher@north.example")
            // run
            let added = try await browser.post("/coaching/cycles/cycle-1/tools", [("tool", toolID)])
            let page = try await browser.get("/coaching/cycles/cycle-1/tools")
            let entry = String(try #require(page.body.firstMatch(of: /action="(\/shortlist\/[^"\/]+)"/)?.1))
            let refused = try await browser.post(entry, [("rating_cultural_relevance", "loud"), ("comment_cultural_relevance", "Our names"), ("version", "1")])
            let rated = try await browser.post(entry, [("rating_cultural_relevance", "strong"), ("comment_cultural_relevance", "Our names"), ("version", "1")])
            let after = try await browser.get("/coaching/cycles/cycle-1/tools")
            // check
            #expect(added.status == .seeOther && page.body.contains("Number Line Studio"))
            #expect(refused.status == .unprocessableContent && refused.body.contains("Our names"))
            #expect(rated.status == .seeOther && after.body.contains("1 of 3 criteria rated"))
            let leader = TestBrowser(client: browser.client)
            _ = try await leader.signIn("principal@north.example")
            #expect(try await leader.get("/coaching/cycles/cycle-1/tools").status == .notFound)
            #expect(try await leader.post(entry, [("rating_cultural_relevance", "weak")]).status == .notFound)
            #expect(try await leader.get(entry + "/remove").status == .notFound)
        }
    }
}
