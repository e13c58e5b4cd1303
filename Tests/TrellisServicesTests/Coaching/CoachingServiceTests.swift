import Foundation
import Testing
import TestSupport
import TrellisCore
import TrellisServices
import TrellisStore

/// Proposing, answering and ending coaching relationships, and every bad input at its field.
@Suite struct CoachingServiceTests {
    @Test func aCoachInvitesTheEducatorAcceptsSharingHerPlanAndEitherEndsIt() async throws {
        try await TestDatabase.with { database in
            // setup: the educator has a plan this year, not shared
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north
            let coaching = CoachingService(env)
            let coach = Actor(north.coach), educator = Actor(north.educator)
            let plan = try await ReadyPlans.readyForReview(database, owner: north.educator, at: env.clock.now())
            // run: invite
            let invited = try await coaching.invite(coach, .init(personID: north.educator.id.rawValue, message: "Small groups?"))
            // check: waiting for her, she is told, the audit names no message
            #expect(try await coaching.mine(educator).awaitingMyAnswer.map(\.relationship.id) == [invited.id])
            #expect(try await NotificationService(env).recent(educator).first?.link == "/coaching/relationships/\(invited.id)")
            let events = try await OrganizationScope(database, organizationID: north.organization.id).audit.recent(limit: 5)
            #expect(events.contains { $0.kind == .coachingProposed && !$0.detail.contains("Small groups") })
            // run: the coach cannot accept their own invitation; she accepts, and a double click changes nothing
            await #expect(throws: ServiceError.forbidden) { try await coaching.answer(coach, invited.id, accept: true, expecting: 1) }
            let accepted = try await coaching.answer(educator, invited.id, accept: true, expecting: 1, sharePlan: true)
            let again = try await coaching.answer(educator, invited.id, accept: true, expecting: 1, sharePlan: true)
            // check: active, her plan now shared with the coach, in the same change
            #expect(accepted.state == .active && again.state == .active)
            #expect(try await PlanService(env, vault: nil).load(educator, plan.id).plan.sharing.isShared(with: north.coach.id))
            #expect(try await coaching.mine(educator).coaches.map(\.otherName) == ["Cam Coach"])
            // run: a stale end is refused, then the coach ends it
            await #expect(throws: ServiceError.conflict(CoachingService.changedElsewhere)) { try await coaching.end(coach, invited.id, expecting: 1) }
            try await coaching.end(coach, invited.id, expecting: 2)
            try await coaching.end(coach, invited.id, expecting: 2)
            // check
            #expect(try await coaching.relationship(educator, invited.id).relationship.state == .ended)
            #expect(try await coaching.mine(educator).coaches.isEmpty)
        }
    }

