import Foundation
import Hummingbird
import Testing
import TestSupport
import TrellisCore
import TrellisStore

/// Cycles, sessions, notes, observation, feedback and the alliance pulse through the pages: bad input at its field with
/// the text kept, and nobody but the coach and the educator reaching any of it; the educator only what is shared.
@Suite struct CoachingRecordPagesTests {
    static let privateNote = "Private hunch about the seating chart"
    static let privateLine = "Private line: two students off task"
    static let privateNextStep = "Private next step draft"

    /// Zoë (the teacher) coached by Cam; a cycle, an observation session with a private note, a shared note and
    /// private observation lines, and a feedback session with private feedback. Cam is signed in on `coach`.
    static func coached(_ districts: TestDistricts, _ coach: TestBrowser)
        async throws -> (relationship: String, observation: String, feedback: String, cycle: String) {
        let north = districts.north
        let relationship = try await CaseloadFixtures.relationship(districts.environment.database, coach: north.coach, educator: north.educator,
                                                                   startedAt: districts.clock.now())
        _ = try await coach.signIn("coach@north.example")
        let base = "/coaching/relationships/\(relationship.id)"
        let cycled = try await coach.post(base + "/cycles", [("focus", "Student talk"), ("look_fors", "Pairs explain\nWait time"), ("starts_on", "2026-10-01")])
        #expect(cycled.status == .seeOther)
        let page = try await coach.get(base)
        let cycle = String(try #require(page.body.firstMatch(of: /href="(\/coaching\/cycles\/[^"]+)"/)?.1))
        let cycleID = String(cycle.split(separator: "/").last!)
        let created = try await coach.post(base + "/sessions", [("kind", "observation"), ("cycle", cycleID), ("date", "2026-10-14"),
                                                                ("start", "9:05"), ("end", "9:50"), ("agenda", "Turn and talk")])
        let observation = try #require(created.location)
        #expect(try await coach.post(observation + "/notes", [("text", privateNote)]).status == .seeOther)
        #expect(try await coach.post(observation + "/notes", [("text", "Shared: lovely questions"), ("visibility", "shared")]).status == .seeOther)
        #expect(try await coach.post(observation + "/observation", [("time", "9:10"), ("text", privateLine)]).status == .seeOther)
        let feedbackSession = try await coach.post(base + "/sessions", [("kind", "feedback"), ("date", "2026-10-15"), ("start", "15:00"), ("minutes", "30")])
        let feedback = try #require(feedbackSession.location)
        #expect(try await coach.post(feedback + "/feedback", [("next_step", privateNextStep), ("visibility", "coach_only")]).status == .seeOther)
        return (base, observation, feedback, cycle)
    }

    /// Every coaching record address of the setting, to read and to post to.
    static func addresses(_ s: (relationship: String, observation: String, feedback: String, cycle: String)) -> (gets: [String], posts: [String]) {
        let gets = [s.relationship, s.relationship + "/cycles/new", s.relationship + "/sessions/new", s.cycle,
                    s.observation, s.observation + "/edit", s.observation + "/observation", s.observation + "/feedback",
                    s.feedback, s.feedback + "/feedback", s.feedback + "/alliance"]
        let posts = [s.relationship + "/cycles", s.relationship + "/sessions", s.cycle, s.observation + "/edit", s.observation + "/notes",
                     s.observation + "/observation", s.observation + "/observation/visibility", s.feedback + "/feedback",
                     s.feedback + "/feedback/response", s.feedback + "/feedback/action-step", s.feedback + "/alliance"]
        return (gets, posts)
    }

    @Test func aLeaderAnAdminAnotherCoachAndAnotherEducatorFindNothingAtAnyAddress() async throws {
        try await withTrellis { districts, coach in
            // setup
            let setting = try await Self.coached(districts, coach)
            _ = try await CaseloadFixtures.person(districts.environment, in: districts.north, "coach2", "Kwame Mensah", [.coach, .educator],
                                                  school: districts.north.school)
            let (gets, posts) = Self.addresses(setting)
            for email in ["principal@north.example", "admin@north.example", "coach2@north.example", "colleague@north.example", "coach@south.example"] {
                let browser = TestBrowser(client: coach.client)
                _ = try await browser.signIn(email)
                // run and check
                for path in gets {
                    let page = try await browser.get(path)
                    #expect(page.status == .notFound, "\(email) GET \(path)")
                    #expect(!page.body.contains(Self.privateNote) && !page.body.contains("Shared: lovely questions"))
                }
                for path in posts {
                    let page = try await browser.post(path, [("text", "intruder"), ("next_step", "x"), ("visibility", "shared"), ("focus", "x"),
                                                             ("answer1", "1"), ("answer2", "1"), ("answer3", "1"), ("answer4", "1")])
                    #expect(page.status == .notFound, "\(email) POST \(path)")
                }
            }
            // nothing was written by any of them
            let session = try await coach.get(setting.observation)
            #expect(!session.body.contains("intruder"))
        }
    }

    @Test func theEducatorSeesOnlyWhatIsSharedAndAPrivateRecordIsNotThere() async throws {
        try await withTrellis { districts, coach in
            // setup
            let setting = try await Self.coached(districts, coach)
            let educator = TestBrowser(client: coach.client)
            _ = try await educator.signIn("teacher@north.example")
            // run
            let relationship = try await educator.get(setting.relationship)
            let session = try await educator.get(setting.observation)
            // check
            #expect(relationship.status == .ok && session.status == .ok)
            #expect(session.body.contains("Shared: lovely questions"))
            for page in [relationship, session] {
                #expect(!page.body.contains(Self.privateNote) && !page.body.contains(Self.privateLine) && !page.body.contains(Self.privateNextStep))
            }
            #expect(try await educator.get(setting.observation + "/observation").status == .notFound)
            #expect(try await educator.get(setting.feedback + "/feedback").status == .notFound)
            #expect(try await educator.get(setting.observation + "/edit").status == .forbidden)
            #expect(try await educator.post(setting.feedback + "/feedback/response", [("response", "Thanks")]).status == .notFound)
            // every page the educator, a leader or an admin can load is without the private text
            for email in ["teacher@north.example", "principal@north.example", "admin@north.example"] {
                let browser = TestBrowser(client: coach.client)
                _ = try await browser.signIn(email)
                for path in ["/", "/notifications", "/plans", "/coaching", "/coaching/mine", "/coaching/counts", "/admin/audit",
                             setting.relationship, setting.observation, setting.feedback] {
                    let body = try await browser.get(path).body
                    #expect(!body.contains(Self.privateNote) && !body.contains(Self.privateLine) && !body.contains(Self.privateNextStep),
                            "\(email) \(path)")
                }
            }
        }
    }

