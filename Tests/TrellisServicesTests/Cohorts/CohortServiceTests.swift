import Foundation
import SQLKit
import Testing
import TestSupport
import TrellisCore
import TrellisServices
@testable import TrellisStore

/// Running a cohort: members, visioning, themes, PLCs, linked goals, the roll-up and meeting notes, with bad input
/// answered at the field and people outside told nothing.
@Suite struct CohortServiceTests {
    struct Fixture {
        let districts: TestDistricts
        let cohorts: CohortService
        let plcs: PLCService
        let cohort: Cohort
        var north: TestDistricts.District { districts.north }
        var facilitator: Actor { Actor(north.coach) }
        var teacher: Actor { Actor(north.educator) }
        var leader: Actor { Actor(north.leader) }
        var colleague: Actor { Actor(north.colleague) }
    }

    /// A cohort facilitated by the north coach, with the teacher, the principal and a colleague in it.
    static func fixture(_ database: Database) async throws -> Fixture {
        let districts = try await TestDistricts.make(database)
        let cohorts = CohortService(districts.environment)
        let coach = Actor(districts.north.coach)
        let cohort = try await cohorts.start(coach, name: "  Digital Learning Cohort ")
        try await cohorts.setMember(coach, cohort.id, person: districts.north.educator.id.rawValue, role: "teacher", expecting: nil)
        try await cohorts.setMember(coach, cohort.id, person: districts.north.leader.id.rawValue, role: "building leader", expecting: nil)
        try await cohorts.setMember(coach, cohort.id, person: districts.north.colleague.id.rawValue, role: "trainer", expecting: nil)
        return Fixture(districts: districts, cohorts: cohorts, plcs: PLCService(districts.environment),
                       cohort: try await cohorts.load(coach, cohort.id).cohort)
    }

    static func fieldErrors(_ body: () async throws -> Void) async -> FieldErrors? {
        do { try await body() } catch let errors as FieldErrors { return errors } catch { return nil }
        return nil
    }