    @Test func anEducatorAsksACoachAndTheCoachDeclines() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north
            let coaching = CoachingService(env)
            let plan = try await ReadyPlans.readyForReview(database, owner: north.colleague, at: env.clock.now())
            // run: ask with the plan shared at once; the coach declines
            let asked = try await coaching.ask(Actor(north.colleague), .init(personID: north.coach.id.rawValue, sharePlan: true))
            #expect(try await coaching.coachProposals(Actor(north.coach)).map(\.relationship.id) == [asked.id])
            let declined = try await coaching.answer(Actor(north.coach), asked.id, accept: false, expecting: 1)
            // check
            #expect(declined.state == .declined)
            #expect(try await PlanService(env, vault: nil).load(Actor(north.colleague), plan.id).plan.sharing.isShared(with: north.coach.id))
            #expect(try await coaching.coachesToAsk(Actor(north.colleague)).map(\.name) == ["Cam Coach"])
        }
    }

    @Test func badProposalsGetAMessageAtTheirField() async throws {
        try await TestDatabase.with { database in
            // setup: one invitation already sent
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north, south = districts.south
            let coaching = CoachingService(env)
            let coach = Actor(north.coach)
            _ = try await coaching.invite(coach, .init(personID: north.educator.id.rawValue))
            func inviteError(_ id: String, message: String = "") async -> FieldErrors? {
                do { _ = try await coaching.invite(coach, .init(personID: id, message: message)); return nil } catch { return error as? FieldErrors }
            }
            func askError(_ by: Person, _ id: String) async -> FieldErrors? {
                do { _ = try await coaching.ask(Actor(by), .init(personID: id)); return nil } catch { return error as? FieldErrors }
            }
            // run, check
            #expect(await inviteError(north.educator.id.rawValue)?["educator"] == "You already invited Zoë Ångström; they have not answered yet.")
            #expect(await inviteError(north.coach.id.rawValue)?["educator"] == "Choose someone else: nobody coaches themselves.")
            #expect(await inviteError(south.educator.id.rawValue)?["educator"] == "Choose an educator from the list.")
            #expect(await inviteError("no-such-person")?["educator"] == "Choose an educator from the list.")
            #expect(await inviteError(north.colleague.id.rawValue, message: String(repeating: "a", count: 501))?["message"]?.contains("500") == true)
            #expect(await askError(north.colleague, north.leader.id.rawValue)?["coach"] == "Nguyễn Thị Hồng is not a coach in Trellis. Choose a coach from the list.")
            #expect(await askError(north.educator, north.coach.id.rawValue)?["coach"] == "Cam Coach has invited you already: answer their invitation instead.")
            #expect(await askError(north.colleague, south.coach.id.rawValue)?["coach"] == "Choose a coach from the list.")
            // someone without the coach role cannot invite at all
            await #expect(throws: ServiceError.forbidden) { try await coaching.invite(Actor(north.colleague), .init(personID: north.educator.id.rawValue)) }
        }
    }

    @Test func theCaseloadMarksWhoHasGoneQuietAndSortsAndFilters() async throws {
        try await TestDatabase.with { database in
            // setup: two people; the colleague's last contact is long ago, the educator's is recent
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north
            let longAgo = env.clock.now().addingTimeInterval(-90 * 86400)
            let recent = try await CaseloadFixtures.relationship(database, coach: north.coach, educator: north.educator, startedAt: longAgo)
            let quiet = try await CaseloadFixtures.relationship(database, coach: north.coach, educator: north.colleague, startedAt: longAgo)
            try await CaseloadFixtures.session(database, recent, on: "2026-11-12", school: north.school.id)
            try await CaseloadFixtures.session(database, quiet, on: "2026-09-01", school: north.otherSchool.id)
            try await CaseloadFixtures.session(database, recent, on: "2026-11-20", at: "10:00", school: north.school.id)
            _ = try await CoachingService(env).ask(Actor(north.leader), .init(personID: north.coach.id.rawValue))
            let service = CaseloadService(env)
            // run
            let all = try await service.caseload(Actor(north.coach), order: .lastContact)
            let quietOnly = try await service.caseload(Actor(north.coach), order: .name, quietOnly: true)
            // check: the proposal first, then the longest without contact; one gone quiet
            #expect(all.lines.map(\.entry.educatorName) == ["Nguyễn Thị Hồng", "Col League", "Zoë Ångström"])
            #expect(all.lines[0].awaitsMyAnswer && !all.lines[0].isQuiet)
            #expect(all.people == 2 && all.quiet == 1 && all.proposals == 1)
            #expect(all.lines[2].entry.nextSession?.date == CalendarDate(iso: "2026-11-20"))
            #expect(quietOnly.lines.map(\.entry.relationship.id) == [quiet.id])
            await #expect(throws: ServiceError.forbidden) { try await service.caseload(Actor(north.educator)) }
        }
    }

    @Test func countsAreForAdminsAndLeadersOfTheirSchoolOnly() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let env = districts.environment, north = districts.north
            let now = env.clock.now()
            let withZoe = try await CaseloadFixtures.relationship(database, coach: north.coach, educator: north.educator, startedAt: now)
            let withCol = try await CaseloadFixtures.relationship(database, coach: north.coach, educator: north.colleague, startedAt: now)
            try await CaseloadFixtures.session(database, withZoe, on: "2026-10-01", minutes: 90, school: north.school.id, note: "Private words")
            try await CaseloadFixtures.session(database, withCol, on: "2026-10-02", minutes: 30, school: north.otherSchool.id)
            let counts = CoachingCountsService(env)
            // run
            let district = try await counts.counts(Actor(north.admin))
            let school = try await counts.counts(Actor(north.leader))
            // check
            #expect(district.schools.map(\.name) == [north.otherSchool.name, north.school.name].sorted())
            #expect(district.coaches == [.init(name: "Cam Coach", sessions: 2, minutes: 120, people: 2)])
            #expect(school.schoolName == north.school.name && school.schools.map(\.sessions) == [1] && school.coaches.map(\.hours) == [1.5])
            await #expect(throws: ServiceError.forbidden) { try await counts.counts(Actor(north.coach)) }
            await #expect(throws: ServiceError.forbidden) { try await counts.counts(Actor(north.educator)) }
        }
    }

    @Test func theRhythmIsADistrictSettingWithAMessageForBadInput() async throws {
        try await TestDatabase.with { database in
            // setup
            let districts = try await TestDistricts.make(database)
            let settings = DistrictSettingsService(districts.environment), admin = Actor(districts.north.admin)
            // run, check
            #expect(try await settings.checkInRhythm(admin) == .fourWeeks)
            for bad in ["6", "121", "two weeks", ""] {
                await #expect(throws: FieldErrors.self) { try await settings.setCheckInRhythm(admin, days: bad) }
            }
            try await settings.setCheckInRhythm(admin, days: " 14 ")
            #expect(try await settings.checkInRhythm(admin).days == 14)
            await #expect(throws: ServiceError.forbidden) { try await settings.setCheckInRhythm(Actor(districts.north.leader), days: "14") }
        }
    }
}
