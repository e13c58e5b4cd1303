import Foundation
import Hummingbird
import Testing
import TestSupport
import TrellisCore
import TrellisStore

@Suite struct AdminPagesTests {
    @Test func adminAddsASchoolAndSeesIt() async throws {
        try await withTrellis { _, browser in
            // setup
            _ = try await browser.signIn("admin@north.example")
            // run
            let added = try await browser.post("/admin/schools", [("name", "Lakeside High School")])
            // check
            #expect(added.location == "/admin/schools")
            let list = try await browser.get("/admin/schools")
            #expect(list.body.contains("Lakeside High School is added."))
            #expect(list.body.contains("<td data-label=\"School\">Lakeside High School</td>"))
            let duplicate = try await browser.post("/admin/schools", [("name", "Lakeside High School")])
            #expect(duplicate.status == .unprocessableContent)
            #expect(duplicate.body.contains("There is already a school called Lakeside High School."))
        }
    }

    @Test func badInputOnAddPersonKeepsEverythingTypedAndEscapesIt() async throws {
        try await withTrellis { districts, browser in
            // setup
            _ = try await browser.signIn("admin@north.example")
            // run
            let page = try await browser.post("/admin/people", [
                ("display_name", "<script>alert(1)</script> Zoë"), ("email", "not an email"),
                ("school_id", districts.north.school.id.rawValue), ("roles", "coach"), ("roles", "leader"),
            ])
            // check
            #expect(page.status == .unprocessableContent)
            #expect(!page.body.contains("<script>alert(1)</script>"))
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt; Zoë"))
            #expect(page.body.contains("value=\"not an email\""))
            #expect(page.body.contains("Enter an email address like name@school.org."))
            #expect(page.body.contains("aria-invalid=\"true\""))
            #expect(page.body.contains("value=\"coach\" checked") && page.body.contains("value=\"leader\" checked"))
            #expect(!page.body.contains("value=\"educator\" checked"))
            #expect(page.body.contains("value=\"\(districts.north.school.id)\" selected"))
            let empty = try await browser.post("/admin/people", [("display_name", ""), ("email", "")])
            #expect(empty.body.contains("Enter the person&#39;s name.") || empty.body.contains("Enter the person's name."))
            #expect(empty.body.contains("Choose at least one role."))
        }
    }