    @Test func badSessionTimesAndAMissingNextStepComeBackAtTheirFieldsWithTheTextKept() async throws {
        try await withTrellis { districts, coach in
            // setup
            let setting = try await Self.coached(districts, coach)
            // run: a session ending before it starts, then one of twenty hours
            let backwards = try await coach.post(setting.relationship + "/sessions", [("kind", "planning"), ("date", "2026-10-20"), ("start", "10:00"),
                                                                                      ("end", "9:00"), ("agenda", "Plan <the> unit")])
            let long = try await coach.post(setting.relationship + "/sessions", [("kind", "planning"), ("date", "2026-10-20"), ("start", "8:00"),
                                                                                 ("minutes", "1200"), ("agenda", "Long day")])
            let noStep = try await coach.post(setting.feedback + "/feedback", [("went_well", "Clear launch"), ("next_step", " "), ("visibility", "shared")])
            let badLine = try await coach.post(setting.observation + "/observation", [("form", "transcript"), ("text", "9:05 #7 nothing like it")])
            // check
            #expect(backwards.status == .unprocessableContent)
            #expect(backwards.body.contains("The session ends before it starts") && backwards.body.contains("href=\"#field-end\""))
            #expect(backwards.body.contains(">Plan &lt;the&gt; unit</textarea>"))
            #expect(long.status == .unprocessableContent && long.body.contains("at most 10 hours") && long.body.contains(">Long day</textarea>"))
            #expect(noStep.status == .unprocessableContent && noStep.body.contains("Write one concrete next step") && noStep.body.contains(">Clear launch</textarea>"))
            #expect(badLine.status == .unprocessableContent && badLine.body.contains("#1 to #2") && badLine.body.contains(">9:05 #7 nothing like it</textarea>"))
        }
    }

