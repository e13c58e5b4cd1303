import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

/// Cycles, sessions, notes, observation, feedback and the alliance pulse through the services: bad input, who may
/// do what, and what the educator's copy holds.
@Suite struct CoachingSessionServiceTests {
    struct Setting {
        let districts: TestDistricts
        let relationship: CoachingRelationship
        let coach: Actor
        let educator: Actor
        let service: CoachingSessionService
    }

    static func setting(_ database: Database) async throws -> Setting {
        let districts = try await TestDistricts.make(database)
        let north = districts.north
        let relationship = try await CaseloadFixtures.relationship(database, coach: north.coach, educator: north.educator, startedAt: districts.clock.now())
        return Setting(districts: districts, relationship: relationship, coach: Actor(north.coach), educator: Actor(north.educator),
                       service: CoachingSessionService(districts.environment))
    }

    static func form(kind: SessionKind = .observation, date: String = "2026-10-14", start: String = "9:05", end: String = "9:50",
                     minutes: String = "") -> CoachingSessionService.SessionForm {
        var form = CoachingSessionService.SessionForm()
        form.kind = kind.rawValue
        form.date = date
        form.start = start
        form.end = end
        form.minutes = minutes
        form.agenda = "Look at turn and talk"
        return form
    }

    @Test func badTimesGetAMessageAtTheirField() async throws {
        try await TestDatabase.with { database in
            // setup
            let s = try await Self.setting(database)
            // run and check: ending before it starts, zero minutes, twenty hours
            await #expect(throws: FieldErrors("end", "The session ends before it starts. Check the end time.")) {
                _ = try await s.service.create(s.coach, s.relationship.id, Self.form(start: "10:00", end: "9:00"))
            }
            await #expect(throws: FieldErrors("minutes", "A session takes at least a minute.")) {
                _ = try await s.service.create(s.coach, s.relationship.id, Self.form(end: "", minutes: "0"))
            }
            await #expect(throws: FieldErrors("minutes", "A session can last at most 10 hours. Log a longer day as separate sessions.")) {
                _ = try await s.service.create(s.coach, s.relationship.id, Self.form(end: "", minutes: "1200"))
            }
            var informal = Self.form()
            informal.kind = SessionKind.informal.rawValue
            await #expect(throws: FieldErrors("kind", "Choose the kind of session from the list.")) {
                _ = try await s.service.create(s.coach, s.relationship.id, informal)
            }
            let id = try await s.service.create(s.coach, s.relationship.id, Self.form())
            #expect(try await s.service.session(s.coach, id).session.timing.minutes == 45)
        }
    }

    @Test func onlyTheCoachOfAnActiveRelationshipPlansSessions() async throws {
        try await TestDatabase.with { database in
            let s = try await Self.setting(database)
            let north = s.districts.north
            await #expect(throws: ServiceError.forbidden) { _ = try await s.service.create(s.educator, s.relationship.id, Self.form()) }
            for outsider in [north.leader, north.admin, north.colleague, s.districts.south.coach] {
                await #expect(throws: ServiceError.notFound) { _ = try await s.service.create(Actor(outsider), s.relationship.id, Self.form()) }
            }
        }
    }

    @Test func theEducatorsCopyHoldsOnlyWhatIsSharedWithThem() async throws {
        try await TestDatabase.with { database in
            // setup
            let s = try await Self.setting(database)
            let id = try await s.service.create(s.coach, s.relationship.id, Self.form())
            // run
            try await s.service.addNote(s.coach, id, text: "Private hunch: seating chart", visibility: "coach_only")
            try await s.service.addNote(s.coach, id, text: "Shared: great questions today", visibility: "shared")
            try await s.service.addObservationNote(s.coach, id, time: "9:10", lookFor: "", text: "Private observation line")
            var feedback = CoachingSessionService.FeedbackForm()
            feedback.nextStep = "Private next step"
            feedback.visibility = "coach_only"
            try await s.service.saveFeedback(s.coach, id, feedback)
            // check
            let educatorView = try await s.service.session(s.educator, id)
            #expect(educatorView.session.notes.map(\.text) == ["Shared: great questions today"])
            #expect(educatorView.session.observation.isEmpty)
            #expect(educatorView.session.feedback == nil)
            let coachView = try await s.service.session(s.coach, id)
            #expect(coachView.session.notes.count == 2 && coachView.session.observation.count == 1 && coachView.session.feedback != nil)
            let overview = try await s.service.overview(s.educator, s.relationship.id)
            #expect(!String(describing: overview).contains("Private"))
            for outsider in [s.districts.north.leader, s.districts.north.admin, s.districts.north.colleague] {
                await #expect(throws: ServiceError.notFound) { _ = try await s.service.session(Actor(outsider), id) }
                await #expect(throws: ServiceError.notFound) { _ = try await s.service.overview(Actor(outsider), s.relationship.id) }
            }
            // the educator was told of the shared note only, without its words
            let notes = try await NotificationService(s.districts.environment).recent(s.educator)
            #expect(notes.count == 1)
            #expect(notes[0].message == "Cam Coach shared a note from your observation on October 14.")
        }
    }

    @Test func aNoteNeedsTextAndAVisibility() async throws {
        try await TestDatabase.with { database in
            let s = try await Self.setting(database)
            let id = try await s.service.create(s.coach, s.relationship.id, Self.form())
            await #expect(throws: FieldErrors("text", "Write the note before adding it.")) {
                try await s.service.addNote(s.coach, id, text: "  ", visibility: "coach_only")
            }
            await #expect(throws: FieldErrors("visibility", "Choose who may read the note.")) {
                try await s.service.addNote(s.coach, id, text: "Something", visibility: "leaders")
            }
            await #expect(throws: ServiceError.forbidden) { try await s.service.addNote(s.educator, id, text: "Mine", visibility: "shared") }
        }
    }

    @Test func aTranscriptAddsEveryLineTiedToItsLookForAndTalliesThem() async throws {
        try await TestDatabase.with { database in
            // setup
            let s = try await Self.setting(database)
            var cycle = CoachingCycleService.CycleForm()
            cycle.focus = "Student talk"
            cycle.lookFors = "Students explain their thinking\nWait time"
            cycle.startsOn = "2026-10-01"
            let cycleID = try await CoachingCycleService(s.districts.environment).create(s.coach, s.relationship.id, cycle)
            var form = Self.form()
            form.cycle = cycleID.rawValue
            let id = try await s.service.create(s.coach, s.relationship.id, form)
            // run
            try await s.service.addTranscript(s.coach, id, text: "9:05 #1 pairs explain\n#2 waits 5 seconds\n9:20 #1 more pairs explain")
            // check
            let view = try await s.service.session(s.coach, id)
            #expect(view.session.observation.map(\.time.description) == ["09:05", "09:05", "09:20"])
            let tally = view.session.tally(of: view.cycle!.lookFors).map(\.count)
            #expect(tally == [2, 1])
            await #expect(throws: FieldErrors.self) { try await s.service.addTranscript(s.coach, id, text: "9:30 #3 no such look-for") }
            #expect(try await s.service.session(s.coach, id).session.observation.count == 3)
        }
    }

    @Test func feedbackNeedsANextStepAndTheEducatorRespondsToSharedFeedbackOnly() async throws {
        try await TestDatabase.with { database in
            // setup
            let s = try await Self.setting(database)
            let id = try await s.service.create(s.coach, s.relationship.id, Self.form(kind: .feedback))
            var form = CoachingSessionService.FeedbackForm()
            form.wentWell = "Clear launch"
            // run and check: no next step
            await #expect(throws: FieldErrors("next_step", "Write one concrete next step, e.g. “Ask two students to explain their partner's idea”.")) {
                try await s.service.saveFeedback(s.coach, id, form)
            }
            form.nextStep = "Ask two students to paraphrase"
            form.visibility = "coach_only"
            try await s.service.saveFeedback(s.coach, id, form)
            await #expect(throws: ServiceError.notFound) { try await s.service.respond(s.educator, id, response: "Thanks", usefulness: "4") }
            form.visibility = "shared"
            try await s.service.saveFeedback(s.coach, id, form)
            await #expect(throws: FieldErrors("usefulness", "Choose how useful it was from the list.")) {
                try await s.service.respond(s.educator, id, response: "Thanks", usefulness: "9")
            }
            try await s.service.respond(s.educator, id, response: "I will try it Friday", usefulness: "4")
            let feedback = try #require(try await s.service.session(s.coach, id).session.feedback)
            #expect(feedback.educatorResponse == "I will try it Friday" && feedback.usefulness == .veryUseful)
            await #expect(throws: ServiceError.forbidden) { try await s.service.respond(s.coach, id, response: "Not mine", usefulness: "") }
            // check: the coach is told the educator replied, the educator that feedback was shared; neither holds its words
            let coachNotes = try await NotificationService(s.districts.environment).recent(s.coach)
            #expect(coachNotes.map(\.message) == ["Zoë Ångström responded to your feedback from the feedback conversation on October 14."])
            let educatorNotes = try await NotificationService(s.districts.environment).recent(s.educator)
            #expect(educatorNotes.map(\.message) == ["Cam Coach shared feedback from your feedback conversation on October 14."])
        }
    }

    @Test func theNextStepBecomesOneActionStepOnTheCyclesGoal() async throws {
        try await TestDatabase.with { database in
            // setup: the educator's plan, shared with the coach; a cycle on its goal
            let s = try await Self.setting(database)
            var plan = try await ReadyPlans.readyForReview(database, owner: s.districts.north.educator, at: s.districts.clock.now())
            plan.sharing = PlanSharing(coachIDs: [s.districts.north.coach.id], isSharedWithSchoolLeaders: false)
            let scope = OrganizationScope(database, organizationID: s.districts.north.organization.id)
            _ = try await scope.plans.save(plan, expecting: 1, at: s.districts.clock.now())
            let cycles = CoachingCycleService(s.districts.environment)
            #expect(try await cycles.goalChoices(s.coach, s.relationship.id).map(\.id) == [plan.goals[0].id])
            var cycleForm = CoachingCycleService.CycleForm()
            cycleForm.focus = "Exit tickets"
            cycleForm.goal = plan.goals[0].id.rawValue
            cycleForm.startsOn = "2026-10-01"
            cycleForm.endsOn = "2026-09-01"
            await #expect(throws: FieldErrors("ends_on", "The cycle ends before it starts. Check the end date.")) {
                _ = try await cycles.create(s.coach, s.relationship.id, cycleForm)
            }
            cycleForm.endsOn = ""
            let cycleID = try await cycles.create(s.coach, s.relationship.id, cycleForm)
            var form = Self.form(kind: .feedback)
            form.cycle = cycleID.rawValue
            let id = try await s.service.create(s.coach, s.relationship.id, form)
            var feedback = CoachingSessionService.FeedbackForm()
            feedback.nextStep = "Sort exit tickets into three piles"
            try await s.service.saveFeedback(s.coach, id, feedback)
            // run
            try await s.service.addNextStepToPlan(s.educator, id)
            // check: once only
            await #expect(throws: ServiceError.self) { try await s.service.addNextStepToPlan(s.educator, id) }
            let steps = try #require(try await scope.plans.find(plan.id, latest: true)).plan.goals[0].actionSteps
            #expect(steps.map(\.what) == ["Give a two-question exit ticket every Friday", "Sort exit tickets into three piles"])
            #expect(try await s.service.session(s.educator, id).session.feedback?.actionStepID == steps[1].id)
        }
    }

    @Test func theAlliancePulseIsAnsweredOnceWithinOneToFiveAndOnlyTheCoachSeesTheTrend() async throws {
        try await TestDatabase.with { database in
            // setup
            let s = try await Self.setting(database)
            let planning = try await s.service.create(s.coach, s.relationship.id, Self.form(kind: .planning))
            let id = try await s.service.create(s.coach, s.relationship.id, Self.form(kind: .feedback))
            // run and check
            await #expect(throws: ServiceError.notFound) { try await s.service.answerAlliance(s.educator, planning, answers: ["4", "4", "4", "4"]) }
            await #expect(throws: FieldErrors.self) { try await s.service.answerAlliance(s.educator, id, answers: ["4", "6", "4", "0"]) }
            await #expect(throws: ServiceError.forbidden) { try await s.service.answerAlliance(s.coach, id, answers: ["5", "5", "5", "5"]) }
            try await s.service.answerAlliance(s.educator, id, answers: ["3", "4", "5", "4"])
            await #expect(throws: ServiceError.conflict("You have already answered after this conversation; each one is answered once.")) {
                try await s.service.answerAlliance(s.educator, id, answers: ["5", "5", "5", "5"])
            }
            #expect(try await s.service.allianceTrend(s.coach, s.relationship.id)?.latest?.answers == [3, 4, 5, 4])
            #expect(try await s.service.allianceTrend(s.educator, s.relationship.id) == nil)
            for outsider in [s.districts.north.leader, s.districts.north.admin] {
                await #expect(throws: ServiceError.notFound) { _ = try await s.service.allianceTrend(Actor(outsider), s.relationship.id) }
            }
        }
    }

    @Test func aQuickContactIsOneShortFormForTheCoachsOwnPeople() async throws {
        try await TestDatabase.with { database in
            let s = try await Self.setting(database)
            var form = CoachingSessionService.ContactForm()
            form.relationship = s.relationship.id.rawValue
            form.channel = "phone"
            form.date = "2026-10-20"
            form.minutes = "0"
            form.text = "Asked about the reading groups"
            await #expect(throws: FieldErrors("minutes", "A session takes at least a minute.")) { _ = try await s.service.logContact(s.coach, form) }
            form.minutes = "10"
            let id = try await s.service.logContact(s.coach, form)
            let view = try await s.service.session(s.coach, id)
            #expect(view.session.kind == .informal && view.session.channel == .phone && view.session.notes.first?.visibility == .coachOnly)
            #expect(try await s.service.session(s.educator, id).session.notes.isEmpty)
            // someone the coach does not coach is not on the list
            let other = try await CaseloadFixtures.person(s.districts.environment, in: s.districts.north, "coach2", "Kwame Mensah", [.coach], school: nil)
            await #expect(throws: FieldErrors.self) { _ = try await s.service.logContact(Actor(other), form) }
        }
    }
}