    @Test func membersComeFromTheDistrictWithARoleAndPeopleOutsideFindNothing() async throws {
        try await TestDatabase.with { database in
            // setup
            let f = try await Self.fixture(database)
            // run
            let otherDistrict = await Self.fieldErrors {
                try await f.cohorts.setMember(f.facilitator, f.cohort.id, person: f.districts.south.educator.id.rawValue, role: "teacher", expecting: nil)
            }
            let badRole = await Self.fieldErrors {
                try await f.cohorts.setMember(f.facilitator, f.cohort.id, person: f.north.admin.id.rawValue, role: "wizard", expecting: nil)
            }
            // check
            #expect(f.cohort.name == "Digital Learning Cohort")
            #expect(f.cohort.members.map(\.role) == ["teacher", "building leader", "trainer"])
            #expect(otherDistrict?["person"] != nil)
            #expect(badRole?["role"] != nil)
            await #expect(throws: ServiceError.forbidden) { try await f.cohorts.start(f.teacher, name: "Mine") }
            await #expect(throws: ServiceError.notFound) { try await f.cohorts.load(Actor(f.north.admin), f.cohort.id) }
            await #expect(throws: ServiceError.notFound) { try await f.cohorts.load(Actor(f.districts.south.coach), f.cohort.id) }
            await #expect(throws: ServiceError.forbidden) {
                try await f.cohorts.setMember(f.teacher, f.cohort.id, person: f.north.admin.id.rawValue, role: "teacher", expecting: nil)
            }
            await #expect(throws: ServiceError.conflict(CohortService.changedElsewhere)) {
                try await f.cohorts.setMember(f.facilitator, f.cohort.id, person: f.north.admin.id.rawValue, role: "teacher", expecting: 1)
            }
            #expect(try await f.cohorts.myCohorts(f.colleague).map(\.id) == [f.cohort.id])
            let invited = try await OrganizationScope(database, organizationID: f.north.organization.id).notifications.unreadCount(for: f.north.educator.id)
            #expect(invited == 1)
        }
    }

    @Test func anAnonymousStatementLeavesNoTraceOfItsAuthorAndAnEmptyOneIsRefused() async throws {
        try await TestDatabase.with { database in
            // setup
            let f = try await Self.fixture(database)
            let round = try await f.cohorts.openRound(f.facilitator, f.cohort.id, prompt: "Digital learning, now and in three years")
            // run
            let empty = await Self.fieldErrors {
                try await f.cohorts.post(f.teacher, f.cohort.id, round: round.id, kind: "current", text: "   ", anonymous: false)
            }
            try await f.cohorts.post(f.teacher, f.cohort.id, round: round.id, kind: "current", text: "Devices sit idle after lunch", anonymous: true)
            try await f.cohorts.post(f.teacher, f.cohort.id, round: round.id, kind: "ideal", text: "Every student creates and shares", anonymous: false)
            // check
            #expect(empty?["text"] != nil)
            let wall = try await f.cohorts.wall(f.facilitator, f.cohort.id)
            #expect(wall.statements.count == 2)
            #expect(wall.statements.first { $0.text.hasPrefix("Devices") }?.authorID == nil)
            await #expect(throws: ServiceError.forbidden) { try await f.cohorts.wall(f.teacher, f.cohort.id) }
            let audit = try await database.withSQL { db in
                try await db.raw("SELECT detail, actor_id FROM audit_events").all()
            }
            let details = audit.compactMap { try? $0.decode(column: "detail", as: String.self) }
            #expect(!details.contains { $0.contains("Devices") || $0.contains("Every student") }, "no statement text in the audit log")
            #expect(details.filter { $0.contains("statement") }.count == 1, "only the named statement is recorded")
            #expect(try await f.cohorts.myStatements(f.teacher, f.cohort.id).map(\.text) == ["Every student creates and shares"])
            try await f.cohorts.closeRound(f.facilitator, f.cohort.id, round: round.id)
            await #expect(throws: ServiceError.self) {
                try await f.cohorts.post(f.teacher, f.cohort.id, round: round.id, kind: "ideal", text: "Late", anonymous: false)
            }
        }
    }

    @Test func themesNeedAStudentOutcomeAndPLCsAreMadeOfTheCohortsPeople() async throws {
        try await TestDatabase.with { database in
            // setup
            let f = try await Self.fixture(database)
            // run
            let noOutcome = await Self.fieldErrors {
                try await f.cohorts.saveTheme(f.facilitator, f.cohort.id, themeID: nil, ThemeForm(title: "Creation", studentOutcome: " "))
            }
            let theme = try await f.cohorts.saveTheme(f.facilitator, f.cohort.id, themeID: nil,
                                                      ThemeForm(title: "Creation", studentOutcome: "Students create to show learning"))
            let stranger = await Self.fieldErrors {
                try await f.plcs.create(f.facilitator, f.cohort.id, name: "Team", members: [f.north.educator.id.rawValue, f.north.admin.id.rawValue])
            }
            let plc = try await f.plcs.create(f.facilitator, f.cohort.id, name: "Elementary team",
                                              members: [f.north.educator.id.rawValue, f.north.leader.id.rawValue])
            var goal = GroupGoalForm()
            goal.statement = "By May, every student publishes a project"
            goal.themeID = theme.id.rawValue
            let notes = try await f.plcs.saveGoal(f.leader, f.cohort.id, plc.id, goal, expecting: 1)
            let badAssignee = await Self.fieldErrors {
                try await f.plcs.saveStep(f.teacher, f.cohort.id, plc.id, stepID: nil,
                                          GroupStepForm(what: "Book the library", assigneeID: f.north.colleague.id.rawValue), expecting: nil)
            }
            try await f.plcs.saveStep(f.teacher, f.cohort.id, plc.id, stepID: nil,
                                      GroupStepForm(what: "Book the library", assigneeID: f.north.educator.id.rawValue, dueDate: "2027-01-15"),
                                      expecting: nil)
            // check
            #expect(noOutcome?["student_outcome"] != nil)
            #expect(stranger?["members"] != nil)
            #expect(badAssignee?["assignee"] != nil)
            #expect(notes.contains { $0.weakness == .noMeasure })
            #expect(!notes.contains { $0.weakness == .noAlignedStandard })
            let loaded = try await f.plcs.load(f.colleague, f.cohort.id, plc.id)
            #expect(loaded.plc.themeID == theme.id)
            #expect(loaded.plc.steps.map(\.what) == ["Book the library"])
            #expect(!loaded.canEdit, "a member of another PLC reads but does not write")
            await #expect(throws: ServiceError.forbidden) {
                try await f.plcs.saveGoal(f.colleague, f.cohort.id, plc.id, goal, expecting: nil)
            }
            await #expect(throws: ServiceError.conflict(CohortService.changedElsewhere)) {
                try await f.plcs.saveGoal(f.leader, f.cohort.id, plc.id, goal, expecting: 1)
            }
        }
    }

    @Test func membersLinkOnlyTheirOwnGoalsAndTheRollUpShowsContentOnlyWhereShared() async throws {
        try await TestDatabase.with { database in
            // setup
            let f = try await Self.fixture(database)
            let now = f.districts.clock.now()
            let mine = try await ReadyPlans.readyForReview(database, owner: f.north.educator, at: now)
            let theirs = try await ReadyPlans.readyForReview(database, owner: f.north.leader, at: now)
            let plc = try await f.plcs.create(f.facilitator, f.cohort.id, name: "Elementary team",
                                              members: [f.north.educator.id.rawValue, f.north.leader.id.rawValue])
            // run
            let someoneElses = await Self.fieldErrors {
                try await f.plcs.link(f.teacher, f.cohort.id, plc.id, goal: "\(theirs.id)/\(theirs.goals[0].id)")
            }
            let choices = try await f.plcs.goalChoices(f.teacher)
            try await f.plcs.link(f.teacher, f.cohort.id, plc.id, goal: choices[0].value)
            // check
            #expect(someoneElses?["goal"] != nil)
            #expect(choices.map(\.planID) == [mine.id])
            let seenByLeader = try await f.plcs.rollUp(f.leader, f.cohort.id, plc.id).rollUp
            #expect(seenByLeader.members.map(\.isLinked) == [true, false], "the leader has not linked yet and is listed")
            #expect(seenByLeader.members[0].evidenceCount == 1)
            #expect(seenByLeader.members[0].goal == nil, "not shared with the PLC: progress only")
            #expect(try await f.plcs.rollUp(f.teacher, f.cohort.id, plc.id).rollUp.members[0].goal != nil, "one's own goal shows")
            await #expect(throws: ServiceError.forbidden) {
                try await f.plcs.link(f.colleague, f.cohort.id, plc.id, goal: choices[0].value)
            }
            await #expect(throws: ServiceError.notFound) { try await f.plcs.rollUp(Actor(f.north.admin), f.cohort.id, plc.id) }
        }
    }

    @Test func theCohortPageShowsAMembersNewEvidenceAtOnceThoughItKeepsWhatItMadeForAMoment() async throws {
        try await TestDatabase.with { database in
            // setup: the teacher's goal linked to the PLC, the cohort page seen once (and kept)
            let f = try await Self.fixture(database)
            let now = f.districts.clock.now()
            var plan = try await ReadyPlans.readyForReview(database, owner: f.north.educator, at: now)
            let plc = try await f.plcs.create(f.facilitator, f.cohort.id, name: "Elementary team", members: [f.north.educator.id.rawValue])
            try await f.plcs.link(f.teacher, f.cohort.id, plc.id, goal: try await f.plcs.goalChoices(f.teacher)[0].value)
            let before = try await f.cohorts.overview(f.facilitator, f.cohort.id)
            #expect(before.plcs[0].rollUp.members[0].evidenceCount == 1)
            #expect(try await f.cohorts.overview(f.facilitator, f.cohort.id) == before, "a second look within the moment is the same page")
            // run: the teacher adds evidence to the linked goal
            plan.evidence.append(Evidence(id: .init("evidence-2"), content: .note("November exit tickets"), caption: "November",
                                          date: CalendarDate(iso: "2026-11-20")!, goalIDs: plan.goals.map(\.id)))
            _ = try await OrganizationScope(database, organizationID: f.north.organization.id).plans.save(plan, expecting: 1, at: now)
            // check
            let after = try await f.cohorts.overview(f.facilitator, f.cohort.id)
            #expect(after.plcs[0].rollUp.members[0].evidenceCount == 2)
        }
    }

    @Test func meetingNotesFollowCoachingPrivacy() async throws {
        try await TestDatabase.with { database in
            // setup
            let f = try await Self.fixture(database)
            let plc = try await f.plcs.create(f.facilitator, f.cohort.id, name: "Elementary team", members: [f.north.educator.id.rawValue])
            // run
            try await f.plcs.saveNote(f.facilitator, f.cohort.id, plc.id, noteID: nil,
                                      MeetingNoteForm(meetingOn: "2026-11-10", listening: "They feel stretched thin"))
            try await f.plcs.saveNote(f.facilitator, f.cohort.id, plc.id, noteID: nil,
                                      MeetingNoteForm(meetingOn: "2026-11-12", decisions: "Showcase in May", visibility: "shared"))
            let empty = await Self.fieldErrors {
                try await f.plcs.saveNote(f.facilitator, f.cohort.id, plc.id, noteID: nil, MeetingNoteForm(meetingOn: "2026-11-12"))
            }
            // check
            #expect(empty?["listening"] != nil)
            #expect(try await f.plcs.notes(f.facilitator, f.cohort.id, plc.id).count == 2)
            #expect(try await f.plcs.notes(f.teacher, f.cohort.id, plc.id).map(\.decisions) == ["Showcase in May"])
            #expect(try await f.plcs.notes(f.colleague, f.cohort.id, plc.id).isEmpty, "a member of another PLC")
            #expect(try await f.plcs.notes(f.leader, f.cohort.id, plc.id).isEmpty, "in the cohort, not in this PLC")
            await #expect(throws: ServiceError.forbidden) {
                try await f.plcs.saveNote(f.teacher, f.cohort.id, plc.id, noteID: nil, MeetingNoteForm(meetingOn: "2026-11-12", decisions: "x"))
            }
            let audit = try await database.withSQL { db in try await db.raw("SELECT detail FROM audit_events").all() }
            #expect(!audit.compactMap { try? $0.decode(column: "detail", as: String.self) }.contains { $0.contains("stretched") })
        }
    }
}