    @Test func theEducatorRespondsAnswersThePulseOnceAndTheCoachSeesTheTrend() async throws {
        try await withTrellis { districts, coach in
            // setup
            let setting = try await Self.coached(districts, coach)
            let page = try await coach.get(setting.feedback + "/feedback")
            let version = String(try #require(page.body.firstMatch(of: /name="version" value="(\d+)"/)?.1))
            #expect(try await coach.post(setting.feedback + "/feedback", [("version", version), ("went_well", "Clear launch"),
                                                                          ("next_step", "Ask pairs to paraphrase"), ("visibility", "shared")]).status == .seeOther)
            let educator = TestBrowser(client: coach.client)
            _ = try await educator.signIn("teacher@north.example")
            // run
            let feedback = try await educator.get(setting.feedback + "/feedback")
            #expect(feedback.status == .ok && feedback.body.contains("Ask pairs to paraphrase"))
            let responded = try await educator.post(setting.feedback + "/feedback/response", [("response", "Trying it Friday"), ("usefulness", "4")])
            let outOfRange = try await educator.post(setting.feedback + "/alliance", [("answer1", "4"), ("answer2", "7"), ("answer3", "4"), ("answer4", "4")])
            let answered = try await educator.post(setting.feedback + "/alliance", [("answer1", "4"), ("answer2", "5"), ("answer3", "4"), ("answer4", "3")])
            let again = try await educator.post(setting.feedback + "/alliance", [("answer1", "1"), ("answer2", "1"), ("answer3", "1"), ("answer4", "1")])
            // check
            #expect(responded.status == .seeOther)
            #expect(outOfRange.status == .unprocessableContent && outOfRange.body.contains("Answers go from 1") && outOfRange.body.contains("href=\"#field-answer2\""))
            #expect(answered.status == .seeOther)
            #expect(again.status == .conflict)
            let coachView = try await coach.get(setting.relationship)
            #expect(coachView.body.contains("Alliance pulse") && coachView.body.contains("5 of 5"))
            let educatorView = try await educator.get(setting.relationship)
            #expect(!educatorView.body.contains("5 of 5"))
            let notifications = try await coach.get("/notifications")
            #expect(notifications.body.contains("responded to your feedback") && !notifications.body.contains("Trying it Friday"))
        }
    }

    @Test func theQuickContactFormPreselectsThePersonAndLogsTheContact() async throws {
        try await withTrellis { districts, coach in
            // setup
            let setting = try await Self.coached(districts, coach)
            let relationshipID = String(setting.relationship.split(separator: "/").last!)
            // run
            let form = try await coach.get("/coaching/contacts/new?relationship=\(relationshipID)")
            let zero = try await coach.post("/coaching/contacts", [("relationship", relationshipID), ("channel", "hallway"), ("minutes", "0"),
                                                                   ("text", "Quick word about groups"), ("date", "2026-10-21")])
            let logged = try await coach.post("/coaching/contacts", [("relationship", relationshipID), ("channel", "hallway"), ("minutes", "5"),
                                                                     ("text", "Quick word about groups"), ("date", "2026-10-21")])
            // check
            #expect(form.status == .ok && form.body.contains("<option value=\"\(relationshipID)\" selected>Zoë Ångström</option>"))
            #expect(zero.status == .unprocessableContent && zero.body.contains("at least a minute") && zero.body.contains("value=\"Quick word about groups\""))
            #expect(logged.status == .seeOther)
            #expect(try await coach.get(setting.relationship).body.contains("Informal contact"))
            let educator = TestBrowser(client: coach.client)
            _ = try await educator.signIn("teacher@north.example")
            #expect(try await educator.get("/coaching/contacts/new").status == .notFound)
        }
    }

    @Test func anAdminEditsTheCoachingQuestionsAndTheCoachSeesThemBesideTheNote() async throws {
        try await withTrellis { districts, coach in
            // setup
            let setting = try await Self.coached(districts, coach)
            let admin = TestBrowser(client: coach.client)
            _ = try await admin.signIn("admin@north.example")
            // run
            let page = try await admin.get("/admin/settings/coaching-questions")
            let tooLong = try await admin.post("/admin/settings/coaching-questions", [("questions", "# Ours\n" + String(repeating: "a", count: 301))])
            let saved = try await admin.post("/admin/settings/coaching-questions", [("questions", "# Ours\nWhat surprised you today?")])
            // check
            #expect(page.status == .ok && page.body.contains("# Listening"))
            #expect(tooLong.status == .unprocessableContent && tooLong.body.contains("Line 2 is longer than 300 characters"))
            #expect(saved.status == .seeOther)
            let session = try await coach.get(setting.observation)
            #expect(session.body.contains("<summary>Guiding questions</summary>") && session.body.contains("What surprised you today?"))
            #expect(try await coach.get("/admin/settings/coaching-questions").status == .forbidden)
        }
    }
}