    @Test func aNewPersonSetsTheirPasswordFromTheOneTimeLinkAndSignsIn() async throws {
        try await withTrellis { districts, browser in
            // setup
            _ = try await browser.signIn("admin@north.example")
            // run
            let created = try await browser.post("/admin/people", [
                ("display_name", "Aiyana Whitehorse"), ("email", "aiyana@north.example"),
                ("school_id", districts.north.school.id.rawValue), ("roles", "educator"),
            ])
            let personPage = try await browser.get(try #require(created.location))
            // check
            #expect(personPage.body.contains("Aiyana Whitehorse is added."))
            let link = try #require(personPage.body.firstMatch(of: /id="one-time-link" href="http:\/\/127\.0\.0\.1:8080(\/reset\/[A-Za-z0-9_-]+)"/)?.1)
            #expect(try await browser.get(try #require(created.location)).body.contains("one-time-link") == false, "shown once")
            let newcomer = TestBrowser(client: browser.client)
            let form = try await newcomer.get(String(link))
            #expect(form.body.contains("Hello Aiyana Whitehorse"))
            let mismatch = try await newcomer.post(String(link), [("new_password", "river stones 42"), ("confirm_password", "river stones 43")])
            #expect(mismatch.status == .unprocessableContent)
            #expect(!mismatch.body.contains("river stones 42"), "passwords are never echoed")
            let set = try await newcomer.post(String(link), [("new_password", "river stones 42"), ("confirm_password", "river stones 42")])
            #expect(set.location == "/signin")
            #expect(try await newcomer.get(String(link)).status == .notFound, "the link works once")
            #expect(try await newcomer.signIn("aiyana@north.example", password: "river stones 42").location == "/")
            #expect(try await newcomer.get("/").body.contains("Welcome, Aiyana Whitehorse"))
        }
    }

    @Test func rolesChangeAndTheAuditLogShowsIt() async throws {
        try await withTrellis { districts, browser in
            // setup
            _ = try await browser.signIn("admin@north.example")
            let teacher = districts.north.educator
            // run
            let saved = try await browser.post("/admin/people/\(teacher.id)", [
                ("display_name", teacher.displayName), ("email", teacher.email.value),
                ("school_id", districts.north.school.id.rawValue), ("roles", "educator"), ("roles", "coach"),
            ])
            // check
            #expect(saved.status == .seeOther)
            let scope = OrganizationScope(districts.environment.database, organizationID: districts.north.organization.id)
            #expect(try await scope.people.find(teacher.id)?.roles == [.educator, .coach])
            let audit = try await browser.get("/admin/audit?kind=all")
            #expect(audit.body.contains("<td data-label=\"What\">Roles changed</td>"))
            #expect(audit.body.contains("Educator → Educator, Coach"))
            #expect(audit.body.contains("<td data-label=\"What\">Signed in</td>"))
            #expect(!audit.body.contains("South Sound"), "only this district's events")
        }
    }

    @Test func changingOwnPasswordExplainsMistakesAndKeepsThisSession() async throws {
        try await withTrellis { _, browser in
            _ = try await browser.signIn("teacher@north.example")
            let bad = try await browser.post("/account/password", [("current_password", "nope"), ("new_password", "short"), ("confirm_password", "short")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("That is not your current password."))
            let good = try await browser.post("/account/password", [("current_password", TestDistricts.password),
                                                                    ("new_password", "a brand new phrase"), ("confirm_password", "a brand new phrase")])
            #expect(good.location == "/")
            #expect(try await browser.get("/").status == .ok, "this session continues")
        }
    }

    @Test func theDistrictChoosesWhenItsSchoolYearStarts() async throws {
        try await withTrellis { _, browser in
            // setup
            _ = try await browser.signIn("admin@north.example")
            // run + check: a day that does not exist is explained and kept
            let bad = try await browser.post("/admin/settings", [("month", "2"), ("day", "30")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("Enter a day that exists in that month"))
            #expect(bad.body.contains("value=\"30\""))
            #expect(try await browser.post("/admin/settings", [("month", "1"), ("day", "1")]).status == .seeOther)
            #expect(try await browser.get("/admin/audit").body.contains("school year starts July 1 → January 1"))
            // a teacher's new plan follows the calendar year now
            let teacher = TestBrowser(client: browser.client)
            _ = try await teacher.signIn("teacher@north.example")
            #expect(try await teacher.get("/admin/settings").status == .forbidden)
            _ = try await teacher.get("/plans")
            let plan = try await teacher.get(try #require(try await teacher.post("/plans").location))
            #expect(plan.body.contains("Your 2026 growth plan"))
        }
    }

    @Test func theDistrictWritesItsOwnGuidingQuestionsAndEducatorsSeeThem() async throws {
        try await withTrellis { _, browser in
            // setup
            _ = try await browser.signIn("admin@north.example")
            let page = try await browser.get("/admin/settings/questions")
            #expect(page.status == .ok)
            #expect(page.body.contains(GuidingQuestions.standard.questions(for: .measurable)[0].replacingOccurrences(of: "'", with: "&#39;")))
            // run + check: too many questions are explained at the box, with everything typed kept and escaped
            let thirteen = (1...13).map { "Question <b>\($0)</b>?" }.joined(separator: "\n")
            let bad = try await browser.post("/admin/settings/questions", [("questions_specific", thirteen), ("questions_measurable", "Kept as typed?")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("Keep it to 12 questions or fewer; this box has 13."))
            #expect(bad.body.contains("Question &lt;b&gt;13&lt;/b&gt;?"))
            #expect(bad.body.contains(">Kept as typed?</textarea>"))
            // a good bank is saved and is what a teacher's goal feedback offers
            let saved = try await browser.post("/admin/settings/questions", [("questions_measurable", "¿Qué trabajo de tus estudiantes lo mostrará?")])
            #expect(saved.location == "/admin/settings/questions")
            #expect(try await browser.get("/admin/settings/questions").body.contains("These are your district's own questions."))
            let teacher = TestBrowser(client: browser.client)
            _ = try await teacher.signIn("teacher@north.example")
            #expect(try await teacher.get("/admin/settings/questions").status == .forbidden)
            _ = try await teacher.get("/plans")
            let goalsPath = try #require(try await teacher.post("/plans").location)
            let goal = try #require(try await teacher.post(goalsPath, [("statement", "I will try new strategies with my students")]).location)
            let feedback = try await teacher.get(goal).body
            #expect(feedback.contains("¿Qué trabajo de tus estudiantes lo mostrará?"))
            #expect(!feedback.contains(GuidingQuestions.standard.questions(for: .measurable)[0].replacingOccurrences(of: "'", with: "&#39;")))
            // going back to Trellis's questions
            #expect(try await browser.post("/admin/settings/questions/reset").location == "/admin/settings/questions")
            #expect(try await teacher.get(goal).body.contains(GuidingQuestions.standard.questions(for: .measurable)[0].replacingOccurrences(of: "'", with: "&#39;")))
            #expect(try await browser.get("/admin/audit").body.contains("guiding questions back to Trellis"))
        }
    }

    @Test func theAuditLogHidesSignInsUntilAskedAndFiltersByPersonAndDate() async throws {
        try await withTrellis { districts, browser in
            // setup: the teacher signs in, then the admin changes the teacher's roles (all on 2026-11-18, UTC)
            let teacher = TestBrowser(client: browser.client)
            _ = try await teacher.signIn("teacher@north.example")
            _ = try await browser.signIn("admin@north.example")
            let person = districts.north.educator
            _ = try await browser.post("/admin/people/\(person.id)", [
                ("display_name", person.displayName), ("email", person.email.value),
                ("school_id", districts.north.school.id.rawValue), ("roles", "educator"), ("roles", "coach"),
            ])
            let signInRow = "<td data-label=\"What\">Signed in</td>", rolesRow = "<td data-label=\"What\">Roles changed</td>"
            // run
            let standard = try await browser.get("/admin/audit")
            let signIns = try await browser.get("/admin/audit?kind=signed_in")
            let theirs = try await browser.get("/admin/audit?kind=all&person=%C3%A5ngstr%C3%B6m")
            let today = try await browser.get("/admin/audit?from=2026-11-18&to=2026-11-18")
            let before = try await browser.get("/admin/audit?to=2026-11-17")
            let nobody = try await browser.get("/admin/audit?person=nobody+here")
            // check
            #expect(standard.body.contains(rolesRow) && !standard.body.contains(signInRow), "sign-ins hidden by default")
            #expect(standard.body.contains("<option value=\"\" selected>Everything but sign-ins and sign-outs</option>"))
            #expect(signIns.body.contains(signInRow) && !signIns.body.contains(rolesRow))
            #expect(signIns.body.contains("<option value=\"signed_in\" selected>"), "the choice is kept")
            #expect(theirs.body.contains("Events by or about the one person matching “ångström”."))
            #expect(theirs.body.contains(signInRow) && theirs.body.contains(rolesRow))
            #expect(signIns.body.components(separatedBy: signInRow).count - 1 == 2, "the teacher's and the admin's")
            #expect(theirs.body.components(separatedBy: signInRow).count - 1 == 1, "the admin's own sign-in is not the teacher's")
            #expect(today.body.contains(rolesRow))
            #expect(before.status == .ok && !before.body.contains(rolesRow) && before.body.contains("No events match these filters."))
            #expect(nobody.body.contains("Nobody in your district has a name or email containing “nobody here”."))
            #expect(nobody.body.contains("value=\"nobody here\""))
        }
    }

    @Test func badFilterDatesAreExplainedAtTheFieldAndKept() async throws {
        try await withTrellis { _, browser in
            // setup
            _ = try await browser.signIn("admin@north.example")
            // run
            let impossible = try await browser.get("/admin/audit?from=2026-02-30&to=last+week&kind=nonsense")
            let backwards = try await browser.get("/admin/audit?from=2026-03-10&to=2026-03-01")
            // check
            #expect(impossible.status == .unprocessableContent)
            #expect(impossible.body.contains("id=\"field-from-error\""))
            #expect(impossible.body.contains("id=\"field-to-error\""))
            #expect(impossible.body.contains("Enter a real date as year-month-day, for example 2026-03-15."))
            #expect(impossible.body.contains("value=\"2026-02-30\"") && impossible.body.contains("value=\"last week\""))
            #expect(impossible.body.contains("Choose a kind of event from the list."))
            #expect(!impossible.body.contains("<table"), "no events under filters that cannot be read")
            #expect(backwards.status == .unprocessableContent)
            #expect(backwards.body.contains("Enter a date on or after the start date, March 10, 2026."))
        }
    }

    @Test func theAuditLogPagesOlderAndNewerKeepingItsFilters() async throws {
        try await withTrellis { districts, browser in
            // setup: 60 settings changes, one a second
            _ = try await browser.signIn("admin@north.example")
            let log = OrganizationScope(districts.environment.database, organizationID: districts.north.organization.id).audit
            for index in 0..<60 {
                try await log.append(AuditEvent(id: .init("setting-\(index)"), organizationID: districts.north.organization.id,
                                                kind: .settingsChanged, actorID: districts.north.admin.id, subjectID: nil,
                                                detail: "change number \(index).", address: nil,
                                                occurredAt: districts.clock.now().addingTimeInterval(Double(index))))
            }
            // run
            let first = try await browser.get("/admin/audit?kind=settings_changed")
            let olderPath = try #require(first.body.firstMatch(of: /href="([^"]+)" rel="next"/)?.1)
            let older = try await browser.get(String(olderPath).replacingOccurrences(of: "&amp;", with: "&"))
            let newerPath = try #require(older.body.firstMatch(of: /href="([^"]+)" rel="prev"/)?.1)
            let newer = try await browser.get(String(newerPath).replacingOccurrences(of: "&amp;", with: "&"))
            // check
            #expect(first.body.contains("change number 59.") && first.body.contains("change number 10."))
            #expect(!first.body.contains("change number 9."), "50 a page")
            #expect(!first.body.contains("rel=\"prev\""), "nothing is newer than the first page")
            #expect(olderPath.contains("kind=settings_changed") && olderPath.contains("before="))
            #expect(older.body.contains("change number 9.") && older.body.contains("change number 0."))
            #expect(!older.body.contains("change number 10."))
            #expect(!older.body.contains("rel=\"next\""), "nothing is older than the last page")
            #expect(newer.body.contains("change number 59.") && newer.body.contains("change number 10."))
            #expect(!newer.body.contains("change number 9."))
        }
    }
}
