import Foundation
import Hummingbird
import Testing
import TestSupport
import TrellisCore
import TrellisStore

/// A cohort through its pages: started, members added, visioning, a theme, a PLC with a group goal, a member's goal
/// linked and shown in the roll-up; bad input answered at the field; people outside told it does not exist.
@Suite struct CohortPagesTests {
    /// The coach starts a cohort with the teacher, the principal and a colleague; returns the cohort's path.
    static func startCohort(_ coach: TestBrowser) async throws -> String {
        _ = try await coach.signIn("coach@north.example")
        let started = try await coach.post("/cohorts", [("name", "Cascade Digital Learning Cohort")])
        let members = try #require(started.location)
        let cohort = String(members.dropLast("/members".count))
        for (email, role) in [("teacher@north.example", "teacher"), ("principal@north.example", "building leader"),
                              ("colleague@north.example", "trainer")] {
            let added = try await coach.post(members, [("email", email), ("role", role)])
            #expect(added.status == .seeOther)
        }
        return cohort
    }

    @Test func badInputIsAnsweredAtTheFieldWithWhatWasTypedKept() async throws {
        try await withTrellis { districts, coach in
            // setup
            let cohort = try await Self.startCohort(coach)
            // run
            let noName = try await coach.post("/cohorts", [("name", "  ")])
            let otherDistrict = try await coach.post(cohort + "/members", [("email", "teacher@south.example"), ("role", "teacher")])
            let noOutcome = try await coach.post(cohort + "/themes", [("title", "Students as creators"), ("student_outcome", "")])
            let stranger = try await coach.post(cohort + "/plcs", [("plc_name", "Team"), ("plc_members", districts.north.admin.id.rawValue)])
            _ = try await coach.post(cohort + "/rounds", [("prompt", "Digital learning, now and in three years")])
            let teacher = TestBrowser(client: coach.client)
            _ = try await teacher.signIn("teacher@north.example")
            let visioning = try await teacher.get(cohort + "/visioning")
            let round = String(try #require(visioning.body.firstMatch(of: /name="round" value="([^"]+)"/)?.1))
            let empty = try await teacher.post(cohort + "/visioning", [("round", round), ("kind", "current"), ("text", " ")])
            // check
            #expect(noName.status == .unprocessableContent)
            #expect(noName.body.contains("Name the cohort"))
            #expect(otherDistrict.status == .unprocessableContent)
            #expect(otherDistrict.body.contains("someone in your district"))
            #expect(otherDistrict.body.contains("value=\"teacher@south.example\""))
            #expect(noOutcome.status == .unprocessableContent)
            #expect(noOutcome.body.contains("Write the student outcome"))
            #expect(noOutcome.body.contains("value=\"Students as creators\""))
            #expect(stranger.status == .unprocessableContent)
            #expect(stranger.body.contains("Choose members of this cohort"))
            #expect(empty.status == .unprocessableContent)
            #expect(empty.body.contains("Write a short statement"))
            #expect(visioning.body.contains(">Cohorts</a>"), "the navigation has Cohorts for a member")
        }
    }

    @Test func fromVisioningToAGroupGoalThatAMembersOwnGoalFeeds() async throws {
        try await withTrellis { districts, coach in
            // setup
            let cohort = try await Self.startCohort(coach)
            let plan = try await ReadyPlans.readyForReview(districts.environment.database, owner: districts.north.educator, at: districts.clock.now())
            _ = try await coach.post(cohort + "/rounds", [("prompt", "Digital learning, now and in three years")])
            let teacher = TestBrowser(client: coach.client)
            _ = try await teacher.signIn("teacher@north.example")
            let round = String(try #require(try await teacher.get(cohort + "/visioning").body.firstMatch(of: /name="round" value="([^"]+)"/)?.1))
            // run: statements, a theme, a PLC, its goal, the teacher's link
            let posted = try await teacher.post(cohort + "/visioning", [("round", round), ("kind", "current"),
                                                                       ("text", "Students mostly consume content on devices"), ("anonymous", "yes")])
            _ = try await teacher.post(cohort + "/visioning", [("round", round), ("kind", "ideal"), ("text", "Students create and publish with devices")])
            let wall = try await coach.get(cohort + "/themes")
            let ids = wall.body.matches(of: /name="statements" value="([^"]+)"/).map { String($0.1) }
            let theme = try await coach.post(cohort + "/themes", [("title", "Students as creators"), ("student_outcome", "Students create to show learning")]
                                             + ids.map { ("statements", $0) })
            let made = try await coach.post(cohort + "/plcs", [("plc_name", "Cascade Elementary team"),
                                                               ("plc_members", districts.north.educator.id.rawValue),
                                                               ("plc_members", districts.north.leader.id.rawValue)])
            let plcPath = try #require(made.location)
            let goalPage = try await coach.get(plcPath)
            let version = String(try #require(goalPage.body.firstMatch(of: /name="version" value="(\d+)"/)?.1))
            let goal = try await teacher.post(plcPath + "/goal", [("version", version), ("statement", "By May every student publishes a project")])
            let link = try await teacher.post(plcPath + "/link", [("goal", "\(plan.id)/\(plan.goals[0].id)")])
            let principal = TestBrowser(client: coach.client)
            _ = try await principal.signIn("principal@north.example")
            let beforeSharing = try await principal.get(plcPath)
            let sharing = try await teacher.post("/plans/\(plan.id)/sharing", [("plc", "yes")])
            let afterSharing = try await principal.get(plcPath)
            let overview = try await principal.get(cohort)
            // check
            #expect(posted.status == .seeOther)
            #expect(ids.count == 2)
            #expect(wall.body.contains("Without a name"))
            #expect(theme.status == .seeOther)
            #expect(goal.status == .seeOther)
            #expect(link.status == .seeOther)
            #expect(sharing.status == .seeOther)
            #expect(beforeSharing.body.contains("Goal 1 <span class=\"muted\">(content not shared with the PLC)</span>"))
            #expect(beforeSharing.body.contains("No goal linked yet"), "the principal has not linked one")
            #expect(afterSharing.body.contains("Goal 1: I will use exit tickets every week"))
            #expect(afterSharing.body.contains("1 piece of evidence"))
            #expect(overview.status == .ok)
            #expect(overview.body.contains("Students as creators"))
            #expect(overview.body.contains("Students create and publish with devices"))
            #expect(overview.body.contains("By May every student publishes a project"))
            #expect(overview.body.contains("<svg class=\"bar\""))
        }
    }

    @Test func peopleOutsideTheCohortGetNotFoundAndNotesStayWithThePLC() async throws {
        try await withTrellis { districts, coach in
            // setup
            let cohort = try await Self.startCohort(coach)
            let made = try await coach.post(cohort + "/plcs", [("plc_name", "Team"), ("plc_members", districts.north.educator.id.rawValue)])
            let plcPath = try #require(made.location)
            _ = try await coach.post(plcPath + "/notes", [("meeting_on", "2026-11-10"), ("listening", "They feel stretched thin"), ("visibility", "coach_only")])
            _ = try await coach.post(plcPath + "/notes", [("meeting_on", "2026-11-12"), ("decisions", "A showcase in May"), ("visibility", "shared")])
            // run
            let admin = TestBrowser(client: coach.client)
            _ = try await admin.signIn("admin@north.example")
            let south = TestBrowser(client: coach.client)
            _ = try await south.signIn("coach@south.example")
            let teacher = TestBrowser(client: coach.client)
            _ = try await teacher.signIn("teacher@north.example")
            let colleague = TestBrowser(client: coach.client)
            _ = try await colleague.signIn("colleague@north.example")
            // check
            for path in [cohort, cohort + "/visioning", cohort + "/themes", cohort + "/members", plcPath, plcPath + "/notes"] {
                #expect(try await admin.get(path).status == .notFound, "admin, not a member: \(path)")
                #expect(try await south.get(path).status == .notFound, "other district: \(path)")
            }
            let notes = try await teacher.get(plcPath + "/notes")
            #expect(notes.body.contains("A showcase in May"))
            #expect(!notes.body.contains("stretched thin"))
            #expect(try await colleague.get(plcPath + "/notes").status == .notFound, "a member of the cohort, not of this PLC")
            #expect(try await colleague.get(plcPath).status == .ok, "who reads the PLC's goal and progress")
            #expect(try await teacher.get(cohort + "/themes").status == .forbidden)
            #expect(try await coach.get(plcPath + "/notes").body.contains("stretched thin"))
        }
    }
}

/// The district's stakeholder roles, as the admin edits them and the coach is offered them.
@Suite struct StakeholderRolePagesTests {
    @Test func theAdminsListIsWhatTheCoachChoosesFromAndNobodyElseEditsIt() async throws {
        try await withTrellis { _, admin in
            // setup
            _ = try await admin.signIn("admin@north.example")
            // run
            let saved = try await admin.post("/admin/settings/cohort-roles", [("roles", "librarian\n\nteacher\nTeacher\n")])
            let coach = TestBrowser(client: admin.client)
            _ = try await coach.signIn("coach@north.example")
            let started = try await coach.post("/cohorts", [("name", "Library Cohort")])
            let members = try await coach.get(try #require(started.location))
            // check
            #expect(saved.status == .seeOther)
            #expect(members.body.contains("<option value=\"librarian\">librarian</option>"))
            #expect(!members.body.contains("trainer"))
            #expect(try await coach.get("/admin/settings/cohort-roles").status == .forbidden)
            #expect(try await coach.post("/admin/settings/cohort-roles", [("roles", "x")]).status == .forbidden)
        }
    }
}
