import Foundation
import Hummingbird
import Testing
import TestSupport
import TrellisCore
import TrellisStore

@Suite struct PlanPagesTests {
    /// Starts the signed-in person's plan and returns its path.
    func startPlan(_ browser: TestBrowser) async throws -> String {
        _ = try await browser.get("/plans")
        let started = try await browser.post("/plans")
        let location = try #require(started.location)
        return String(location.dropLast("/goals".count))
    }

    @Test func everyFormExplainsBadInputAndKeepsWhatWasTyped() async throws {
        try await withTrellis { districts, browser in
            // setup
            _ = try await browser.signIn("teacher@north.example")
            let plan = try await startPlan(browser)
            // run + check: an empty goal
            let empty = try await browser.post(plan + "/goals", [("statement", ""), ("measure", "fluency benchmark")])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.body.contains("Write your goal in a sentence or two"))
            #expect(empty.body.contains("value=\"fluency benchmark\""))
            // a target date outside the school year
            let late = try await browser.post(plan + "/goals", [("statement", "Read more"), ("target_date", "2027-09-01")])
            #expect(late.status == .unprocessableContent)
            #expect(late.body.contains("Choose a date in the 2026–27 school year"))
            #expect(late.body.contains(">Read more</textarea>"))
            // a goal that is saved, then an action step without words and with bad hours
            let saved = try await browser.post(plan + "/goals", [("statement", "<script>alert('goal')</script> exit tickets weekly")])
            let goalPath = try #require(saved.location)
            let step = try await browser.post(goalPath + "/steps", [("what", ""), ("estimated_hours", "lots"), ("status", "not_started")])
            #expect(step.status == .unprocessableContent)
            #expect(step.body.contains("Say what you will do"))
            #expect(step.body.contains("Enter hours as a number"))
            #expect(step.body.contains("value=\"lots\""))
            // a check-in with nothing in it
            let checkIn = try await browser.post(plan + "/check-ins", [("date", "2026-11-10")])
            #expect(checkIn.status == .unprocessableContent)
            #expect(checkIn.body.contains("Mark your progress on a goal or write what happened."))
            // a link that is not one
            let link = try await browser.upload(plan + "/evidence", field: "file", filename: "", data: Data(),
                                                fields: [("kind", "link"), ("link", "javascript:alert(1)"), ("caption", "My <b>link</b>")])
            #expect(link.status == .unprocessableContent)
            #expect(link.body.contains("Enter a web address starting with https://"))
            #expect(link.body.contains("value=\"My &lt;b&gt;link&lt;/b&gt;\""))
            // what was typed with markup is shown escaped everywhere
            for page in ["", "/goals", "/alignment", "/actions", "/evidence", "/check-ins", "/reflection"] {
                let body = try await browser.get(plan + page).body
                #expect(!body.contains("<script>alert('goal')</script>"), "\(page)")
            }
            #expect(try await browser.get(plan).body.contains("&lt;script&gt;"))
        }
    }

    @Test func anExecutableRenamedPDFIsRefusedAndARealPDFDownloadsSafely() async throws {
        try await withTrellis { _, browser in
            _ = try await browser.signIn("teacher@north.example")
            let plan = try await startPlan(browser)
            let fake = try await browser.upload(plan + "/evidence", field: "file", filename: "grades.pdf", data: Data([0x4D, 0x5A, 0x90, 0x00]) + Data(count: 64),
                                                fields: [("kind", "file"), ("caption", "Grades")])
            #expect(fake.status == .unprocessableContent)
            #expect(fake.body.contains("is named like a .pdf file, but its content is not"))
            let big = try await browser.upload(plan + "/evidence", field: "file", filename: "scan.pdf",
                                               data: Data("%PDF-1.4\n".utf8) + Data(count: 21 * 1024 * 1024), fields: [("kind", "file"), ("caption", "Big scan")])
            #expect(big.status == .unprocessableContent)
            #expect(big.body.contains("The file is 21 MB; the largest accepted is 20 MB."))
            #expect(big.body.contains("value=\"Big scan\""))
            let real = try await browser.upload(plan + "/evidence", field: "file", filename: "exit-tickets.pdf",
                                                data: Data("%PDF-1.4\n%%EOF\n".utf8), fields: [("kind", "file"), ("caption", "Exit tickets")])
            #expect(real.status == .seeOther)
            let page = try await browser.get(plan + "/evidence")
            // An item without a link or a note shows neither: not the form's fields of the same name.
            #expect(!page.body.contains("&quot;name&quot;") && !page.body.contains("\"name\": "))
            let path = try #require(page.body.firstMatch(of: /href="(\/plans\/[^"]+\/file)"/)?.1)
            let file = try await browser.get(String(path))
            #expect(file.status == .ok)
            #expect(file.body == "%PDF-1.4\n%%EOF\n")
            #expect(file.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(file.headers[.xContentTypeOptions] == "nosniff")
            #expect(file.headers[.contentType] == "application/pdf")
        }
    }

    @Test func someoneWhoMayNotSeeAPlanGets404ForEveryPartOfIt() async throws {
        try await withTrellis { districts, browser in
            // setup: the teacher's plan with a file
            _ = try await browser.signIn("teacher@north.example")
            let plan = try await startPlan(browser)
            let saved = try await browser.post(plan + "/goals", [("statement", "Exit tickets every week")])
            let goal = try #require(saved.location)
            _ = try await browser.upload(plan + "/evidence", field: "file", filename: "a.pdf", data: Data("%PDF-1.4\n".utf8), fields: [("kind", "file"), ("caption", "A")])
            let file = String(try #require(try await browser.get(plan + "/evidence").body.firstMatch(of: /href="(\/plans\/[^"]+\/file)"/)?.1))
            let evidenceID = file.split(separator: "/").dropLast().last!
            let gets = ["", "/goals", "/alignment", "/actions", "/evidence", "/check-ins", "/reflection", "/sharing"].map { plan + $0 } + [goal, file]
            let gets2 = [goal + "/remove", plan + "/evidence/\(evidenceID)/remove"]
            let posts = [plan + "/goals", goal, plan + "/alignment", goal + "/steps", goal + "/delete", plan + "/check-ins", plan + "/reflection",
                         plan + "/sharing", plan + "/status", plan + "/evidence/\(evidenceID)/delete"]
            // run + check: a colleague, the school's principal, the district admin, another district's admin, a coach not shared with
            for email in ["colleague@north.example", "principal@north.example", "admin@north.example", "admin@south.example", "coach@north.example"] {
                let outsider = TestBrowser(client: browser.client)
                _ = try await outsider.signIn(email)
                for path in gets + gets2 {
                    #expect(try await outsider.get(path).status == .notFound, "\(email) GET \(path)")
                }
                for path in posts {
                    #expect(try await outsider.post(path, [("statement", "x"), ("to", "active")]).status == .notFound, "\(email) POST \(path)")
                }
            }
            // shared with the coach: they read it, but cannot change it
            _ = try await browser.post(plan + "/sharing", [("coaches", districts.north.coach.id.rawValue)])
            let coach = TestBrowser(client: browser.client)
            _ = try await coach.signIn("coach@north.example")
            let read = try await coach.get(plan)
            #expect(read.status == .ok)
            #expect(read.body.contains("Zoë Ångström’s 2026–27 growth plan"))
            #expect(try await coach.get(file).status == .ok)
            #expect(try await coach.post(plan + "/goals", [("statement", "Coach's goal")]).status == .forbidden)
            #expect(try await coach.get("/plans").body.contains("Shared with you"))
        }
    }

    @Test func theOverviewSaysWhatIsMissingAndActivatesWhenReady() async throws {
        try await withTrellis { _, browser in
            _ = try await browser.signIn("teacher@north.example")
            let plan = try await startPlan(browser)
            #expect(try await browser.get(plan).body.contains("Add at least one goal."))
            let goal = try #require(try await browser.post(plan + "/goals", [("statement", "I will use exit tickets every week to adjust small-group instruction")]).location)
            let feedback = try await browser.get(goal)
            #expect(feedback.body.contains("Feedback on this goal"))
            let alignment = try await browser.get(plan + "/alignment")
            #expect(alignment.body.contains("Suggested for this goal"))
            #expect(alignment.body.firstRange(of: "WA-T-6")!.lowerBound < alignment.body.firstRange(of: "All standards")!.lowerBound, "the suggestion comes first")
            let goalID = try #require(goal.split(separator: "/").last)
            let aligned = try await browser.post(plan + "/alignment", [("standards_\(goalID)", "wa-t-6")])
            #expect(aligned.status == .seeOther)
            let missing = try await browser.get(plan)
            #expect(missing.body.contains("<li>Add at least one action step to goal 1.</li>"))
            #expect(!missing.body.contains("Make this plan active</button>"))
            _ = try await browser.post(goal + "/steps", [("what", "Exit ticket every Friday"), ("status", "in_progress"), ("due_date", "2026-12-04")])
            let ready = try await browser.get(plan)
            #expect(ready.body.contains("Make this plan active</button>"))
            #expect(ready.body.contains("Next: Goal 1: Exit ticket every Friday, due December 4, 2026"))
            _ = try await browser.post(plan + "/status", [("to", "active")])
            #expect(try await browser.get(plan).body.contains("status--active"))
            let home = try await browser.get("/")
            #expect(home.body.contains("Your 2026–27 growth plan"))
            #expect(home.body.contains("<strong>Next:</strong> Goal 1: Exit ticket every Friday (by December 4, 2026)"))
            #expect(home.body.contains("You have not checked in yet."))
        }
    }

    @Test func theOverviewIsKeptPerVersionAndPerViewer() async throws {
        try await withTrellis { districts, browser in
            // setup
            _ = try await browser.signIn("teacher@north.example")
            let plan = try await startPlan(browser)
            _ = try await browser.post(plan + "/goals", [("statement", "I will read aloud daily to build vocabulary")])
            let withMessage = try await browser.get(plan)
            #expect(withMessage.body.contains("Your goal is saved."), "the message from saving shows once")
            // run + check: the same page twice is the same bytes
            let first = try await browser.get(plan)
            #expect(!first.body.contains("Your goal is saved."))
            #expect(try await browser.get(plan).body == first.body)
            // a change shows on the next view
            #expect(try await browser.post(plan + "/check-ins", [("date", "2026-11-10"), ("what_happened", "Tried partner reading")]).status == .seeOther)
            let afterCheckIn = try await browser.get(plan)
            #expect(afterCheckIn.body.contains("Tried partner reading"))
            // another viewer gets their own page, not the owner's
            _ = try await browser.post(plan + "/sharing", [("coaches", districts.north.coach.id.rawValue)])
            let coach = TestBrowser(client: browser.client)
            _ = try await coach.signIn("coach@north.example")
            let coachView = try await coach.get(plan)
            #expect(coachView.status == .ok)
            #expect(coachView.body.contains("Zoë Ångström shared this plan with you"))
            #expect(!coachView.body.contains("Change who can see it"))
            #expect(!coachView.body.contains(browser.csrfToken), "never another person's form token")
            let ownerView = try await browser.get(plan)
            #expect(ownerView.body.contains("Change who can see it"))
            #expect(ownerView.body.contains("Cam Coach (coach)"))
        }
    }
}
