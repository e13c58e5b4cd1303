import Foundation
import Hummingbird
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore
@testable import TrellisWeb

/// The caseload, "My coaching", proposing, answering and ending, and the counts, through the router.
@Suite struct CaseloadPagesTests {
    @Test func aCoachInvitesAndTheEducatorAcceptsThroughThePages() async throws {
        try await withTrellis { districts, browser in
            // setup
            let north = districts.north
            _ = try await browser.signIn(north.coach.email.value)
            // run: the invite page finds her by part of her name, accents aside
            let found = try await browser.get("/coaching/invite?q=zoe")
            #expect(found.status == .ok && found.body.contains("Zoë Ångström"))
            let sent = try await browser.post("/coaching/invite", [("educator", north.educator.id.rawValue), ("message", "Reading groups?")])
            #expect(sent.status == .seeOther)
            let caseload = try await browser.get("/coaching")
            #expect(caseload.body.contains("Invitation sent, not answered yet") && caseload.body.contains("0 people, 0 gone quiet, 1 proposal waiting"))
            // run: she answers
            browser.forgetCookies()
            _ = try await browser.signIn(north.educator.email.value)
            let mine = try await browser.get("/coaching")
            #expect(mine.body.contains("My coaching") && mine.body.contains("Reading groups?"))
            let id = try #require(try await OrganizationScope(districts.environment.database, organizationID: north.organization.id)
                .coachingRelationships.relationships(coach: north.coach.id, in: [.proposed]).first?.relationship.id)
            let answer = try await browser.get("/coaching/relationships/\(id)/answer")
            #expect(answer.status == .ok && answer.body.contains("Accept"))
            let accepted = try await browser.post("/coaching/relationships/\(id)/answer", [("decision", "accept"), ("version", "1")])
            #expect(accepted.status == .seeOther && accepted.location == "/coaching/relationships/\(id)")
            // check: a double click is no error; a stale end is a 409 that says so
            let twice = try await browser.post("/coaching/relationships/\(id)/answer", [("decision", "accept"), ("version", "1")])
            #expect(twice.status == .seeOther)
            let stale = try await browser.post("/coaching/relationships/\(id)/end", [("version", "1")])
            #expect(stale.status == .conflict && stale.body.contains("changed in another window"))
            #expect(try await browser.get("/coaching/relationships/\(id)/end").body.contains("End coaching with Cam Coach?"))
            // check: the coach's caseload lists her now
            browser.forgetCookies()
            _ = try await browser.signIn(north.coach.email.value)
            let after = try await browser.get("/coaching")
            #expect(after.body.contains("1 person, 0 gone quiet") && after.body.contains("href=\"/coaching/relationships/\(id)\""))
        }
    }

    @Test func badInvitationsComeBackWithTheMessageAtTheFieldAndTheTextKept() async throws {
        try await withTrellis { districts, browser in
            // setup: already invited once
            let north = districts.north
            _ = try await browser.signIn(north.coach.email.value)
            _ = try await browser.post("/coaching/invite", [("educator", north.educator.id.rawValue)])
            // run
            let again = try await browser.post("/coaching/invite", [("educator", north.educator.id.rawValue), ("message", "Still keen <3")])
            let otherDistrict = try await browser.post("/coaching/invite", [("educator", districts.south.educator.id.rawValue), ("message", "Hi")])
            let ask = try await browser.post("/coaching/ask", [("coach", north.leader.id.rawValue), ("message", "Help with math")])
            // check: 422, the message next to the field and in the summary, what was typed still there
            #expect(again.status == .unprocessableContent)
            #expect(again.body.contains("field-educator-error") && again.body.contains("You already invited Zoë Ångström"))
            #expect(again.body.contains("Still keen &lt;3") && again.body.contains("There is a problem"))
            #expect(otherDistrict.status == .unprocessableContent && otherDistrict.body.contains("Choose an educator from the list."))
            #expect(ask.status == .unprocessableContent && ask.body.contains("is not a coach in Trellis") && ask.body.contains("Help with math"))
        }
    }

    @Test func nobodyButItsCoachAndEducatorFindsARelationshipsAnswerOrEndPage() async throws {
        try await withTrellis { districts, browser in
            // setup: a proposal and an active relationship of the coach with the educator; another coach in the district
            let north = districts.north, env = districts.environment, now = env.clock.now()
            let other = try await CaseloadFixtures.person(env, in: north, "coach2", "Other Coach", [.coach], school: north.school)
            let active = try await CaseloadFixtures.relationship(env.database, coach: north.coach, educator: north.educator, startedAt: now)
            let proposed = try await CaseloadFixtures.relationship(env.database, coach: north.coach, educator: north.colleague, state: .proposed,
                                                                   startedAt: now)
            let strangers = [north.leader.email.value, north.admin.email.value, other.email.value, north.colleague.email.value]
            for email in strangers {
                browser.forgetCookies()
                _ = try await browser.signIn(email)
                for id in [active.id, proposed.id] where !(email == north.colleague.email.value && id == proposed.id) {
                    for part in ["answer", "end"] {
                        // run, check
                        #expect(try await browser.get("/coaching/relationships/\(id)/\(part)").status == .notFound, "\(email) GET \(part)")
                        #expect(try await browser.post("/coaching/relationships/\(id)/\(part)", [("decision", "accept"), ("version", "2")]).status
                                == .notFound, "\(email) POST \(part)")
                    }
                }
            }
            // the relationships are as they were
            let store = OrganizationScope(env.database, organizationID: north.organization.id).coachingRelationships
            #expect(try await store.find(active.id)?.relationship.state == .active)
            #expect(try await store.find(proposed.id)?.relationship.state == .proposed)
        }
    }

    @Test func theCaseloadShowsOnlyTheCoachsOwnPeopleAndFiltersThoseGoneQuiet() async throws {
        try await withTrellis { districts, browser in
            // setup: the coach has two people, one quiet; another coach has a third
            let north = districts.north, env = districts.environment
            let longAgo = env.clock.now().addingTimeInterval(-60 * 86400)
            let other = try await CaseloadFixtures.person(env, in: north, "coach2", "Other Coach", [.coach], school: north.school)
            let third = try await CaseloadFixtures.person(env, in: north, "third", "Thea Third", [.educator], school: north.school)
            let recent = try await CaseloadFixtures.relationship(env.database, coach: north.coach, educator: north.educator, startedAt: longAgo)
            try await CaseloadFixtures.relationship(env.database, coach: north.coach, educator: north.colleague, startedAt: longAgo)
            try await CaseloadFixtures.relationship(env.database, coach: other, educator: third, startedAt: longAgo)
            try await CaseloadFixtures.session(env.database, recent, on: "2026-11-16", school: north.school.id)
            _ = try await browser.signIn(north.coach.email.value)
            // run
            let page = try await browser.get("/coaching")
            let quiet = try await browser.get("/coaching?quiet=1&order=name")
            // check
            #expect(page.status == .ok && page.body.contains("2 people, 1 gone quiet"))
            #expect(page.body.contains("Zoë Ångström") && page.body.contains("Col League") && !page.body.contains("Thea Third"))
            #expect(page.body.contains("Log a quick contact") && page.body.contains("href=\"/coaching/mine\""))
            #expect(quiet.body.contains("Col League") && !quiet.body.contains("Zoë Ångström"))
            #expect(quiet.body.contains("<option value=\"name\" selected>"))
        }
    }

    @Test func leadersAndAdminsSeeCountsAndNeverACaseload() async throws {
        try await withTrellis { districts, browser in
            // setup: a session with a private note
            let north = districts.north, env = districts.environment
            let relationship = try await CaseloadFixtures.relationship(env.database, coach: north.coach, educator: north.educator,
                                                                       startedAt: env.clock.now())
            try await CaseloadFixtures.session(env.database, relationship, on: "2026-10-05", minutes: 90, school: north.school.id,
                                               note: "She finds the class hard")
            // run, check: the leader sees her school's counts, the nav leads there, no note anywhere
            _ = try await browser.signIn(north.leader.email.value)
            let counts = try await browser.get("/coaching/counts")
            #expect(counts.status == .ok && counts.body.contains("Cam Coach") && counts.body.contains("1.5"))
            #expect(!counts.body.contains("finds the class hard"))
            // The leader's navigation leads to the school's dashboard, whose coaching section links to these counts.
            let dashboard = try await browser.get("/dashboards/schools/\(north.school.id)")
            #expect(counts.body.contains("href=\"/dashboards/schools/\(north.school.id)\"") && dashboard.body.contains("href=\"/coaching/counts\""))
            #expect(!dashboard.body.contains("finds the class hard"))
            #expect(try await browser.get("/coaching").body.contains("My coaching"))
            browser.forgetCookies()
            _ = try await browser.signIn(north.admin.email.value)
            #expect(try await browser.get("/coaching/counts").body.contains(north.school.name))
            browser.forgetCookies()
            _ = try await browser.signIn(north.colleague.email.value)
            #expect(try await browser.get("/coaching/counts").status == .forbidden)
        }
    }

    @Test func theCheckInRhythmIsSetOnTheSettingsPage() async throws {
        try await withTrellis { districts, browser in
            // setup
            _ = try await browser.signIn(districts.north.admin.email.value)
            // run
            let bad = try await browser.post("/admin/settings/check-in-rhythm", [("rhythm_days", "200")])
            let good = try await browser.post("/admin/settings/check-in-rhythm", [("rhythm_days", "21")])
            // check
            #expect(bad.status == .unprocessableContent && bad.body.contains("from 7 to 120") && bad.body.contains("value=\"200\""))
            #expect(good.status == .seeOther)
            #expect(try await browser.get("/admin/settings").body.contains("value=\"21\""))
        }
    }
}
