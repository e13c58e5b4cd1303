import Foundation
import Hummingbird
import Testing
import TestSupport
import TrellisCore
import TrellisServices

/// The plan's forms as a person works through them: stale windows, error summaries, one save for alignment,
/// asking before removing, what shared viewers see, the evidence kinds, and the home page's next step.
@Suite struct PlanEditingPagesTests {
    func startPlan(_ browser: TestBrowser) async throws -> String {
        _ = try await browser.get("/plans")
        let started = try await browser.post("/plans")
        return String(try #require(started.location).dropLast("/goals".count))
    }

    /// The version a page's form was made from.
    func version(_ page: TestBrowser.Page) throws -> String {
        String(try #require(page.body.firstMatch(of: /name="version" value="(\d+)"/)?.1))
    }

    func addGoal(_ browser: TestBrowser, _ plan: String, _ statement: String) async throws -> (path: String, id: String) {
        let saved = try await browser.post(plan + "/goals", [("statement", statement)])
        let path = try #require(saved.location)
        return (path, String(path.split(separator: "/").last!))
    }

    static let staleMessage = "This plan was changed in another window or device"

    @Test func aSaveFromAStaleWindowIsRefusedAndKeepsWhatWasTyped() async throws {
        try await withTrellis { _, browser in
            // setup: one goal, its page open in two windows
            _ = try await browser.signIn("teacher@north.example")
            let plan = try await startPlan(browser)
            let goal = try await addGoal(browser, plan, "Read aloud daily")
            let first = try await browser.get(goal.path)
            let second = try await browser.get(goal.path)
            #expect(try version(first) == version(second))
            // run: the first window saves, then the second
            let saved = try await browser.post(goal.path, [("statement", "First window's goal"), ("version", try version(first))])
            let stale = try await browser.post(goal.path, [("statement", "Second window's goal"), ("version", try version(second))])
            // check: the second is told, keeps its words, and the stored goal is the first's
            #expect(saved.status == .seeOther)
            #expect(stale.status == .conflict)
            #expect(stale.body.contains(Self.staleMessage))
            #expect(stale.body.contains(">Second window&#39;s goal</textarea>") || stale.body.contains(">Second window's goal</textarea>"))
            #expect(stale.body.contains("class=\"error-summary\""))
            let stored = try await browser.get(goal.path)
            #expect(stored.body.contains("First window") && !stored.body.contains("Second window"))

            // the same for an action step, a check-in, the reflection, the alignment and evidence: each page's form
            // made before another save
            let actions = try await browser.get(plan + "/actions")
            let checkIn = try await browser.get(plan + "/check-ins")
            let reflection = try await browser.get(plan + "/reflection")
            let alignment = try await browser.get(plan + "/alignment")
            let evidence = try await browser.get(plan + "/evidence?add=note")
            _ = try await browser.post(goal.path, [("statement", "A newer goal"), ("version", try version(try await browser.get(goal.path)))])
            let step = try await browser.post(goal.path + "/steps", [("what", "Exit ticket every Friday"), ("status", "not_started"),
                                                                     ("version", try version(actions))])
            #expect(step.status == .conflict && step.body.contains(Self.staleMessage))
            #expect(step.body.contains(">Exit ticket every Friday</textarea>"))
            #expect(step.body.contains("<details open>"), "the refused step's form is open")
            let check = try await browser.post(plan + "/check-ins", [("date", "2026-11-10"), ("what_happened", "Tried partner reading"),
                                                                     ("version", try version(checkIn))])
            #expect(check.status == .conflict && check.body.contains(Self.staleMessage) && check.body.contains(">Tried partner reading</textarea>"))
            let reflect = try await browser.post(plan + "/reflection", [("next_steps", "Keep reading aloud"), ("version", try version(reflection))])
            #expect(reflect.status == .conflict && reflect.body.contains(Self.staleMessage) && reflect.body.contains(">Keep reading aloud</textarea>"))
            let align = try await browser.post(plan + "/alignment", [("standards_\(goal.id)", "wa-t-6"), ("version", try version(alignment))])
            #expect(align.status == .conflict && align.body.contains(Self.staleMessage))
            #expect(align.body.contains("value=\"wa-t-6\" checked"), "the tick is kept")
            let note = try await browser.upload(plan + "/evidence", field: "file", filename: "", data: Data(),
                                                fields: [("kind", "note"), ("note", "Observed by my coach"), ("caption", "Observation"),
                                                         ("version", try version(evidence))])
            #expect(note.status == .conflict && note.body.contains(Self.staleMessage) && note.body.contains(">Observed by my coach</textarea>"))
            // nothing of the stale forms was saved
            let overview = try await browser.get(plan).body
            #expect(!overview.contains("Tried partner reading") && overview.contains("No action steps") && overview.contains("No pieces of evidence"))
        }
    }

    @Test func aValidationErrorIsSummarizedAtTheTopWithLinksAndItsFormOpen() async throws {
        try await withTrellis { _, browser in
            // setup
            _ = try await browser.signIn("teacher@north.example")
            let plan = try await startPlan(browser)
            let goal = try await addGoal(browser, plan, "Read aloud daily")
            // run
            let page = try await browser.post(goal.path + "/steps", [("what", "Read aloud"), ("estimated_hours", "two"), ("due_date", "2027-09-01"),
                                                                     ("status", "not_started")])
            // check: one summary, focused on load, linking to each field in page order; the form is open
            #expect(page.status == .unprocessableContent)
            let summary = try #require(page.body.firstMatch(of: /<div class="error-summary"[^>]*>(.|\n)*?<\/div>/)?.0)
            #expect(summary.contains("role=\"alert\"") && summary.contains("tabindex=\"-1\"") && summary.contains("autofocus"))
            let links = summary.matches(of: /href="#([^"]+)"/).map { String($0.1) }
            #expect(links == ["g1-due_date", "g1-estimated_hours"])
            #expect(page.body.contains("id=\"g1-estimated_hours\"") && page.body.contains("id=\"g1-due_date\""))
            #expect(page.body.contains("<details open>"))
            #expect(page.body.contains("<title>Error: Action plan"))
            // the summary comes before the plan's header
            #expect(page.body.firstRange(of: "error-summary")!.lowerBound < page.body.firstRange(of: "<h1>")!.lowerBound)
            // a page without a problem has none
            #expect(!(try await browser.get(plan + "/actions").body.contains("error-summary")))
            // other pages use the same summary
            let empty = try await browser.post(plan + "/goals", [("statement", "")])
            #expect(empty.body.contains("href=\"#field-statement\""))
        }
    }

    @Test func theAlignmentPageSavesEveryGoalWithOneSave() async throws {
        try await withTrellis { _, browser in
            // setup: two goals
            _ = try await browser.signIn("teacher@north.example")
            let plan = try await startPlan(browser)
            let first = try await addGoal(browser, plan, "Use exit tickets every week")
            let second = try await addGoal(browser, plan, "Read aloud daily")
            let page = try await browser.get(plan + "/alignment")
            #expect(page.body.matches(of: /<form method="post" action="\/plans/).count == 1)
            let main = String(try #require(page.body.firstMatch(of: /<main(.|\n)*<\/main>/)?.0))
            #expect(main.matches(of: /<button type="submit"/).count == 1, "one save for the page")
            #expect(main.contains(">Save standards</button>"))
            // run: ticks on both goals in one save
            let saved = try await browser.post(plan + "/alignment", [("standards_\(first.id)", "wa-t-6"), ("standards_\(second.id)", "wa-t-3"),
                                                                     ("standards_\(second.id)", "wa-t-6"), ("version", try version(page))])
            // check
            #expect(saved.status == .seeOther)
            let after = try await browser.get(plan + "/alignment").body
            #expect(after.contains("value=\"wa-t-3\" checked"))
            #expect(after.matches(of: /value="wa-t-6" checked/).count == 2)
        }
    }

    @Test func removingAGoalAStepOrEvidenceAsksFirst() async throws {
        try await withTrellis { _, browser in
            // setup
            _ = try await browser.signIn("teacher@north.example")
            let plan = try await startPlan(browser)
            let goal = try await addGoal(browser, plan, "Read aloud daily")
            _ = try await browser.post(goal.path + "/steps", [("what", "Read one picture book a day"), ("status", "not_started")])
            let stepPath = String(try #require(try await browser.get(plan + "/actions").body.firstMatch(of: /href="(\/plans\/[^"]+\/steps\/[^"]+)"/)?.1))
            _ = try await browser.upload(plan + "/evidence", field: "file", filename: "", data: Data(),
                                         fields: [("kind", "note"), ("note", "Ten books this week"), ("caption", "Reading log")])
            // run + check: the goal page offers a link to a question, not a delete
            let goalPage = try await browser.get(goal.path).body
            #expect(goalPage.contains("href=\"\(goal.path)/remove\""))
            #expect(!goalPage.contains("action=\"\(goal.path)/delete\""))
            let ask = try await browser.get(goal.path + "/remove")
            #expect(ask.status == .ok)
            #expect(ask.body.contains("Remove goal 1: ‘Read aloud daily’?"))
            #expect(ask.body.contains("Its action steps, alignment and reflection go with it"))
            #expect(ask.body.contains("action=\"\(goal.path)/delete\"") && ask.body.contains(">Keep it</a>"))
            #expect(try await browser.get(goal.path).status == .ok, "asking removed nothing")
            // the step and the evidence ask too
            let askStep = try await browser.get(stepPath + "/remove")
            #expect(askStep.body.contains("Remove this step from goal 1: ‘Read one picture book a day’?"))
            let evidence = try await browser.get(plan + "/evidence").body
            let askEvidencePath = String(try #require(evidence.firstMatch(of: /href="(\/plans\/[^"]+\/remove)"/)?.1))
            let askEvidence = try await browser.get(askEvidencePath)
            #expect(askEvidence.body.contains("Remove the evidence ‘Reading log’?"))
            // saying yes removes
            let removed = try await browser.post(goal.path + "/delete", [("version", try version(ask))])
            #expect(removed.status == .seeOther)
            #expect(try await browser.get(goal.path).status == .notFound)
        }
    }

    @Test func aCoachThePlanIsSharedWithReadsEveryPageWithoutForms() async throws {
        try await withTrellis { districts, browser in
            // setup: a plan with a goal, a step, evidence, a check-in and a reflection, shared with the coach
            _ = try await browser.signIn("teacher@north.example")
            let plan = try await startPlan(browser)
            let goal = try await addGoal(browser, plan, "Read aloud daily")
            _ = try await browser.post(goal.path + "/steps", [("what", "Read one picture book a day"), ("status", "not_started")])
            let stepPath = String(try #require(try await browser.get(plan + "/actions").body.firstMatch(of: /href="(\/plans\/[^"]+\/steps\/[^"]+)"/)?.1))
            _ = try await browser.upload(plan + "/evidence", field: "file", filename: "", data: Data(),
                                         fields: [("kind", "note"), ("note", "Ten books this week"), ("caption", "Reading log")])
            _ = try await browser.post(plan + "/check-ins", [("date", "2026-11-10"), ("what_happened", "Tried partner reading")])
            _ = try await browser.post(plan + "/reflection", [("student_change_\(goal.id)", "They ask for more books")])
            _ = try await browser.post(plan + "/sharing", [("coaches", districts.north.coach.id.rawValue)])
            let coach = TestBrowser(client: browser.client)
            _ = try await coach.signIn("coach@north.example")
            // run + check
            for page in ["", "/goals", "/alignment", "/actions", "/evidence", "/check-ins", "/reflection"].map({ plan + $0 }) + [goal.path] {
                let body = try await coach.get(page).body
                #expect(body.firstMatch(of: /<form[^>]*action="\/plans/) == nil, "a form on \(page)")
                #expect(!body.contains("<button type=\"submit\" class=\"button\">Save"), "\(page)")
                #expect(!body.contains("Your goal") && !body.contains("You last checked in") && !body.contains("Remove"), "\(page)")
            }
            #expect(try await coach.get(plan + "/check-ins").body.contains("Zoë Ångström last checked in"))
            #expect(try await coach.get(goal.path).body.contains("<dt>Goal</dt><dd>Read aloud daily</dd>"))
            #expect(try await coach.get(plan + "/reflection").body.contains("They ask for more books"))
            #expect(try await coach.get(plan).body.contains("Seen by: Zoë Ångström and Cam Coach (coach)"))
            #expect(try await coach.get(stepPath).status == .forbidden)
            #expect(try await coach.get(goal.path + "/remove").status == .forbidden)
        }
    }

    @Test func evidenceShowsOnlyTheChosenKindAndAsksForTheFileAgain() async throws {
        try await withTrellis { _, browser in
            // setup
            _ = try await browser.signIn("teacher@north.example")
            let plan = try await startPlan(browser)
            // run + check: a file form has no link or note field, a link form no file
            let file = try await browser.get(plan + "/evidence").body
            #expect(file.contains("name=\"file\"") && !file.contains("name=\"link\"") && !file.contains("name=\"note\""))
            #expect(file.contains("href=\"\(plan)/evidence?add=link#add-evidence-heading\""))
            let link = try await browser.get(plan + "/evidence?add=link").body
            #expect(link.contains("name=\"link\"") && !link.contains("name=\"file\"") && !link.contains("name=\"note\""))
            #expect(link.contains("name=\"kind\" value=\"link\""))
            // a good file with a missing caption: the browser forgets the file, and the page says so at the field
            let refused = try await browser.upload(plan + "/evidence", field: "file", filename: "log.pdf", data: Data("%PDF-1.4\n%%EOF\n".utf8),
                                                   fields: [("kind", "file"), ("caption", "")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.body.contains("<p class=\"field-error\" id=\"field-file-error\"><span class=\"visually-hidden\">Error: </span>Choose the file again: browsers forget a chosen file when a page reloads.</p>"))
            #expect(refused.body.contains("href=\"#field-file\""))
        }
    }
}
